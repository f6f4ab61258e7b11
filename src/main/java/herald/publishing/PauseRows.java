package herald.publishing;

import herald.connections.ConnectionId;
import herald.shared.WorkspaceId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The writes of a pause and a resume to the targets of the paused accounts ({@link Pausing}). Every method runs inside
 * the tenant transaction that holds the accounts' row locks.
 */
@Component
class PauseRows {

    /** A target scheduled again by a resume, due at {@code due}. */
    record Released(TargetId id, Instant due) {}

    private final JdbcClient jdbc;

    PauseRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Holds the accounts' scheduled targets of dispatched posts (a draft's or a post's awaiting approval wait anyway);
     * answers how many. A target being published is left to finish: it is {@code publishing}, not scheduled, and the
     * claim holding its row makes this wait until the claim commits.
     */
    int hold(WorkspaceId workspace, List<ConnectionId> connections, Instant now) {
        return jdbc.sql(
                        """
                        update post_targets t set status = 'held', updated_at = :now
                        from posts p
                        where t.workspace_id = :workspace and t.connection_id in (:connections)
                          and t.status = 'scheduled' and t.due_at is not null
                          and p.workspace_id = t.workspace_id and p.id = t.post_id
                          and p.status in ('scheduled', 'publishing')""")
                .param("workspace", workspace.value())
                .param("connections", ids(connections))
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Holds the post's scheduled targets on the accounts (a person's retry on a paused account); answers how many. */
    int hold(WorkspaceId workspace, PostId post, Collection<ConnectionId> connections, Instant now) {
        return jdbc.sql(
                        """
                        update post_targets set status = 'held', updated_at = :now
                        where workspace_id = :workspace and post_id = :post and connection_id in (:connections)
                          and status = 'scheduled'""")
                .param("workspace", workspace.value())
                .param("post", post.value())
                .param("connections", ids(connections))
                .param("now", Timestamp.from(now))
                .update();
    }

    /**
     * Locks the posts with targets held on the accounts, in id order: a resume changes their targets and may settle
     * their status, and takes the posts' locks before the accounts' (an edit takes its post's, then its accounts').
     */
    void lockPostsHeldOn(WorkspaceId workspace, List<ConnectionId> connections) {
        jdbc.sql(
                        """
                        select p.id from posts p
                        where p.workspace_id = :workspace and p.id in (
                            select post_id from post_targets
                            where workspace_id = :workspace and connection_id in (:connections) and status = 'held')
                        order by p.id for update""")
                .param("workspace", workspace.value())
                .param("connections", ids(connections))
                .query(UUID.class)
                .list();
    }

    /**
     * Cancels the held targets whose time has passed, saying why on each; answers their posts (once each).
     */
    List<PostId> skipOverdue(WorkspaceId workspace, List<ConnectionId> connections, Instant now) {
        return jdbc.sql(
                        """
                        with skipped as (
                            update post_targets set status = 'cancelled', updated_at = :now,
                                last_error = 'Skipped: its time passed while publishing to @' || account_handle
                                    || ' was paused.'
                            where workspace_id = :workspace and connection_id in (:connections) and status = 'held'
                              and due_at <= :now
                            returning post_id)
                        select distinct post_id from skipped""")
                .param("workspace", workspace.value())
                .param("connections", ids(connections))
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new PostId(rs.getObject(1, UUID.class)))
                .list();
    }

    /** Schedules the held targets again, at their time, or now for those whose time has passed. */
    List<Released> release(WorkspaceId workspace, List<ConnectionId> connections, Instant now) {
        return jdbc.sql(
                        """
                        update post_targets set status = 'scheduled', due_at = greatest(due_at, :now), updated_at = :now
                        where workspace_id = :workspace and connection_id in (:connections) and status = 'held'
                        returning id, due_at""")
                .param("workspace", workspace.value())
                .param("connections", ids(connections))
                .param("now", Timestamp.from(now))
                .query((rs, n) -> new Released(
                        new TargetId(rs.getObject("id", UUID.class)),
                        rs.getTimestamp("due_at").toInstant()))
                .list();
    }

    private static List<UUID> ids(Collection<ConnectionId> connections) {
        return connections.stream().map(ConnectionId::value).toList();
    }
}
