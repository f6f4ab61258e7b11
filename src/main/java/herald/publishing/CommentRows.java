package herald.publishing;

import static herald.database.SqlTimes.instant;
import static herald.database.SqlTimes.timestamp;

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
 * The SQL of first comments (V139): the comments due across workspaces, and each comment's claim and outcome under
 * its fence, as {@link Attempts} does for targets. Every method but {@link #due} runs in its workspace's transaction.
 */
@Component
class CommentRows {

    private final JdbcClient jdbc;

    CommentRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record DueComment(WorkspaceId workspace, TargetId target) {}

    /**
     * Comments whose time came, oldest first, across workspaces (ids only), of the platforms {@code providers} names:
     * those this node can write (V142 says why a node leaves the others).
     */
    List<DueComment> due(Instant now, int limit, String[] providers) {
        return jdbc.sql("select * from herald_comments_due(:now, :limit, :providers)")
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .param("providers", providers)
                .query((rs, n) -> new DueComment(
                        new WorkspaceId(rs.getObject(1, UUID.class)), new TargetId(rs.getObject(2, UUID.class))))
                .list();
    }

    /**
     * A target's comment as a claim reads it, the target's row locked.
     *
     * @param reconcileSince set when an earlier attempt may have written it
     * @param tagging the UTM values the post keeps when it tags its links, else null
     * @param taggedAt the instant whose day {@code {date}} names in the post's tagged links: the post's time, else the
     *     start of the attempt its published target's search began from ({@link Claim#reconcileFrom()}: the latest
     *     attempt that did not reconcile), else when the target was published
     * @param shortLinks whether the post publishes its links as short links ({@link ShortLinks})
     */
    record Open(
            PostId post,
            ConnectionId connection,
            String provider,
            String handle,
            TargetStatus targetStatus,
            @Nullable String platformPostId,
            @Nullable Instant publishedAt,
            CommentStatus status,
            @Nullable Instant dueAt,
            int fence,
            int attempts,
            @Nullable Instant reconcileSince,
            @Nullable String text,
            @Nullable UtmValues tagging,
            @Nullable Instant taggedAt,
            boolean shortLinks,
            @Nullable String language) {}

    Optional<Open> lock(WorkspaceId workspace, TargetId target) {
        return jdbc.sql(
                        """
                        select t.post_id, t.connection_id, t.provider, t.account_handle, t.status, t.platform_post_id,
                            t.published_at, t.comment_status, t.comment_due_at, t.comment_fence, t.comment_attempts,
                            t.comment_reconcile_since, coalesce(t.comment_text, p.first_comment) as first_comment,
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
                        from post_targets t join posts p on p.workspace_id = t.workspace_id and p.id = t.post_id
                        where t.workspace_id = :workspace and t.id = :id and t.comment_status is not null
                        for update of t"""
                                .formatted(PostMapping.LANGUAGE))
                .param("workspace", workspace.value())
                .param("id", target.value())
                .query((rs, n) -> new Open(
                        new PostId(rs.getObject("post_id", UUID.class)),
                        new ConnectionId(rs.getObject("connection_id", UUID.class)),
                        rs.getString("provider"),
                        rs.getString("account_handle"),
                        TargetStatus.of(rs.getString("status")),
                        rs.getString("platform_post_id"),
                        instant(rs, "published_at"),
                        CommentStatus.of(rs.getString("comment_status")),
                        instant(rs, "comment_due_at"),
                        rs.getInt("comment_fence"),
                        rs.getInt("comment_attempts"),
                        instant(rs, "comment_reconcile_since"),
                        rs.getString("first_comment"),
                        WorkspaceLinkTagging.ofPost(rs),
                        instant(rs, "tagged_at"),
                        rs.getBoolean("short_links"),
                        rs.getString("post_language")))
                .optional();
    }

    /** Holds the comment for an attempt with {@code fence} until {@code leaseUntil}. */
    void claim(
            WorkspaceId workspace,
            TargetId target,
            int fence,
            @Nullable Instant reconcileSince,
            Instant leaseUntil,
            Instant now) {
        jdbc.sql(
                        """
                        update post_targets set comment_status = 'posting', comment_fence = :fence,
                            comment_attempts = comment_attempts + 1, comment_due_at = :lease,
                            comment_reconcile_since = :since, updated_at = :now
                        where workspace_id = :workspace and id = :id""")
                .param("workspace", workspace.value())
                .param("id", target.value())
                .param("fence", fence)
                .param("lease", Timestamp.from(leaseUntil))
                .param("since", timestamp(reconcileSince))
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Leaves a waiting comment for later: its target is not published yet. */
    void postpone(WorkspaceId workspace, TargetId target, Instant until) {
        jdbc.sql(
                        """
                        update post_targets set comment_due_at = :until
                        where workspace_id = :workspace and id = :id and comment_status = 'waiting'""")
                .param("workspace", workspace.value())
                .param("id", target.value())
                .param("until", Timestamp.from(until))
                .update();
    }

    /** An outcome that needs no attempt: skipped (its target was not published) or failed before any call. */
    void settle(WorkspaceId workspace, TargetId target, CommentStatus status, @Nullable String error, Instant now) {
        jdbc.sql(
                        """
                        update post_targets set comment_status = :status, comment_error = :error,
                            comment_due_at = null, updated_at = :now
                        where workspace_id = :workspace and id = :id""")
                .param("workspace", workspace.value())
                .param("id", target.value())
                .param("status", status.value())
                .param("error", error)
                .param("now", Timestamp.from(now))
                .update();
    }

    /**
     * Writes an attempt's outcome if the comment is still held by its fence; false when a newer attempt overtook it.
     *
     * @param status {@code posted}, {@code failed}, {@code unknown}, or {@code posting} with {@code dueAt} for a retry
     */
    boolean complete(
            WorkspaceId workspace,
            TargetId target,
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
                        update post_targets set comment_status = :status, comment_due_at = :due,
                            comment_reconcile_since = :since, comment_platform_id = :platformId, comment_url = :url,
                            comment_error = :error,
                            commented_at = case when :status = 'posted' then :now else commented_at end,
                            updated_at = :now
                        where workspace_id = :workspace and id = :id and comment_fence = :fence
                          and comment_status = 'posting'""")
                        .param("workspace", workspace.value())
                        .param("id", target.value())
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
     * Makes a finished comment due again now, as a person asked, without looking on the platform first. False when the
     * comment is not in one of {@code from}.
     */
    boolean again(WorkspaceId workspace, TargetId target, List<CommentStatus> from, Instant now) {
        return jdbc.sql(
                                """
                        update post_targets set comment_status = 'waiting', comment_due_at = :now,
                            comment_reconcile_since = null, comment_error = null, updated_at = :now
                        where workspace_id = :workspace and id = :id and comment_status in (:from)""")
                        .param("workspace", workspace.value())
                        .param("id", target.value())
                        .param("from", from.stream().map(CommentStatus::value).toList())
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    /** A person says the comment is on the platform. False unless its outcome was unknown. */
    boolean confirm(WorkspaceId workspace, TargetId target, Instant now) {
        return jdbc.sql(
                                """
                        update post_targets set comment_status = 'posted', comment_due_at = null,
                            comment_reconcile_since = null, commented_at = :now, updated_at = :now
                        where workspace_id = :workspace and id = :id and comment_status = 'unknown'""")
                        .param("workspace", workspace.value())
                        .param("id", target.value())
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }
}
