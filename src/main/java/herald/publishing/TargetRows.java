package herald.publishing;

import static herald.database.SqlTimes.timestamp;

import herald.connections.ConnectionId;
import herald.connections.ConnectionPauses;
import herald.providers.PostFormat;
import herald.shared.WorkspaceId;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The writes of a post's targets ({@code post_targets}) and of their thread parts' rows; {@link PostRows} writes the
 * post itself and {@link PostReads} queries them. Every method runs inside a tenant transaction that its caller opened.
 */
@Component
class TargetRows {

    private final JdbcClient jdbc;
    private final ConnectionPauses pauses;

    TargetRows(JdbcClient jdbc, ConnectionPauses pauses) {
        this.jdbc = jdbc;
        this.pauses = pauses;
    }

    record NewTargetRow(
            TargetId id,
            ConnectionId connection,
            String provider,
            String account,
            String handle,
            @Nullable String body,
            @Nullable String firstComment,
            int threadParts,
            PostFormat format,
            boolean commentOff) {}

    /**
     * The post's targets, due at {@code dueAt} (null: not dispatched, a draft or a post awaiting approval). Dispatched
     * targets on an account whose publishing is paused are stored held ({@link Pausing}); answers those accounts. With
     * {@code comment} (the post's first comment), or a first comment of its own, each target's comment waits for it,
     * due from the same instant; a story takes none (it is its medium alone).
     */
    Set<ConnectionId> insert(
            WorkspaceId workspace,
            PostId post,
            List<NewTargetRow> targets,
            @Nullable Instant dueAt,
            boolean comment,
            Instant now) {
        // Read under a key-share lock on each account, so that a pause either waits for this post's commit and then
        // holds its targets, or commits first and is seen here.
        Set<ConnectionId> paused = dueAt == null
                ? Set.of()
                : pauses.pausedAmong(
                        workspace,
                        targets.stream().map(NewTargetRow::connection).toList());
        for (NewTargetRow target : targets) {
            jdbc.sql(
                            """
                            insert into post_targets (workspace_id, id, post_id, connection_id, provider, account,
                                account_handle, body, status, due_at, updated_at, comment_text, comment_status,
                                comment_due_at, format, comment_off)
                            values (:workspace, :id, :post, :connection, :provider, :account, :handle, :body,
                                :status, :due, :now, :commentText, case when :comment then 'waiting' end,
                                case when :comment then cast(:due as timestamptz) end, :format, :commentOff)""")
                    .param("workspace", workspace.value())
                    .param("id", target.id().value())
                    .param("post", post.value())
                    .param("connection", target.connection().value())
                    .param("provider", target.provider())
                    .param("account", target.account())
                    .param("handle", target.handle())
                    .param("body", target.body())
                    .param("status", paused.contains(target.connection()) ? "held" : "scheduled")
                    .param("due", timestamp(dueAt))
                    .param("commentText", target.firstComment())
                    .param(
                            "comment",
                            target.format() == PostFormat.POST
                                    && !target.commentOff()
                                    && (comment || target.firstComment() != null))
                    .param("commentOff", target.commentOff())
                    .param("format", target.format().value())
                    .param("now", Timestamp.from(now))
                    .update();
            if (target.threadParts() > 0) {
                // The thread's parts wait for the target, each due with it (ThreadParts writes them in order).
                jdbc.sql(
                                """
                                insert into post_thread_parts (workspace_id, target_id, position, post_id, status,
                                    due_at)
                                select :workspace, :target, g, :post, 'waiting', :due
                                from generate_series(1, :parts) g""")
                        .param("workspace", workspace.value())
                        .param("target", target.id().value())
                        .param("post", post.value())
                        .param("due", timestamp(dueAt))
                        .param("parts", target.threadParts())
                        .update();
            }
        }
        return paused;
    }

    /**
     * Replaces the post's targets by {@code targets}, as {@link #insert} writes them. The accounts are locked
     * before the old targets are deleted: a pause locks the account first, then its targets, and the other order
     * could deadlock with it.
     */
    Set<ConnectionId> replace(
            WorkspaceId workspace,
            PostId post,
            List<NewTargetRow> targets,
            @Nullable Instant dueAt,
            boolean comment,
            Instant now) {
        if (dueAt != null) {
            pauses.pausedAmong(
                    workspace, targets.stream().map(NewTargetRow::connection).toList());
        }
        delete(workspace, post);
        return insert(workspace, post, targets, dueAt, comment, now);
    }

    private void delete(WorkspaceId workspace, PostId post) {
        jdbc.sql("delete from post_targets where workspace_id = :workspace and post_id = :post")
                .param("workspace", workspace.value())
                .param("post", post.value())
                .update();
    }

    /**
     * Sets the status of the post's targets that are in {@code from}; answers how many. Targets scheduled again (a
     * retry) have their first comment and their thread's skipped parts wait for them again, due with them.
     */
    int move(
            WorkspaceId workspace,
            PostId post,
            List<TargetStatus> from,
            TargetStatus to,
            @Nullable Instant dueAt,
            Instant now) {
        int moved = jdbc.sql(
                        """
                        update post_targets set status = :to, due_at = coalesce(:due, due_at), updated_at = :now,
                            comment_status = case when :to = 'scheduled' and comment_status = 'skipped' then 'waiting'
                                else comment_status end,
                            comment_due_at = case when :to = 'scheduled' and comment_status in ('waiting', 'skipped')
                                then coalesce(:due, due_at) else comment_due_at end
                        where workspace_id = :workspace and post_id = :post and status in (:from)""")
                .param("workspace", workspace.value())
                .param("post", post.value())
                .param("from", from.stream().map(TargetStatus::value).toList())
                .param("to", to.value())
                .param("due", timestamp(dueAt))
                .param("now", Timestamp.from(now))
                .update();
        if (moved > 0 && to == TargetStatus.SCHEDULED) {
            jdbc.sql(
                            """
                            update post_thread_parts p set status = 'waiting', error = null, due_at = t.due_at
                            from post_targets t
                            where t.workspace_id = p.workspace_id and t.id = p.target_id
                              and p.workspace_id = :workspace and p.post_id = :post
                              and t.status = 'scheduled' and p.status = 'skipped'""")
                    .param("workspace", workspace.value())
                    .param("post", post.value())
                    .update();
        }
        return moved;
    }

    /** Published at {@code url} (a person said so), under {@code postId} when the address tells the platform's id. */
    void markPublished(WorkspaceId workspace, TargetId target, URI url, @Nullable String postId, Instant now) {
        jdbc.sql(
                        """
                        update post_targets set status = 'published', platform_url = :url, published_at = :now,
                            platform_post_id = :postId,
                            reconcile_since = null, updated_at = :now,
                            comment_due_at = case when comment_status = 'waiting' then :now else comment_due_at end
                        where workspace_id = :workspace and id = :id""")
                .param("workspace", workspace.value())
                .param("id", target.value())
                .param("url", url.toString())
                .param("postId", postId)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Due again now, without reconciling first: a person said the platform does not have it. */
    void scheduleAgain(WorkspaceId workspace, TargetId target, Instant now) {
        jdbc.sql(
                        """
                        update post_targets set status = 'scheduled', due_at = :now, reconcile_since = null,
                            updated_at = :now,
                            comment_due_at = case when comment_status = 'waiting' then :now else comment_due_at end
                        where workspace_id = :workspace and id = :id""")
                .param("workspace", workspace.value())
                .param("id", target.value())
                .param("now", Timestamp.from(now))
                .update();
    }
}
