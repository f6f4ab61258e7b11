package herald.publishing;

import static herald.database.SqlTimes.instant;
import static herald.database.SqlTimes.timestamp;

import herald.assets.AssetId;
import herald.connections.ConnectionId;
import herald.database.TenantScope;
import herald.providers.PublishJournal;
import herald.shared.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of the dispatcher's claims: the target as a job sees it, and the journal of attempts with their fences.
 * Outcomes: {@link OutcomeRows}.
 */
@Component
class Attempts {

    private final JdbcClient jdbc;

    Attempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
                .query((rs, n) -> due(rs))
                .optional();
    }

    /** A target as {@link #DUE} reads it, or as {@code herald_claim_targets} (V174) returns it for a batch. */
    static Due due(ResultSet rs) throws SQLException {
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
}
