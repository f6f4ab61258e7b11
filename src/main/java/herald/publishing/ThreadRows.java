package herald.publishing;

import static herald.database.SqlTimes.instant;
import static herald.database.SqlTimes.timestamp;

import herald.assets.AssetId;
import herald.connections.ConnectionId;
import herald.shared.WorkspaceId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of threads' parts (V156): the parts due across workspaces, and each part's claim and outcome under its
 * fence, as {@link CommentRows} does for first comments. Every method but {@link #due} runs in its workspace's
 * transaction.
 */
@Component
class ThreadRows {

    private final JdbcClient jdbc;

    ThreadRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Due(WorkspaceId workspace, TargetId target, int position) {}

    /** Parts whose time came and whose post or part before is settled, across workspaces, of {@code providers}. */
    List<Due> due(Instant now, int limit, String[] providers) {
        return jdbc.sql("select * from herald_thread_parts_due(:now, :limit, :providers)")
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .param("providers", providers)
                .query((rs, n) -> new Due(
                        new WorkspaceId(rs.getObject(1, UUID.class)),
                        new TargetId(rs.getObject(2, UUID.class)),
                        rs.getInt(3)))
                .list();
    }

    /**
     * A part as a claim reads it, its row locked.
     *
     * @param targetPlatformId the published post's id on the platform: what part 1 answers
     * @param before the part before's status, null for part 1
     * @param beforePlatformId the part before's id on the platform: what this part answers
     * @param text the part as the post keeps it, null when the post has no such part any more
     * @param media the part's media, in order
     * @param tagging the UTM values the post keeps when it tags its links, else null
     * @param taggedAt the instant whose day {@code {date}} names in tagged links, as for first comments ({@link
     *     CommentRows.Open#taggedAt})
     */
    record Open(
            PostId post,
            ConnectionId connection,
            String provider,
            String handle,
            TargetStatus targetStatus,
            @Nullable String targetPlatformId,
            @Nullable Instant publishedAt,
            int position,
            CommentStatus status,
            @Nullable Instant dueAt,
            int fence,
            int attempts,
            @Nullable Instant reconcileSince,
            @Nullable CommentStatus before,
            @Nullable String beforePlatformId,
            @Nullable String text,
            List<AssetId> media,
            @Nullable UtmValues tagging,
            @Nullable Instant taggedAt,
            boolean shortLinks,
            @Nullable String language) {}

    Optional<Open> lock(WorkspaceId workspace, TargetId target, int position) {
        return jdbc.sql(
                        """
                        select t.post_id, t.connection_id, t.provider, t.account_handle, t.status as target_status,
                            t.platform_post_id, t.published_at, x.position, x.status, x.due_at, x.fence, x.attempts,
                            x.reconcile_since, b.status as before_status, b.platform_id as before_platform_id,
                            p.thread[x.position] as part,
                            array(select m.asset_id from post_thread_media m
                                  where m.workspace_id = p.workspace_id and m.post_id = p.id
                                    and m.position = x.position order by m.ordinal) as media,
                            p.tag_links, p.utm_values->>'source' as utm_source, p.utm_values->>'medium' as utm_medium,
                            p.utm_values->>'campaign' as utm_campaign, p.utm_values->>'content' as utm_content,
                            p.utm_values->>'term' as utm_term,
                            coalesce(p.scheduled_at,
                                (select a.started_at from publish_attempts a
                                 where a.workspace_id = t.workspace_id and a.target_id = t.id and not a.reconciling
                                 order by a.fence desc limit 1),
                                t.published_at) as tagged_at,
                            p.short_links,
                            %s
                        from post_thread_parts x
                        join post_targets t on t.workspace_id = x.workspace_id and t.id = x.target_id
                        join posts p on p.workspace_id = t.workspace_id and p.id = t.post_id
                        left join post_thread_parts b on b.workspace_id = x.workspace_id
                            and b.target_id = x.target_id and b.position = x.position - 1
                        where x.workspace_id = :workspace and x.target_id = :target and x.position = :position
                        for update of x"""
                                .formatted(PostMapping.LANGUAGE))
                .param("workspace", workspace.value())
                .param("target", target.value())
                .param("position", position)
                .query((rs, n) -> {
                    String before = rs.getString("before_status");
                    return new Open(
                            new PostId(rs.getObject("post_id", UUID.class)),
                            new ConnectionId(rs.getObject("connection_id", UUID.class)),
                            rs.getString("provider"),
                            rs.getString("account_handle"),
                            TargetStatus.of(rs.getString("target_status")),
                            rs.getString("platform_post_id"),
                            instant(rs, "published_at"),
                            rs.getInt("position"),
                            CommentStatus.of(rs.getString("status")),
                            instant(rs, "due_at"),
                            rs.getInt("fence"),
                            rs.getInt("attempts"),
                            instant(rs, "reconcile_since"),
                            before == null ? null : CommentStatus.of(before),
                            rs.getString("before_platform_id"),
                            rs.getString("part"),
                            PostMapping.assetIds(rs, "media"),
                            WorkspaceLinkTagging.ofPost(rs),
                            instant(rs, "tagged_at"),
                            rs.getBoolean("short_links"),
                            rs.getString("post_language"));
                })
                .optional();
    }

    /** Holds the part for an attempt with {@code fence} until {@code leaseUntil}. */
    void claim(
            WorkspaceId workspace,
            TargetId target,
            int position,
            int fence,
            @Nullable Instant reconcileSince,
            Instant leaseUntil) {
        jdbc.sql(
                        """
                        update post_thread_parts set status = 'posting', fence = :fence, attempts = attempts + 1,
                            due_at = :lease, reconcile_since = :since
                        where workspace_id = :workspace and target_id = :target and position = :position""")
                .param("workspace", workspace.value())
                .param("target", target.value())
                .param("position", position)
                .param("fence", fence)
                .param("lease", Timestamp.from(leaseUntil))
                .param("since", timestamp(reconcileSince))
                .update();
    }

    /** Leaves a waiting part for later: what it answers is not out yet. */
    void postpone(WorkspaceId workspace, TargetId target, int position, Instant until) {
        jdbc.sql(
                        """
                        update post_thread_parts set due_at = :until
                        where workspace_id = :workspace and target_id = :target and position = :position
                          and status = 'waiting'""")
                .param("workspace", workspace.value())
                .param("target", target.value())
                .param("position", position)
                .param("until", Timestamp.from(until))
                .update();
    }

    /** An outcome that needs no attempt: skipped (what it answers did not go out), or failed before any call. */
    void settle(WorkspaceId workspace, TargetId target, int position, CommentStatus status, String error) {
        jdbc.sql(
                        """
                        update post_thread_parts set status = :status, error = :error, due_at = null
                        where workspace_id = :workspace and target_id = :target and position = :position""")
                .param("workspace", workspace.value())
                .param("target", target.value())
                .param("position", position)
                .param("status", status.value())
                .param("error", error)
                .update();
    }

    /**
     * Writes an attempt's outcome if the part is still held by its fence; false when a newer attempt overtook it.
     *
     * @param status {@code posted}, {@code failed}, {@code unknown}, or {@code posting} with {@code dueAt} for a retry
     */
    boolean complete(
            WorkspaceId workspace,
            TargetId target,
            int position,
            int fence,
            CommentStatus status,
            @Nullable Instant dueAt,
            @Nullable Instant reconcileSince,
            @Nullable String platformId,
            @Nullable String url,
            @Nullable String error,
            Instant now) {
        return jdbc.sql(
                                """
                        update post_thread_parts set status = :status, due_at = :due, reconcile_since = :since,
                            platform_id = :platformId, url = :url, error = :error,
                            posted_at = case when :status = 'posted' then :now else posted_at end
                        where workspace_id = :workspace and target_id = :target and position = :position
                          and fence = :fence and status = 'posting'""")
                        .param("workspace", workspace.value())
                        .param("target", target.value())
                        .param("position", position)
                        .param("fence", fence)
                        .param("status", status.value())
                        .param("due", timestamp(dueAt))
                        .param("since", timestamp(reconcileSince))
                        .param("platformId", platformId)
                        .param("url", url)
                        .param("error", error)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /**
     * Makes a failed or unknown part due again now, without looking on the platform first, and the parts after it that
     * were skipped for it wait again. False when the part is not in one of {@code from}.
     */
    boolean again(WorkspaceId workspace, TargetId target, int position, List<CommentStatus> from, Instant now) {
        int changed = jdbc.sql(
                        """
                        update post_thread_parts set status = 'waiting', due_at = :now, reconcile_since = null,
                            error = null
                        where workspace_id = :workspace and target_id = :target and position = :position
                          and status in (:from)""")
                .param("workspace", workspace.value())
                .param("target", target.value())
                .param("position", position)
                .param("from", from.stream().map(CommentStatus::value).toList())
                .param("now", Timestamp.from(now))
                .update();
        if (changed == 0) {
            return false;
        }
        jdbc.sql(
                        """
                        update post_thread_parts set status = 'waiting', due_at = :now, error = null
                        where workspace_id = :workspace and target_id = :target and position > :position
                          and status = 'skipped'""")
                .param("workspace", workspace.value())
                .param("target", target.value())
                .param("position", position)
                .param("now", Timestamp.from(now))
                .update();
        return true;
    }

    /**
     * A person found the part on the platform at {@code url}, whose id is {@code platformId}: it is posted, and the
     * part after it answers it. False unless its outcome was unknown.
     */
    boolean confirm(WorkspaceId workspace, TargetId target, int position, String platformId, String url, Instant now) {
        return jdbc.sql(
                                """
                        update post_thread_parts set status = 'posted', due_at = null, reconcile_since = null,
                            platform_id = :platformId, url = :url, posted_at = :now
                        where workspace_id = :workspace and target_id = :target and position = :position
                          and status = 'unknown'""")
                        .param("workspace", workspace.value())
                        .param("target", target.value())
                        .param("position", position)
                        .param("platformId", platformId)
                        .param("url", url)
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }
}
