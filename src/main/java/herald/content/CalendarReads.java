package herald.content;

import static herald.database.SqlTimes.instant;

import herald.assets.AssetId;
import herald.connections.ConnectionId;
import herald.publishing.PostId;
import herald.publishing.Provenance;
import herald.shared.WorkspaceId;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The queries of calendar runs: a run, the newest runs, the one queued or running, who asked for one, its planned
 * slots and its log lines. {@link CalendarRows} writes them. Every call runs inside the caller's tenant transaction.
 */
@Component
class CalendarReads {

    private static final String RUN_COLUMNS =
            """
            id, month, posts, ai_for_all, persona_id, connection_ids, status, done, total, error, prompt_tokens,
            completion_tokens, cost_micros, created_by_label, created_at, started_at, finished_at, post_ids""";

    private final JdbcClient jdbc;

    CalendarReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A slot as stored, with its caption once written. */
    record StoredSlot(
            int position,
            String postType,
            java.time.LocalDateTime local,
            Instant at,
            @Nullable String itemName,
            @Nullable String itemDescription,
            @Nullable AssetId asset,
            @Nullable String caption,
            @Nullable String mode) {}

    /** Who asked, as the job needs it to create the drafts in their name. */
    record Creator(Provenance provenance) {}

    Optional<CalendarRunId> active(WorkspaceId workspace) {
        return jdbc.sql(
                        """
                        select id from calendar_runs
                         where workspace_id = :workspace and status in ('queued', 'running')""")
                .param("workspace", workspace.value())
                .query((rs, n) -> new CalendarRunId(rs.getObject(1, UUID.class)))
                .optional();
    }

    Optional<CalendarRun> find(WorkspaceId workspace, CalendarRunId id) {
        return jdbc.sql("select " + RUN_COLUMNS + " from calendar_runs where workspace_id = :workspace and id = :id")
                .param("workspace", workspace.value())
                .param("id", id.value())
                .query((rs, n) -> run(rs))
                .optional();
    }

    List<CalendarRun> recent(WorkspaceId workspace, int limit) {
        return jdbc.sql("select " + RUN_COLUMNS + " from calendar_runs where workspace_id = :workspace"
                        + " order by created_at desc, id desc limit :limit")
                .param("workspace", workspace.value())
                .param("limit", limit)
                .query((rs, n) -> run(rs))
                .list();
    }

    Optional<Creator> creator(WorkspaceId workspace, CalendarRunId id) {
        return jdbc.sql(
                        """
                        select created_by_origin, created_by_type, created_by_id, created_by_label from calendar_runs
                         where workspace_id = :workspace and id = :id""")
                .param("workspace", workspace.value())
                .param("id", id.value())
                .query((rs, n) -> new Creator(new Provenance(
                        Provenance.Origin.of(rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4))))
                .optional();
    }

    List<StoredSlot> slots(WorkspaceId workspace, CalendarRunId id) {
        return jdbc.sql(
                        """
                        select position, post_type, local_at, scheduled_at, item_name, item_description, asset_id,
                            caption, mode
                          from calendar_slots where workspace_id = :workspace and run_id = :run order by position""")
                .param("workspace", workspace.value())
                .param("run", id.value())
                .query((rs, n) -> new StoredSlot(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getTimestamp(3).toLocalDateTime(),
                        rs.getTimestamp(4).toInstant(),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getObject(7) == null ? null : new AssetId(rs.getObject(7, UUID.class)),
                        rs.getString(8),
                        rs.getString(9)))
                .list();
    }

    List<CalendarRun.Line> lines(WorkspaceId workspace, CalendarRunId id, long afterSeq) {
        return jdbc.sql(
                        """
                        select seq, at, level, message, post_id, done from calendar_log
                         where workspace_id = :workspace and run_id = :run and seq > :after order by seq""")
                .param("workspace", workspace.value())
                .param("run", id.value())
                .param("after", afterSeq)
                .query((rs, n) -> new CalendarRun.Line(
                        rs.getLong(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getObject(5) == null ? null : new PostId(rs.getObject(5, UUID.class)),
                        rs.getInt(6)))
                .list();
    }

    private static CalendarRun run(ResultSet rs) throws SQLException {
        return new CalendarRun(
                new CalendarRunId(rs.getObject("id", UUID.class)),
                YearMonth.parse(rs.getString("month")),
                rs.getInt("posts"),
                rs.getBoolean("ai_for_all"),
                rs.getObject("persona_id", UUID.class),
                uuids(rs.getArray("connection_ids")).stream()
                        .map(ConnectionId::new)
                        .toList(),
                CalendarRun.Status.of(rs.getString("status")),
                rs.getInt("done"),
                rs.getInt("total"),
                rs.getString("error"),
                new AiUsage(rs.getLong("prompt_tokens"), rs.getLong("completion_tokens"), rs.getLong("cost_micros")),
                rs.getString("created_by_label"),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs.getTimestamp("started_at")),
                instant(rs.getTimestamp("finished_at")),
                uuids(rs.getArray("post_ids")).stream().map(PostId::new).toList());
    }

    private static List<UUID> uuids(@Nullable Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        return new ArrayList<>(Arrays.asList((UUID[]) array.getArray()));
    }
}
