package herald.publishing;

import herald.assets.AssetId;
import herald.connections.ConnectionId;
import herald.database.TenantScope;
import herald.providers.PublishJournal;
import herald.shared.WorkspaceId;
import java.net.URI;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of the dispatcher: the target as a job sees it, and the journal of attempts with their fences. */
@Component
class Attempts {

    private final JdbcClient jdbc;

    Attempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A target as the dispatcher reads it under its post's row lock. */
    record Due(
            PostId post,
            PostStatus postStatus,
            TargetStatus status,
            ConnectionId connection,
            String provider,
            String handle,
            String text,
            @Nullable String link,
            List<AssetId> media,
            @Nullable Instant dueAt,
            int attempts,
            int fence,
            @Nullable Instant reconcileSince) {}

    Optional<Due> lockDue(WorkspaceId workspace, TargetId target) {
        Optional<UUID> post = jdbc.sql("select post_id from post_targets where workspace_id = :workspace and id = :id")
                .param("workspace", workspace.value())
                .param("id", target.value())
                .query(UUID.class)
                .optional();
        if (post.isEmpty()) {
            return Optional.empty();
        }
        // The post first, then the target: the order edits and cancels take too.
        jdbc.sql("select 1 from posts where workspace_id = :workspace and id = :id for update")
                .param("workspace", workspace.value())
                .param("id", post.get())
                .query(Integer.class)
                .optional();
        return jdbc.sql(
                        """
                        select p.id as post_id, p.status as post_status, p.body as post_body, p.link, p.media_ids,
                            t.status, t.connection_id, t.provider, t.account_handle, t.body, t.due_at, t.attempts,
                            t.fence, t.reconcile_since
                        from post_targets t join posts p on p.workspace_id = t.workspace_id and p.id = t.post_id
                        where t.workspace_id = :workspace and t.id = :id
                        for update of t""")
                .param("workspace", workspace.value())
                .param("id", target.value())
                .query((rs, n) -> {
                    Array media = rs.getArray("media_ids");
                    String own = rs.getString("body");
                    return new Due(
                            new PostId(rs.getObject("post_id", UUID.class)),
                            PostStatus.of(rs.getString("post_status")),
                            TargetStatus.of(rs.getString("status")),
                            new ConnectionId(rs.getObject("connection_id", UUID.class)),
                            rs.getString("provider"),
                            rs.getString("account_handle"),
                            own == null ? rs.getString("post_body") : own,
                            rs.getString("link"),
                            media == null
                                    ? List.of()
                                    : Arrays.stream((Object[]) media.getArray())
                                            .map(id -> new AssetId((UUID) id))
                                            .toList(),
                            PostRows.instant(rs, "due_at"),
                            rs.getInt("attempts"),
                            rs.getInt("fence"),
                            PostRows.instant(rs, "reconcile_since"));
                })
                .optional();
    }

    /** The start of this target's unfinished attempt, if one was left open (its node died or is a zombie). */
    Optional<Instant> openAttempt(WorkspaceId workspace, TargetId target) {
        return jdbc.sql(
                        """
                        select min(started_at) from publish_attempts
                        where workspace_id = :workspace and target_id = :target and finished_at is null""")
                .param("workspace", workspace.value())
                .param("target", target.value())
                .query((rs, n) ->
                        rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant())
                .optional()
                .filter(java.util.Objects::nonNull);
    }

