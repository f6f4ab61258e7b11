package herald.sandbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The comments under the Sandbox's posts: at most {@link Posts#MAX_TEXT} characters, never empty; written by the post's
 * account or by a visitor with a name of at most {@link #MAX_NAME} characters; each may answer another comment under
 * the same post.
 */
@Component
class Comments {

    static final int MAX_TEXT = Posts.MAX_TEXT;
    static final int MAX_NAME = 50;

    /** An account's name is read from the account, so that a comment follows a change of its display name. */
    private static final String SELECT =
            """
            select c.id, c.post_id, o.handle as feed_handle, a.handle,
                coalesce(c.author_name, nullif(a.display_name, ''), a.handle) as author_name,
                c.text, c.created_at, c.reply_to
            from sandbox_comments c
            join sandbox_posts p on p.id = c.post_id
            join sandbox_accounts o on o.id = p.account_id
            left join sandbox_accounts a on a.id = c.account_id""";

    private final JdbcClient jdbc;
    private final Clock clock;

    Comments(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Refuses an empty or too long comment. */
    static void validate(String text) {
        if (text.isBlank()) {
            throw SandboxError.invalidContent("A comment needs text.");
        }
        if (text.length() > MAX_TEXT) {
            throw SandboxError.invalidContent(
                    "The comment is " + text.length() + " characters long; at most " + MAX_TEXT + " are allowed.");
        }
    }

    /** A visitor's name without its surrounding blanks; refuses none, one over {@link #MAX_NAME}, or more than a line. */
    static String authorName(@Nullable String name) {
        String value = name == null ? "" : name.strip();
        if (value.isEmpty()) {
            throw SandboxError.invalidContent("A visitor's comment needs a name.");
        }
        // Counted as the database's check counts them: characters, not UTF-16 units.
        int length = value.codePointCount(0, value.length());
        if (length > MAX_NAME) {
            throw SandboxError.invalidContent(
                    "The name is " + length + " characters long; at most " + MAX_NAME + " are allowed.");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw SandboxError.invalidContent("The name must be one line of text.");
        }
        return value;
    }

    /**
     * The comment under {@code post} that {@code replyTo} names, or null when there is none to answer.
     *
     * @throws SandboxError 400 {@code invalid_content} when the post has no comment with that id (unknown, malformed,
     *     or under another post)
     */
    @Nullable
    UUID replied(UUID post, @Nullable String replyTo) {
        if (replyTo == null) {
            return null;
        }
        return under(post, replyTo).orElseThrow(() -> notUnder(replyTo));
    }

    /** The comment {@code replyTo} names, if it is one under {@code post}. */
    Optional<UUID> under(UUID post, String replyTo) {
        UUID id;
        try {
            id = UUID.fromString(replyTo.strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return jdbc.sql("select id from sandbox_comments where id = :id and post_id = :post")
                .param("id", id)
                .param("post", post)
                .query(UUID.class)
                .optional();
    }

    /** The refusal of a {@code replyTo} that names no comment under the post. */
    static SandboxError notUnder(String replyTo) {
        return SandboxError.invalidContent("replyTo: the post has no comment " + replyTo + " to reply to.");
    }

    /**
     * Stores a comment of {@code account} under {@code post}; the caller has checked that the account published it, and
     * that {@code replyTo} is under it ({@link #replied}).
     *
     * @throws SandboxError 404 when the post went in the meantime
     */
    Comment byAccount(UUID post, UUID account, String text, @Nullable UUID replyTo) {
        return create(post, account, null, text, replyTo);
    }

    /**
     * Stores a visitor's comment under {@code post}, with a name checked by {@link #authorName}; the caller has checked
     * that {@code replyTo} is under the post ({@link #replied}).
     *
     * @throws SandboxError 404 when the post went in the meantime
     */
    Comment byVisitor(UUID post, String name, String text, @Nullable UUID replyTo) {
        return create(post, null, name, text, replyTo);
    }

    private Comment create(
            UUID post, @Nullable UUID account, @Nullable String name, String text, @Nullable UUID replyTo) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // as timestamptz stores it
        // Typed casts: a null parameter alone tells PostgreSQL nothing of its type.
        int stored = jdbc.sql(
                        """
                        insert into sandbox_comments (id, post_id, account_id, author_name, text, created_at, reply_to)
                        select :id, p.id, cast(:account as uuid), cast(:name as text), :text, :now,
                            cast(:replyTo as uuid)
                        from sandbox_posts p where p.id = :post""")
                .param("id", id)
                .param("post", post)
                .param("account", account)
                .param("name", name)
                .param("text", text)
                .param("now", Timestamp.from(now))
                .param("replyTo", replyTo)
                .update();
        if (stored == 0) {
            throw SandboxError.notFound("No post " + post + ".");
        }
        return byId(id).orElseThrow(() -> SandboxError.notFound("No post " + post + "."));
    }

    Optional<Comment> byId(UUID id) {
        return jdbc.sql(SELECT + " where c.id = :id")
                .param("id", id)
                .query(Comments::comment)
                .optional();
    }

    /** The post's comments, newest first. */
    List<Comment> byPost(UUID post, int limit) {
        return jdbc.sql(SELECT + " where c.post_id = :post order by c.created_at desc, c.id limit :limit")
                .param("post", post)
                .param("limit", limit)
                .query(Comments::comment)
                .list();
    }

    /** The comments of these posts, oldest first under each, for the feed page. */
    Map<UUID, List<Comment>> byPosts(Collection<UUID> posts) {
        if (posts.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql(SELECT + " where c.post_id in (:posts) order by c.created_at, c.id")
                .param("posts", List.copyOf(posts))
                .query(Comments::comment)
                // list(): a query's own stream() would hold its connection until closed, and leak it here
                .list()
                .stream()
                .collect(Collectors.groupingBy(Comment::postId));
    }

    private static Comment comment(ResultSet rs, int row) throws SQLException {
        return new Comment(
                rs.getObject("id", UUID.class),
                rs.getObject("post_id", UUID.class),
                rs.getString("feed_handle"),
                rs.getString("handle"),
                rs.getString("author_name"),
                rs.getString("text"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getObject("reply_to", UUID.class));
    }
}
