package herald.publishing;

import herald.shared.InvalidInput;
import herald.shared.WorkspaceId;
import herald.tenancy.Workspace;
import herald.tenancy.Workspaces;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The writes of {@code post_repeats} (V145), inside the transactions of the post they belong to: {@link PostCreation}
 * and {@link Posts#edit} set a post's repeat, {@link PostRepeats} continues and ends series.
 */
@Component
class RepeatRows {

    private final JdbcClient jdbc;
    private final Workspaces workspaces;
    private final Clock clock;

    RepeatRows(JdbcClient jdbc, Workspaces workspaces, Clock clock) {
        this.jdbc = jdbc;
        this.workspaces = workspaces;
        this.clock = clock;
    }

    /**
     * Starts or changes the post's repeat, inside the transaction that stores or edits the post; {@link Repeat#NEVER}
     * removes it. The series starts again at the post's time.
     *
     * @throws InvalidInput when its last day is before the post's own day
     */
    void set(WorkspaceId workspace, PostId post, Repeat repeat, @Nullable Instant at, @Nullable String timezone) {
        if (!repeat.repeats()) {
            jdbc.sql("delete from post_repeats where workspace_id = :w and post_id = :p and next_post_id is null")
                    .param("w", workspace.value())
                    .param("p", post.value())
                    .update();
            return;
        }
        ZoneId zone = zone(workspace, timezone);
        LocalDateTime start = LocalDateTime.ofInstant(at == null ? clock.instant() : at, zone);
        repeat.check(start.toLocalDate());
        insert(workspace, post, repeat, start, zone, 1);
    }

    /** The {@code skipped} column of a {@code post_repeats} row. */
    static Set<LocalDate> skipped(ResultSet rs) throws SQLException {
        Array days = rs.getArray("skipped");
        if (days == null) {
            return Set.of();
        }
        Set<LocalDate> found = new HashSet<>();
        for (Object day : (Object[]) days.getArray()) {
            found.add(day instanceof java.sql.Date date ? date.toLocalDate() : LocalDate.parse(day.toString()));
        }
        return found;
    }

    /** Carries the days still to skip to the next occurrence's row: those after its own day. */
    void carrySkipped(WorkspaceId workspace, PostId post, Set<LocalDate> skipped, LocalDate after) {
        List<LocalDate> ahead =
                skipped.stream().filter(day -> day.isAfter(after)).sorted().toList();
        if (ahead.isEmpty()) {
            return;
        }
        jdbc.sql("update post_repeats set skipped = :days where workspace_id = :w and post_id = :p")
                .param("days", ahead.stream().map(java.sql.Date::valueOf).toArray(java.sql.Date[]::new))
                .param("w", workspace.value())
                .param("p", post.value())
                .update();
    }

    void insert(WorkspaceId workspace, PostId post, Repeat repeat, LocalDateTime start, ZoneId zone, int occurrence) {
        jdbc.sql(
                        """
                        insert into post_repeats (workspace_id, post_id, every, until, starts_at, zone, occurrence)
                        values (:w, :p, :every, :until, :start, :zone, :occurrence)
                        on conflict (workspace_id, post_id) do update
                           set every = excluded.every, until = excluded.until, starts_at = excluded.starts_at,
                               zone = excluded.zone, occurrence = excluded.occurrence, ended = null,
                               skipped = '{}'
                         where post_repeats.next_post_id is null""")
                .param("w", workspace.value())
                .param("p", post.value())
                .param("every", repeat.every().value())
                .param("until", repeat.until())
                .param("start", Timestamp.valueOf(start))
                .param("zone", zone.getId())
                .param("occurrence", occurrence)
                .update();
    }

    /** How the post repeats as its row says; {@link Repeat#NEVER} without one or once its series went on or ended. */
    Repeat current(WorkspaceId workspace, PostId post) {
        return jdbc.sql(
                        """
                        select every, until from post_repeats
                         where workspace_id = :w and post_id = :p and next_post_id is null and ended is null""")
                .param("w", workspace.value())
                .param("p", post.value())
                .query((rs, n) -> new Repeat(
                        Repeat.Every.of(rs.getString("every")), rs.getObject("until", java.time.LocalDate.class)))
                .optional()
                .orElse(Repeat.NEVER);
    }

    /** A repeating post moved in time: its series starts again at its new time. */
    void restart(WorkspaceId workspace, PostId post, Instant at, @Nullable String timezone) {
        ZoneId zone = zone(workspace, timezone);
        jdbc.sql(
                        """
                        update post_repeats set starts_at = :start, zone = :zone, occurrence = 1
                         where workspace_id = :w and post_id = :p and next_post_id is null""")
                .param("start", Timestamp.valueOf(LocalDateTime.ofInstant(at, zone)))
                .param("zone", zone.getId())
                .param("w", workspace.value())
                .param("p", post.value())
                .update();
    }

    void end(WorkspaceId workspace, PostId post, String reason) {
        jdbc.sql("update post_repeats set ended = :reason where workspace_id = :w and post_id = :p")
                .param("reason", reason.length() > 1000 ? reason.substring(0, 999) + "…" : reason)
                .param("w", workspace.value())
                .param("p", post.value())
                .update();
    }

    private ZoneId zone(WorkspaceId workspace, @Nullable String timezone) {
        if (timezone != null && !timezone.isBlank()) {
            try {
                return ZoneId.of(timezone);
            } catch (java.time.DateTimeException e) {
                // fall back to the workspace's
            }
        }
        return workspaces.find(workspace).map(Workspace::timezone).orElse(ZoneId.of("UTC"));
    }
}