    /**
     * Calls in flight (started within {@code since}, unfinished) on the connection and in the workspace, but
     * {@code except}'s own: an attempt its dead node left open does not hold back the one that takes over.
     */
    int[] inFlight(WorkspaceId workspace, ConnectionId connection, Instant since, TargetId except) {
        return jdbc.sql(
                        """
                        select count(*) filter (where t.connection_id = :connection), count(*)
                        from publish_attempts a
                        join post_targets t on t.workspace_id = a.workspace_id and t.id = a.target_id
                        where a.workspace_id = :workspace and a.finished_at is null and a.started_at > :since
                          and a.target_id <> :except""")
                .param("workspace", workspace.value())
                .param("except", except.value())
                .param("connection", connection.value())
                .param("since", Timestamp.from(since))
                .query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)})
                .single();
    }

    /**
     * Calls in flight to {@code provider} across all workspaces (unfinished attempts started after {@code since}), for
     * the per-platform cap: a count only, through a {@code SECURITY DEFINER} function.
     */
    int inFlightOn(String provider, Instant since, TargetId except) {
        return jdbc.sql("select herald_publish_in_flight(:provider, :since, :except)")
                .param("except", except.value())
                .param("provider", provider)
                .param("since", Timestamp.from(since))
                .query(Integer.class)
                .single();
    }

    /** The durable notes of the target, writable while it carries {@code fence}. */
    PublishJournal journal(TenantScope tenants, WorkspaceId workspace, TargetId target, int fence) {
        return new TargetJournal(tenants, jdbc, workspace, target, fence);
    }

    /** Journals attempt {@code fence} and hands the target to it; any older unfinished attempt is superseded. */
    void begin(
            WorkspaceId workspace,
            TargetId target,
            int fence,
            @Nullable Instant reconcileSince,
            String node,
            Instant now) {
        jdbc.sql(
                        """
                        update publish_attempts set finished_at = :now, outcome = 'fenced',
                            detail = 'Superseded by attempt ' || :fence || ' before it finished.'
                        where workspace_id = :workspace and target_id = :target and finished_at is null""")
                .param("workspace", workspace.value())
                .param("target", target.value())
                .param("fence", fence)
                .param("now", Timestamp.from(now))
                .update();
        jdbc.sql(
                        """
                        insert into publish_attempts (workspace_id, target_id, fence, reconciling, node, started_at)
                        values (:workspace, :target, :fence, :reconciling, :node, :now)""")
                .param("workspace", workspace.value())
                .param("target", target.value())
                .param("fence", fence)
                .param("reconciling", reconcileSince != null)
                .param("node", node)
                .param("now", Timestamp.from(now))
                .update();
        jdbc.sql(
                        """
                        update post_targets set status = 'publishing', fence = :fence, attempts = attempts + 1,
                            reconcile_since = :since, updated_at = :now
                        where workspace_id = :workspace and id = :target""")
                .param("workspace", workspace.value())
                .param("target", target.value())
                .param("fence", fence)
                .param("since", reconcileSince == null ? null : Timestamp.from(reconcileSince))
                .param("now", Timestamp.from(now))
                .update();
    }

    /**
     * Writes the outcome of attempt {@code fence}, only if the target still carries that fence: false for a zombie,
     * whose outcome is then kept in the journal only.
     */
    boolean complete(
            WorkspaceId workspace,
            TargetId target,
            int fence,
            TargetStatus status,
            String outcome,
            @Nullable String detail,
            @Nullable String platformId,
            @Nullable URI url,
            @Nullable Instant dueAt,
            @Nullable Instant reconcileSince,
            Instant now) {
        int changed = jdbc.sql(
                        """
                        update post_targets set status = :status, last_error = :error,
                            platform_post_id = coalesce(:platformId, platform_post_id),
                            platform_url = coalesce(:url, platform_url),
                            published_at = case when :status = 'published' then :now else published_at end,
                            due_at = coalesce(:due, due_at), reconcile_since = :since, updated_at = :now
                        where workspace_id = :workspace and id = :target and fence = :fence""")
                .param("workspace", workspace.value())
                .param("target", target.value())
                .param("fence", fence)
                .param("status", status.value())
                .param("error", "published".equals(status.value()) ? null : detail)
                .param("platformId", platformId)
                .param("url", url == null ? null : url.toString())
                .param("due", dueAt == null ? null : Timestamp.from(dueAt))
                .param("since", reconcileSince == null ? null : Timestamp.from(reconcileSince))
                .param("now", Timestamp.from(now))
                .update();
        jdbc.sql(
                        """
                        update publish_attempts set finished_at = :now, outcome = :outcome, detail = :detail
                        where workspace_id = :workspace and target_id = :target and fence = :fence
                          and finished_at is null""")
                .param("workspace", workspace.value())
                .param("target", target.value())
                .param("fence", fence)
                .param("outcome", changed == 1 ? outcome : "fenced")
                .param(
                        "detail",
                        changed == 1
                                ? detail
                                : "A newer attempt took over; this outcome was not applied: " + outcome
                                        + (detail == null ? "" : " (" + detail + ")"))
                .param("now", Timestamp.from(now))
                .update();
        return changed == 1;
    }
}
