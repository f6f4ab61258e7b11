package herald.sandbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The comments under the Sandbox's posts: at most {@link Posts#MAX_TEXT} characters, never empty. */
@Component
class Comments {

    static final int MAX_TEXT = Posts.MAX_TEXT;

    private static final String SELECT =
            """
            select c.id, c.post_id, a.handle, c.text, c.created_at
            from sandbox_comments c join sandbox_accounts a on a.id = c.account_id""";

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

    /**
     * Stores a comment of {@code account} under {@code post}; the caller has checked that the account published it.
     *
     * @throws SandboxError 404 when the post went in the meantime
     */
    Comment create(UUID post, UUID account, String text) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // as timestamptz stores it
        String handle = jdbc.sql(
                        """
                        with created as (
                            insert into sandbox_comments (id, post_id, account_id, text, created_at)
                            select :id, p.id, :account, :text, :now from sandbox_posts p where p.id = :post
                            returning account_id)
                        select a.handle from created c join sandbox_accounts a on a.id = c.account_id""")
                .param("id", id)
                .param("post", post)
                .param("account", account)
                .param("text", text)
                .param("now", Timestamp.from(now))
                .query(String.class)
                .optional()
                .orElseThrow(() -> SandboxError.notFound("No post " + post + "."));
        return new Comment(id, post, handle, text, now);
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
                .stream()
                .collect(Collectors.groupingBy(Comment::postId));
    }

    private static Comment comment(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Comment(
                rs.getObject("id", UUID.class),
                rs.getObject("post_id", UUID.class),
                rs.getString("handle"),
                rs.getString("text"),
                rs.getTimestamp("created_at").toInstant());
    }
}
