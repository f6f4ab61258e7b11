package herald.publishing;

import static herald.database.SqlTimes.instant;
import static herald.database.SqlTimes.timestamp;

import herald.assets.AssetId;
import herald.audit.AuditLog;
import herald.connections.ConnectionId;
import herald.database.TenantScope;
import herald.providers.PublishJournal;
import herald.shared.WorkspaceId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The SQL of the dispatcher: the target as a job sees it, and the journal of attempts with their fences. */
@Component
class Attempts {

    private final JdbcClient jdbc;

    /** db-scheduler's table, where a target's final outcome deletes the target's job ({@link #complete}). */
    private final String jobs;

    Attempts(JdbcClient jdbc, @Value("${db-scheduler.table-name:scheduled_tasks}") String jobs) {
        if (!jobs.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("db-scheduler.table-name must be a plain table name: " + jobs);
        }
        this.jdbc = jdbc;
        this.jobs = jobs;
    }

    /**
     * A target as the dispatcher reads it under its post's row lock.
     *
     * @param scheduledAt the post's time, null when it was published "now"
     * @param tagging the workspace's UTM values when the post tags its links, else null
     * @param shortLinks whether the post publishes its links as short links ({@link ShortLinks})
     * @param format a feed post, or a story (its one medium alone)
     * @param language the post's language, else the workspace's language of posts; null when neither is set
     */
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
            @Nullable Instant reconcileSince,
            @Nullable Instant scheduledAt,
            @Nullable UtmValues tagging,
            boolean shortLinks,
            herald.providers.PostFormat format,
            @Nullable String language) {}

    /** The dispatcher's read of a target under its post's lock ({@link #lockDue}), built once: it runs per claim. */
    private static final String DUE =
            """
                with p as materialized (
                    select p.id, p.status, p.body, p.link, p.media_ids, p.scheduled_at, p.tag_links, p.utm_values,
                        p.short_links, p.language
                    from posts p
                    where p.workspace_id = :workspace
                      and p.id = (select post_id from post_targets where workspace_id = :workspace and id = :id)
                    for update)
                select p.id as post_id, p.status as post_status, p.body as post_body, p.link, p.media_ids,
                    t.status, t.connection_id, t.provider, t.account_handle, t.body, t.due_at, t.attempts,
                    t.fence, t.reconcile_since, p.scheduled_at as post_scheduled_at, p.tag_links,
                    p.utm_values->>'source' as utm_source, p.utm_values->>'medium' as utm_medium,
                    p.utm_values->>'campaign' as utm_campaign, p.utm_values->>'content' as utm_content,
                    p.utm_values->>'term' as utm_term, p.short_links, t.format,
                    %s
                from post_targets t join p on p.id = t.post_id
                where t.workspace_id = :workspace and t.id = :id
                for update of t"""
                    .formatted(PostMapping.LANGUAGE);

    /**
     * Locks the target's post, then the target, and reads what the dispatcher needs, in one round trip. The post is
     * locked first (the order edits and cancels take too) by a materialised CTE, which runs before the outer query
     * locks the target; the target is read as it stands once locked.
     */
    Optional<Due> lockDue(WorkspaceId workspace, TargetId target) {
        return jdbc.sql(DUE)
                .param("workspace", workspace.value())
                .param("id", target.value())
                .query((rs, n) -> {
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
                            PostMapping.assetIds(rs, "media_ids"),
                            instant(rs, "due_at"),
                            rs.getInt("attempts"),
                            rs.getInt("fence"),
                            instant(rs, "reconcile_since"),
                            instant(rs, "post_scheduled_at"),
                            WorkspaceLinkTagging.ofPost(rs),
                            rs.getBoolean("short_links"),
                            herald.providers.PostFormat.of(rs.getString("format")),
                            rs.getString("post_language"));
                })
                .optional();
    }

    /** The caps a claim must stay under: calls in flight per account, per workspace and on the target's platform. */
    record Caps(int account, int workspace, int platform) {}

    /**
     * What a claim weighed, and whether it took the target: calls in flight (unfinished attempts started after
     * {@code since}) on the connection, in the workspace and on the platform across workspaces (a count through a
     * {@code SECURITY DEFINER} function), each without the target's own; the start of the target's own unfinished
     * attempt, if its node died or is a zombie; the workspace's posts counted for today by the quota; and the instant
     * the attempt reconciles from, if it must.
     */
    record Claimed(
            int account,
            int workspace,
            int platform,
            @Nullable Instant openSince,
            int postsToday,
            boolean taken,
            @Nullable Instant reconcileSince) {}

    /**
     * Claims the locked target for attempt {@code fence} unless a cap is reached, in one round trip (run it after
     * {@link #lockDue}, so that its snapshot sees every attempt committed before the lock was granted): counts the
     * load and today's posts; when under every cap, supersedes any older unfinished attempt, journals this one
     * (reconciling from {@code reconcileSince}, else from the start of the target's own unfinished attempt), hands
     * the target to it and moves a scheduled post to publishing. Nothing is written when a cap is reached.
     */
    Claimed claim(
            WorkspaceId workspace,
            PostId post,
            TargetId target,
            ConnectionId connection,
            String provider,
            int fence,
            @Nullable Instant reconcileSince,
            Caps caps,
            Instant inFlightSince,
            Instant dayFrom,
            Instant dayTo,
            String node,
            Instant now) {
        return jdbc.sql(
                        """
                        with load as (
                            select count(*) filter (where a.target_id <> :target and a.started_at > :inFlightSince
                                                      and t.connection_id = :connection) as account,
                                   count(*) filter (where a.target_id <> :target
                                                      and a.started_at > :inFlightSince) as workspace,
                                   (select herald_publish_in_flight(:provider, :inFlightSince, :target)) as platform,
                                   min(a.started_at) filter (where a.target_id = :target) as open_since
                            from publish_attempts a
                            join post_targets t on t.workspace_id = a.workspace_id and t.id = a.target_id
                            where a.workspace_id = :workspace and a.finished_at is null
                        ), today as (
                            select count(distinct post_id) as posts from post_targets
                            where workspace_id = :workspace and post_id <> :post
                              and ((status = 'published' and published_at >= :dayFrom and published_at < :dayTo)
                                   or status = 'publishing')
                        ), go as (
                            select coalesce(cast(:reconcileSince as timestamptz), open_since) as since from load
                            where account < :capAccount and workspace < :capWorkspace and platform < :capPlatform
                        ), superseded as (
                            update publish_attempts set finished_at = :now, outcome = 'fenced',
                                detail = 'Superseded by attempt ' || :fence || ' before it finished.'
                            where workspace_id = :workspace and target_id = :target and finished_at is null
                              and exists (select 1 from go)
                        ), journaled as (
                            insert into publish_attempts (workspace_id, target_id, fence, reconciling, node, started_at)
                            select :workspace, :target, :fence, go.since is not null, :node, :now from go
                        ), handed as (
                            update post_targets set status = 'publishing', fence = :fence, attempts = attempts + 1,
                                reconcile_since = go.since, updated_at = :now
                            from go
                            where workspace_id = :workspace and id = :target
                        ), started as (
                            update posts set status = 'publishing', updated_at = :now
                            where workspace_id = :workspace and id = :post and status = 'scheduled'
                              and exists (select 1 from go)
                        )
                        select load.account, load.workspace, load.platform, load.open_since, today.posts,
                            exists (select 1 from go) as taken, go.since
                        from load cross join today left join go on true""")
                .param("workspace", workspace.value())
                .param("post", post.value())
                .param("target", target.value())
                .param("connection", connection.value())
                .param("provider", provider)
                .param("fence", fence)
                .param("reconcileSince", timestamp(reconcileSince))
                .param("capAccount", caps.account())
                .param("capWorkspace", caps.workspace())
                .param("capPlatform", caps.platform())
                .param("inFlightSince", Timestamp.from(inFlightSince))
                .param("dayFrom", Timestamp.from(dayFrom))
                .param("dayTo", Timestamp.from(dayTo))
                .param("node", node)
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Claimed(
                        rs.getInt(1),
                        rs.getInt(2),
                        rs.getInt(3),
                        instant(rs, "open_since"),
                        rs.getInt(5),
                        rs.getBoolean(6),
                        instant(rs, "since")))
                .single();
    }

    /** The durable notes of the target, writable while it carries {@code fence}. */
    PublishJournal journal(TenantScope tenants, WorkspaceId workspace, TargetId target, int fence) {
        return new TargetJournal(tenants, jdbc, workspace, target, fence);
    }

    /**
     * Writes the outcome of attempt {@code fence}, only if the target still carries that fence, with its audit entry
     * ({@code audit}, none for a retry), in one call that is its own transaction: {@code herald_complete_target} (V116),
     * sent outside any transaction, sets the workspace's scope and how the commit is made ({@code durable = false}
     * lets it return before its WAL is flushed), locks the post (the order claims, edits and cancels take, so that it
     * sees every other target's outcome), writes the outcome and closes the attempt's journal entry, settles the
     * post's status from its targets' ({@link Settlement}, in SQL) and, with {@code endJob} (a final outcome), deletes
     * the target's db-scheduler job. False for a zombie, whose outcome is then kept in the journal only (and whose job
     * db-scheduler ends as usual). Deleting the job here rather than by db-scheduler's own {@code OnCompleteRemove}
     * spares a commit per post, and a lost outcome can no longer leave the job deleted: both commit or neither does.
     * One round trip where a transaction of its own took four (the scope, the outcome, the audit entry, the commit).
     */
    boolean complete(
            boolean durable,
            WorkspaceId workspace,
            PostId post,
            TargetId target,
            int fence,
            AttemptOutcome written,
            Instant now,
            AuditLog.@Nullable Entry audit) {
        String outcome = written.outcome();
        String detail = written.detail();
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("An outcome is its own transaction: complete it outside any other");
        }
        return Boolean.TRUE.equals(jdbc.sql(
                        """
                        select herald_complete_target(:workspace, :post, :target, :fence, :durable, :status, :outcome,
                            :detail, :platformId, :url, cast(:due as timestamptz), cast(:since as timestamptz), :now,
                            :overtaken, :jobs, :task, :instance, :endJob, cast(:auditId as uuid),
                            cast(:auditAt as timestamptz), :actorType, :actorId, :actorLabel, :action, :targetType,
                            :targetId, cast(:details as jsonb), :ip, :userAgent, cast(:canonical as bytea))""")
                .param("workspace", workspace.value())
                .param("post", post.value())
                .param("target", target.value())
                .param("fence", fence)
                .param("durable", durable)
                .param("status", written.status().value())
                .param("outcome", outcome)
                .param("detail", detail)
                .param("platformId", written.platformId())
                .param("url", written.url() == null ? null : written.url().toString())
                .param("due", timestamp(written.dueAt()))
                .param("since", timestamp(written.reconcileSince()))
                .param("now", Timestamp.from(now))
                .param(
                        "overtaken",
                        "A newer attempt took over; this outcome was not applied: " + outcome
                                + (detail == null ? "" : " (" + detail + ")"))
                .param("jobs", jobs)
                .param("task", Dispatch.TASK)
                .param("instance", target.toString())
                .param("endJob", written.endJob())
                .param("auditId", audit == null ? null : audit.id())
                .param("auditAt", timestamp(audit == null ? null : audit.at()))
                .param("actorType", audit == null ? null : audit.actorType())
                .param("actorId", audit == null ? null : audit.actorId())
                .param("actorLabel", audit == null ? null : audit.actorLabel())
                .param("action", audit == null ? null : audit.action())
                .param("targetType", audit == null ? null : audit.targetType())
                .param("targetId", audit == null ? null : audit.targetId())
                .param("details", audit == null ? null : audit.details())
                .param("ip", audit == null ? null : audit.ip())
                .param("userAgent", audit == null ? null : audit.userAgent())
                .param("canonical", audit == null ? null : audit.canonical())
                .query(Boolean.class)
                .single());
    }
}
