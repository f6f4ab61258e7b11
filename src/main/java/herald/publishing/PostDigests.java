package herald.publishing;

import herald.shared.UserId;
import herald.shared.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The posts side of a person's "All workspaces" page: per workspace they belong to, what went wrong lately, what waits
 * for approval and what publishes next, counted in one read across their workspaces (a security-definer function that
 * only looks at the workspaces of their memberships and answers counts).
 */
@Component
public class PostDigests {

    /** How far ahead "scheduled soon" looks. */
    public static final Duration HORIZON = Duration.ofDays(7);

    /**
     * Posts due (or created, when they have no time) before this are not looked at: it keeps the read to one short range
     * of each workspace's listing index. A post waiting for approval or failed that long ago has gone stale anyway.
     */
    public static final Duration LOOK_BACK = Duration.ofDays(90);

    private final JdbcClient jdbc;
    private final Clock clock;

    PostDigests(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The digest of each of {@code user}'s workspaces that has posts in view; the others have none. */
    public Map<WorkspaceId, PostDigest> of(UserId user) {
        Instant now = clock.instant();
        var digests = new LinkedHashMap<WorkspaceId, PostDigest>();
        jdbc.sql("select * from herald_post_digest(:user, :since, :attentionSince, :now, :horizon)")
                .param("user", user.value())
                .param("since", Timestamp.from(now.minus(LOOK_BACK)))
                .param("attentionSince", Timestamp.from(now.minus(PostOverview.ATTENTION_WINDOW)))
                .param("now", Timestamp.from(now))
                .param("horizon", Timestamp.from(now.plus(HORIZON)))
                .query((RowCallbackHandler) rs -> digests.put(
                        new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                        new PostDigest(
                                rs.getInt("failed"),
                                rs.getInt("awaiting_approval"),
                                rs.getInt("scheduled_soon"),
                                instant(rs, "next_due_at"),
                                rs.getInt("published_recently"),
                                instant(rs, "last_published_at"))));
        return digests;
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }

    /**
     * One workspace's posts at a glance: {@code failed} on some or all accounts within {@link
     * PostOverview#ATTENTION_WINDOW}, {@code awaitingApproval}, {@code scheduledSoon} within {@link #HORIZON} and the
     * next due time, {@code publishedRecently} within the attention window and the latest publish.
     */
    public record PostDigest(
            int failed,
            int awaitingApproval,
            int scheduledSoon,
            @Nullable Instant nextDueAt,
            int publishedRecently,
            @Nullable Instant lastPublishedAt) {

        public static final PostDigest NONE = new PostDigest(0, 0, 0, null, 0, null);
    }
}
