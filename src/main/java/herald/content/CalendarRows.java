package herald.content;

import herald.connections.ConnectionId;
import herald.publishing.PostId;
import herald.publishing.Provenance;
import herald.shared.WorkspaceId;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The writes of calendar runs, their slots and their log, and the run's row lock; {@link CalendarReads} queries them.
 * Every call runs inside the caller's tenant transaction.
 */
@Component
class CalendarRows {

    private final JdbcClient jdbc;

    CalendarRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Where a run stands for its job: its status and how many times it was started. */
    record Standing(CalendarRun.Status status, int attempts) {}

    void insert(
            WorkspaceId workspace, CalendarRunId id, YearMonth month, NewCalendar request, Provenance by, Instant now) {
        jdbc.sql(
                        """
                        insert into calendar_runs (workspace_id, id, month, posts, ai_for_all, persona_id,
                            connection_ids, status, total, created_by_origin, created_by_type, created_by_id,
                            created_by_label, created_at, heartbeat_at)
                        values (:workspace, :id, :month, :posts, :aiForAll, :persona, :connections, 'queued', :posts,
                            :origin, :actorType, :actorId, :actorLabel, :now, :now)""")
                .param("workspace", workspace.value())
                .param("id", id.value())
                .param("month", month.toString())
                .param("posts", request.posts())
                .param("aiForAll", request.aiForAll())
                .param("persona", request.personaId())
                .param(
                        "connections",
                        request.connections().stream().map(ConnectionId::value).toArray(UUID[]::new))
                .param("origin", by.origin().value())
                .param("actorType", by.actorType())
                .param("actorId", by.actorId())
                .param("actorLabel", by.actorLabel())
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Locks the run's row for the rest of the transaction. */
    Optional<Standing> lock(WorkspaceId workspace, CalendarRunId id) {
        return jdbc.sql(
                        """
                        select status, attempts from calendar_runs
                         where workspace_id = :workspace and id = :id for update""")
                .param("workspace", workspace.value())
                .param("id", id.value())
                .query((rs, n) -> new Standing(CalendarRun.Status.of(rs.getString(1)), rs.getInt(2)))
                .optional();
    }

    /** Counts one more start and marks it running. */
    int start(WorkspaceId workspace, CalendarRunId id, Instant now) {
        return jdbc.sql(
                        """
                        update calendar_runs set status = 'running', attempts = attempts + 1, heartbeat_at = :now,
                            started_at = coalesce(started_at, :now)
                         where workspace_id = :workspace and id = :id returning attempts""")
                .param("workspace", workspace.value())
                .param("id", id.value())
                .param("now", Timestamp.from(now))
                .query(Integer.class)
                .single();
    }

    void insertSlots(WorkspaceId workspace, CalendarRunId id, List<CalendarPlan.Slot> slots) {
        for (CalendarPlan.Slot slot : slots) {
            jdbc.sql(
                            """
                            insert into calendar_slots (workspace_id, run_id, position, post_type, local_at,
                                scheduled_at, item_name, item_description, asset_id)
                            values (:workspace, :run, :position, :type, :local, :at, :name, :description, :asset)""")
                    .param("workspace", workspace.value())
                    .param("run", id.value())
                    .param("position", slot.position())
                    .param("type", slot.postType())
                    .param("local", slot.local())
                    .param("at", Timestamp.from(slot.at()))
                    .param("name", slot.item() == null ? null : slot.item().name())
                    .param(
                            "description",
                            slot.item() == null ? null : slot.item().description())
                    .param(
                            "asset",
                            slot.item() == null || slot.item().asset() == null
                                    ? null
                                    : slot.item().asset().value())
                    .update();
        }
    }

    /** Keeps a slot's caption and counts it (and its tokens) in the run's progress. */
    void written(
            WorkspaceId workspace,
            CalendarRunId id,
            int position,
            String caption,
            String mode,
            AiUsage usage,
            Instant now) {
        jdbc.sql(
                        """
                        update calendar_slots set caption = :caption, mode = :mode
                         where workspace_id = :workspace and run_id = :run and position = :position""")
                .param("workspace", workspace.value())
                .param("run", id.value())
                .param("position", position)
                .param("caption", caption)
                .param("mode", mode)
                .update();
        jdbc.sql(
                        """
                        update calendar_runs set done = done + 1, heartbeat_at = :now,
                            prompt_tokens = prompt_tokens + :prompt, completion_tokens = completion_tokens + :completion,
                            cost_micros = cost_micros + :cost
                         where workspace_id = :workspace and id = :id""")
                .param("workspace", workspace.value())
                .param("id", id.value())
                .param("now", Timestamp.from(now))
                .param("prompt", usage.promptTokens())
                .param("completion", usage.completionTokens())
                .param("cost", usage.costMicros())
                .update();
    }

    /** Ends a run that has not ended yet; false when it had. */
    boolean finish(
            WorkspaceId workspace,
            CalendarRunId id,
            CalendarRun.Status status,
            @Nullable String error,
            List<PostId> posts,
            Instant now) {
        return jdbc.sql(
                                """
                        update calendar_runs set status = :status, error = :error, post_ids = :posts,
                            finished_at = :now, heartbeat_at = :now
                         where workspace_id = :workspace and id = :id and status in ('queued', 'running')""")
                        .param("workspace", workspace.value())
                        .param("id", id.value())
                        .param("status", status.value())
                        .param("error", error)
                        .param("posts", posts.stream().map(PostId::value).toArray(UUID[]::new))
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    void log(
            WorkspaceId workspace, CalendarRunId id, String level, String message, @Nullable PostId post, Instant now) {
        jdbc.sql(
                        """
                        insert into calendar_log (workspace_id, run_id, at, level, message, post_id, done)
                        select :workspace, :run, :at, :level, :message, :post, r.done from calendar_runs r
                         where r.workspace_id = :workspace and r.id = :run""")
                .param("workspace", workspace.value())
                .param("run", id.value())
                .param("at", Timestamp.from(now))
                .param("level", level)
                .param("message", message.length() > 2000 ? message.substring(0, 2000) : message)
                .param("post", post == null ? null : post.value())
                .update();
    }
}
