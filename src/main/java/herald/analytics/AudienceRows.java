package herald.analytics;

import herald.connections.ConnectionId;
import herald.providers.AccountMetrics;
import herald.shared.WorkspaceId;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code audience_snapshots} rows (V136): one per connection and UTC day. Reads and writes of one workspace run
 * inside its tenant scope, which the callers open; {@link #due} crosses workspaces and answers ids only.
 */
@Component
class AudienceRows {

    /** A connection whose snapshot of the day is still to take. */
    record Due(WorkspaceId workspace, ConnectionId connection) {}

    /** One day's row: its counts once read, or why the reading failed and when it is tried again. */
    record Snapshot(
            ConnectionId connection,
            LocalDate day,
            @Nullable Long followers,
            @Nullable Long following,
            @Nullable Long posts,
            @Nullable Instant readAt,
            @Nullable String lastError,
            @Nullable Instant retryAt) {}

    private final JdbcClient jdbc;

    AudienceRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Due> due(LocalDate day, Instant now, List<String> providers, int limit, @Nullable WorkspaceId only) {
        return jdbc.sql("select * from herald_audience_due(:day, :now, :providers, :limit, :workspace)")
                .param("day", Date.valueOf(day))
                .param("now", Timestamp.from(now))
                .param("providers", providers.toArray(String[]::new))
                .param("limit", limit)
                .param("workspace", only == null ? null : only.value(), java.sql.Types.OTHER)
                .query((rs, n) -> new Due(
                        new WorkspaceId(rs.getObject(1, UUID.class)), new ConnectionId(rs.getObject(2, UUID.class))))
                .list();
    }

    /**
     * The day's snapshot; false when the day was read already (by another node, or a run that overlapped): the first
     * reading of a day stands.
     */
    boolean read(WorkspaceId workspace, ConnectionId connection, LocalDate day, AccountMetrics counts) {
        return jdbc.sql(
                                """
                        insert into audience_snapshots (workspace_id, connection_id, day, followers, following, posts,
                            read_at)
                        values (:workspace, :connection, :day, :followers, :following, :posts, :readAt)
                        on conflict (workspace_id, connection_id, day) do update
                            set followers = excluded.followers, following = excluded.following,
                                posts = excluded.posts, read_at = excluded.read_at, last_error = null,
                                retry_at = null, attempts = audience_snapshots.attempts + 1
                          where audience_snapshots.read_at is null""")
                        .param("workspace", workspace.value())
                        .param("connection", connection.value())
                        .param("day", Date.valueOf(day))
                        .param("followers", counts.followers())
                        .param("following", counts.following())
                        .param("posts", counts.posts())
                        .param("readAt", Timestamp.from(counts.readAt()))
                        .update()
                == 1;
    }

    /** A reading of the day that failed: why, and when to try again; a day already read keeps its counts. */
    void failed(WorkspaceId workspace, ConnectionId connection, LocalDate day, String why, Instant retryAt) {
        jdbc.sql(
                        """
                        insert into audience_snapshots (workspace_id, connection_id, day, last_error, retry_at)
                        values (:workspace, :connection, :day, :why, :retryAt)
                        on conflict (workspace_id, connection_id, day) do update
                            set last_error = excluded.last_error, retry_at = excluded.retry_at,
                                attempts = audience_snapshots.attempts + 1
                          where audience_snapshots.read_at is null""")
                .param("workspace", workspace.value())
                .param("connection", connection.value())
                .param("day", Date.valueOf(day))
                .param("why", why.length() > 500 ? why.substring(0, 497) + "..." : why)
                .param("retryAt", Timestamp.from(retryAt))
                .update();
    }

    /** The read snapshots from {@code from} to {@code to} inclusive, by connection and day. */
    List<Snapshot> between(WorkspaceId workspace, LocalDate from, LocalDate to, @Nullable ConnectionId connection) {
        return jdbc.sql(
                        """
                        select * from audience_snapshots
                         where workspace_id = :workspace and day between :from and :to and read_at is not null
                           and (cast(:connection as uuid) is null or connection_id = cast(:connection as uuid))
                         order by connection_id, day""")
                .param("workspace", workspace.value())
                .param("from", Date.valueOf(from))
                .param("to", Date.valueOf(to))
                .param("connection", connection == null ? null : connection.value())
                .query(AudienceRows::snapshot)
                .list();
    }

    /** Each connection's latest row, read or not, and its latest read one: where it stands now. */
    List<Snapshot> latest(WorkspaceId workspace, boolean readOnly) {
        return jdbc.sql(
                        """
                        select distinct on (connection_id) * from audience_snapshots
                         where workspace_id = :workspace and (not :readOnly or read_at is not null)
                         order by connection_id, day desc""")
                .param("workspace", workspace.value())
                .param("readOnly", readOnly)
                .query(AudienceRows::snapshot)
                .list();
    }

    private static Snapshot snapshot(ResultSet rs, int n) throws SQLException {
        return new Snapshot(
                new ConnectionId(rs.getObject("connection_id", UUID.class)),
                rs.getDate("day").toLocalDate(),
                MetricsRows.nullableLong(rs, "followers"),
                MetricsRows.nullableLong(rs, "following"),
                MetricsRows.nullableLong(rs, "posts"),
                MetricsRows.instant(rs, "read_at"),
                rs.getString("last_error"),
                MetricsRows.instant(rs, "retry_at"));
    }
}
