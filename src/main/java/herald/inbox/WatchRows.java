package herald.inbox;

import herald.connections.ConnectionId;
import herald.database.Intervals;
import herald.publishing.PostId;
import herald.publishing.TargetId;
import herald.shared.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code inbox_watches} rows (V169): the published targets whose comments are read, and when each is read next.
 * Reads and writes of one workspace run inside its tenant scope, which the callers open; the two functions across
 * workspaces ({@link #track}, {@link #due}) answer ids only.
 */
@Component
class WatchRows {

    /** A published target whose comments are read. */
    record Watch(
            WorkspaceId workspace,
            TargetId target,
            PostId post,
            ConnectionId connection,
            String provider,
            String accountHandle,
            String platformPostId,
            Instant publishedAt) {}

    /** A watch due for a reading: its workspace and target. */
    record Due(WorkspaceId workspace, TargetId target) {}

    private final JdbcClient jdbc;

    WatchRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Starts watching targets published on these platforms since each workspace's latest watched one: every
     * workspace's, or {@code only}'s when it is given.
     */
    int track(
            Instant now,
            Duration firstRead,
            Duration overlap,
            Duration backfill,
            List<String> providers,
            int limit,
            @Nullable WorkspaceId only) {
        if (providers.isEmpty()) {
            return 0;
        }
        Integer added = jdbc.sql(
                        "select herald_inbox_track(:now, :first, :overlap, :backfill, :providers, :limit, :workspace)")
                .param("now", Timestamp.from(now))
                .param("first", Intervals.of(firstRead))
                .param("overlap", Intervals.of(overlap))
                .param("backfill", Intervals.of(backfill))
                .param("providers", providers.toArray(String[]::new))
                .param("limit", limit)
                .param("workspace", only == null ? null : only.value(), java.sql.Types.OTHER)
                .query(Integer.class)
                .single();
        return added == null ? 0 : added;
    }

    List<Due> due(Instant now, int limit, @Nullable WorkspaceId only) {
        return jdbc.sql("select * from herald_inbox_due(:now, :limit, :workspace)")
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .param("workspace", only == null ? null : only.value(), java.sql.Types.OTHER)
                .query((rs, n) -> new Due(
                        new WorkspaceId(rs.getObject(1, UUID.class)), new TargetId(rs.getObject(2, UUID.class))))
                .list();
    }

    /** The watches of these targets that are still read (a target read meanwhile by another sweep included). */
    List<Watch> watches(WorkspaceId workspace, Collection<TargetId> targets) {
        return jdbc.sql(
                        """
                        select * from inbox_watches
                         where workspace_id = :workspace and target_id = any(:targets) and next_read_at is not null
                         order by connection_id, published_at desc""")
                .param("workspace", workspace.value())
                .param("targets", targets.stream().map(TargetId::value).toArray(UUID[]::new))
                .query(WatchRows::watch)
                .list();
    }

    /** The workspace's watches still read, the most recently published first. */
    List<Watch> watching(WorkspaceId workspace, int limit) {
        return jdbc.sql(
                        """
                        select * from inbox_watches
                         where workspace_id = :workspace and next_read_at is not null
                         order by published_at desc limit :limit""")
                .param("workspace", workspace.value())
                .param("limit", limit)
                .query(WatchRows::watch)
                .list();
    }

    /** A reading went well: next at {@code next}, or never when it is null. */
    void read(WorkspaceId workspace, TargetId target, Instant readAt, @Nullable Instant next) {
        jdbc.sql(
                        """
                        update inbox_watches set read_at = :readAt, next_read_at = :next, last_error = null
                         where workspace_id = :workspace and target_id = :target""")
                .param("readAt", Timestamp.from(readAt))
                .param("next", next == null ? null : Timestamp.from(next))
                .param("workspace", workspace.value())
                .param("target", target.value())
                .update();
    }

    /** A reading failed: tried again at {@code next}, or never when it is null. */
    void failed(WorkspaceId workspace, TargetId target, String why, @Nullable Instant next) {
        jdbc.sql(
                        """
                        update inbox_watches set next_read_at = :next, last_error = left(:why, 500)
                         where workspace_id = :workspace and target_id = :target""")
                .param("next", next == null ? null : Timestamp.from(next))
                .param("why", why)
                .param("workspace", workspace.value())
                .param("target", target.value())
                .update();
    }

    private static Watch watch(ResultSet rs, int row) throws SQLException {
        return new Watch(
                new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                new TargetId(rs.getObject("target_id", UUID.class)),
                new PostId(rs.getObject("post_id", UUID.class)),
                new ConnectionId(rs.getObject("connection_id", UUID.class)),
                rs.getString("provider"),
                rs.getString("account_handle"),
                rs.getString("platform_post_id"),
                rs.getTimestamp("published_at").toInstant());
    }
}
