package herald.sandbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The posts of the Sandbox, with its one content rule that platforms share: no duplicate text within 24 hours. */
@Component
class Posts {

    static final int MAX_TEXT = 500;
    static final Duration DUPLICATE_WINDOW = Duration.ofHours(24);

    private static final String SELECT =
            """
            select p.id, a.handle, p.text, p.link, p.media_urls, p.media_content_types, p.media_sizes, p.created_at,
                r.reply_to, s.post_id is not null as story
            from sandbox_posts p join sandbox_accounts a on a.id = p.account_id
            left join sandbox_replies r on r.post_id = p.id
            left join sandbox_stories s on s.post_id = p.id""";

    private final JdbcClient jdbc;
    private final Clock clock;

    Posts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Refuses a story that is not one medium alone, as Instagram takes a story: no text, no link, no reply. */
    static void validateStory(String text, @Nullable String link, List<String> mediaUrls, @Nullable String replyTo) {
        if (mediaUrls.size() != 1) {
            throw SandboxError.invalidContent(
                    "A story is one image or video; this one has " + mediaUrls.size() + " media URLs.");
        }
        if (!text.isEmpty() || link != null || replyTo != null) {
            throw SandboxError.invalidContent("A story carries no text, link or reply: only its medium.");
        }
    }

    /** Refuses text that is too long, or a post with neither text nor media. */
    static void validate(String text, List<String> mediaUrls) {
        if (text.length() > MAX_TEXT) {
            throw SandboxError.invalidContent(
                    "The text is " + text.length() + " characters long; at most " + MAX_TEXT + " are allowed.");
        }
        if (text.isBlank() && mediaUrls.isEmpty()) {
            throw SandboxError.invalidContent("A post needs text or at least one media URL.");
        }
    }

    /** Refuses the same text on the same account within 24 hours, as X does. */
    void refuseDuplicate(UUID account, String text) {
        if (!text.isBlank() && isDuplicate(account, text)) {
            throw duplicate();
        }
    }

    /**
     * Stores a post unless the account posted the same text within {@link #DUPLICATE_WINDOW}, and counts it, in one
     * round trip and one commit ({@code sandbox_create_post}, V115, its counter sharded by V117): the function takes a per-account advisory lock
     * before its duplicate check, so two concurrent identical posts cannot both pass it.
     *
     * A reply ({@code replyTo}, a thread's next part) is linked to the post it answers right after it is stored, and
     * a story is marked one the same way.
     *
     * @throws SandboxError 409 {@code duplicate}, or 401 {@code invalid_token} when the account is gone
     */
    Post create(
            UUID account,
            String text,
            @Nullable String link,
            List<Post.Media> media,
            @Nullable UUID replyTo,
            boolean story) {
        UUID id = UUID.randomUUID();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // as timestamptz stores it
        record Created(String handle, boolean duplicate) {}
        Created created = jdbc.sql(
                        """
                        select handle, duplicate from sandbox_create_post(:id, :account, :text, :link, :urls, :types,
                            cast(:sizes as bigint[]), :now, :since)""")
                .param("id", id)
                .param("account", account)
                .param("text", text)
                .param("link", link)
                .param("urls", media.stream().map(Post.Media::url).toArray(String[]::new))
                .param("types", media.stream().map(Post.Media::contentType).toArray(String[]::new))
                .param(
                        "sizes",
                        media.stream().map(m -> Long.toString(m.bytes())).toArray(String[]::new))
                .param("now", Timestamp.from(now))
                .param("since", Timestamp.from(now.minus(DUPLICATE_WINDOW)))
                .query((rs, n) -> new Created(rs.getString(1), rs.getBoolean(2)))
                .optional()
                .orElseThrow(SandboxError::invalidToken);
        if (created.duplicate()) {
            throw duplicate();
        }
        if (replyTo != null) {
            jdbc.sql("insert into sandbox_replies (post_id, reply_to) values (:id, :replyTo)")
                    .param("id", id)
                    .param("replyTo", replyTo)
                    .update();
        }
        if (story) {
            jdbc.sql("insert into sandbox_stories (post_id) values (:id)")
                    .param("id", id)
                    .update();
        }
        return new Post(id, created.handle(), text, link, List.copyOf(media), now, replyTo, story);
    }

    /**
     * The post with this id, as a path names it.
     *
     * @throws SandboxError 404 {@code not_found} for an id that is unknown or not an id at all
     */
    Post find(String id) {
        return named(id).orElseThrow(() -> SandboxError.notFound("No post " + id + "."));
    }

    /** The post with this id, as a path names it: none for an id that is unknown or not an id at all. */
    Optional<Post> named(String id) {
        try {
            return byId(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    Optional<Post> byId(UUID id) {
        return jdbc.sql(SELECT + " where p.id = :id")
                .param("id", id)
                .query(Posts::post)
                .optional();
    }

    /** How many posts the account has. */
    long countByAccount(UUID account) {
        return jdbc.sql("select count(*) from sandbox_posts where account_id = :account")
                .param("account", account)
                .query(Long.class)
                .single();
    }

    /** The account's posts, newest first. */
    List<Post> byAccount(UUID account, int limit) {
        return jdbc.sql(SELECT + " where p.account_id = :account order by p.created_at desc, p.id limit :limit")
                .param("account", account)
                .param("limit", limit)
                .query(Posts::post)
                .list();
    }

    private static SandboxError duplicate() {
        return new SandboxError(
                HttpStatus.CONFLICT, "duplicate", "This account posted the same text within the last 24 hours.");
    }

    private boolean isDuplicate(UUID account, String text) {
        return jdbc.sql(
                        """
                        select exists (select 1 from sandbox_posts
                                       where account_id = :account and text = :text and created_at > :since)""")
                .param("account", account)
                .param("text", text)
                .param("since", Timestamp.from(clock.instant().minus(DUPLICATE_WINDOW)))
                .query(Boolean.class)
                .single();
    }

    private static Post post(ResultSet rs, int row) throws SQLException {
        Object[] urls = (Object[]) rs.getArray("media_urls").getArray();
        Object[] types = (Object[]) rs.getArray("media_content_types").getArray();
        Object[] sizes = (Object[]) rs.getArray("media_sizes").getArray();
        List<Post.Media> media = new ArrayList<>();
        for (int i = 0; i < urls.length; i++) {
            media.add(new Post.Media(urls[i].toString(), types[i].toString(), ((Number) sizes[i]).longValue()));
        }
        Instant createdAt = rs.getTimestamp("created_at").toInstant();
        return new Post(
                rs.getObject("id", UUID.class),
                rs.getString("handle"),
                rs.getString("text"),
                rs.getString("link"),
                List.copyOf(media),
                createdAt,
                rs.getObject("reply_to", UUID.class),
                rs.getBoolean("story"));
    }
}
