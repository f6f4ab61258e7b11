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
        // The post first, then the target: the order edits and cancels take too.
        Optional<UUID> post = jdbc.sql(
                        """
                        select p.id from posts p
                        join post_targets t on t.workspace_id = p.workspace_id and t.post_id = p.id
                        where t.workspace_id = :workspace and t.id = :id
                        for update of p""")
                .param("workspace", workspace.value())
                .param("id", target.value())
                .query(UUID.class)
                .optional();
        if (post.isEmpty()) {
            return Optional.empty();
        }
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

    /**
     * What a claim weighs, in one round trip: calls in flight (unfinished attempts started after {@code since}) on
     * the connection, in the workspace and on the platform across workspaces (a count through a {@code SECURITY
     * DEFINER} function), each without the target's own; and the start of the target's own unfinished attempt, if its
     * node died or is a zombie.
     */
    record Load(int account, int workspace, int platform, @Nullable Instant openSince) {}

    Load load(WorkspaceId workspace, TargetId target, ConnectionId connection, String provider, Instant since) {
        return jdbc.sql(
                        """
                        select count(*) filter (where a.target_id <> :target and a.started_at > :since
                                                  and t.connection_id = :connection),
                               count(*) filter (where a.target_id <> :target and a.started_at > :since),
                               (select herald_publish_in_flight(:provider, :since, :target)),
                               min(a.started_at) filter (where a.target_id = :target)
                        from publish_attempts a
                        join post_targets t on t.workspace_id = a.workspace_id and t.id = a.target_id
                        where a.workspace_id = :workspace and a.finished_at is null""")
                .param("workspace", workspace.value())
                .param("target", target.value())
                .param("connection", connection.value())
                .param("provider", provider)
                .param("since", Timestamp.from(since))
                .query((rs, n) -> new Load(
                        rs.getInt(1),
                        rs.getInt(2),
                        rs.getInt(3),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
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
        // One round trip: supersede any unfinished attempt, journal this one, hand the target to it.
        jdbc.sql(
                        """
                        with superseded as (
                            update publish_attempts set finished_at = :now, outcome = 'fenced',
                                detail = 'Superseded by attempt ' || :fence || ' before it finished.'
                            where workspace_id = :workspace and target_id = :target and finished_at is null
                        ), journaled as (
                            insert into publish_attempts (workspace_id, target_id, fence, reconciling, node, started_at)
                            values (:workspace, :target, :fence, :reconciling, :node, :now)
                        )
                        update post_targets set status = 'publishing', fence = :fence, attempts = attempts + 1,
                            reconcile_since = :since, updated_at = :now
                        where workspace_id = :workspace and id = :target""")
                .param("workspace", workspace.value())
                .param("target", target.value())
                .param("fence", fence)
                .param("reconciling", reconcileSince != null)
                .param("node", node)
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
        // One round trip: the target (only while it carries this fence), then this attempt's own journal row.
        int changed = jdbc.sql(
                        """
                        with target as (
                            update post_targets set status = :status, last_error = :error,
                                platform_post_id = coalesce(:platformId, platform_post_id),
                                platform_url = coalesce(:url, platform_url),
                                published_at = case when :status = 'published' then :now else published_at end,
                                due_at = coalesce(:due, due_at), reconcile_since = :since, updated_at = :now
                            where workspace_id = :workspace and id = :target and fence = :fence
                            returning 1
                        ), journal as (
                            update publish_attempts set finished_at = :now,
                                outcome = case when exists (select 1 from target) then :outcome else 'fenced' end,
                                detail = case when exists (select 1 from target) then :detail else :overtaken end
                            where workspace_id = :workspace and target_id = :target and fence = :fence
                              and finished_at is null
                            returning 1
                        )
                        select count(*) from target""")
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
                .param("outcome", outcome)
                .param("detail", detail)
                .param(
                        "overtaken",
                        "A newer attempt took over; this outcome was not applied: " + outcome
                                + (detail == null ? "" : " (" + detail + ")"))
                .query(Integer.class)
                .single();
        return changed == 1;
    }
}
