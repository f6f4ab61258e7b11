package herald.connections;

import herald.shared.Conflict;
import herald.shared.WorkspaceId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Whether publishing to a connection is paused (docs/pausing.md). Every method runs <em>inside the caller's tenant
 * transaction</em>, because its row lock is what orders a pause against the posts written for the account at the same
 * time: {@link #pause} and {@link #resume} hold the connection's row ({@code for update}) until the caller, which moves
 * the account's targets in the same transaction, commits; {@link #pausedAmong} takes a key-share lock on the accounts a
 * post is written for (the lock its targets' foreign key takes anyway), so it waits for a pause in progress and then
 * sees it, or the pause waits for the post and then finds its targets.
 */
@Component
public class ConnectionPauses {

    private final ConnectionRows rows;
    private final JdbcClient jdbc;

    ConnectionPauses(ConnectionRows rows, JdbcClient jdbc) {
        this.rows = rows;
        this.jdbc = jdbc;
    }

    /**
     * Pauses the connection.
     *
     * @throws herald.shared.NotFound when the workspace has no such connection
     * @throws Conflict when it is paused already
     */
    public Connection pause(WorkspaceId workspace, ConnectionId id, Instant now) {
        Connection current = lock(workspace, id);
        if (current.paused()) {
            throw new Conflict("paused", "Publishing to @" + current.username() + " is paused already.");
        }
        write(workspace, List.of(id), now, now);
        return reread(workspace, id);
    }

    /**
     * Resumes the connection.
     *
     * @throws herald.shared.NotFound when the workspace has no such connection
     * @throws Conflict when it is not paused
     */
    public Connection resume(WorkspaceId workspace, ConnectionId id, Instant now) {
        Connection current = lock(workspace, id);
        if (!current.paused()) {
            throw new Conflict("paused", "Publishing to @" + current.username() + " is not paused.");
        }
        write(workspace, List.of(id), null, now);
        return reread(workspace, id);
    }

    /** Pauses every connection of the workspace not paused yet; answers those it paused. */
    public List<Connection> pauseAll(WorkspaceId workspace, Instant now) {
        List<Connection> running =
                lockAll(workspace).stream().filter(c -> !c.paused()).toList();
        write(workspace, running.stream().map(Connection::id).toList(), now, now);
        return reread(workspace, running);
    }

    /** Resumes every paused connection of the workspace; answers those it resumed. */
    public List<Connection> resumeAll(WorkspaceId workspace, Instant now) {
        List<Connection> paused =
                lockAll(workspace).stream().filter(Connection::paused).toList();
        write(workspace, paused.stream().map(Connection::id).toList(), null, now);
        return reread(workspace, paused);
    }

    /** The workspace's paused connections. */
    public List<ConnectionId> pausedIn(WorkspaceId workspace) {
        requireTransaction();
        return jdbc.sql("select id from connections where workspace_id = :workspace and paused_at is not null")
                .param("workspace", workspace.value())
                .query((rs, n) -> new ConnectionId(rs.getObject(1, UUID.class)))
                .list();
    }

    /** Which of {@code ids} are paused, under a key-share lock on each, held until the caller's transaction ends. */
    public Set<ConnectionId> pausedAmong(WorkspaceId workspace, Collection<ConnectionId> ids) {
        requireTransaction();
        if (ids.isEmpty()) {
            return Set.of();
        }
        record Row(ConnectionId id, boolean paused) {}
        // Every one of them is locked, paused or not (a pause must wait for this post), in order, so that two posts
        // for the same accounts lock them in the same order.
        return jdbc
                .sql(
                        """
                        select id, paused_at is not null as paused from connections
                        where workspace_id = :workspace and id in (:ids) order by id for key share""")
                .param("workspace", workspace.value())
                .param("ids", ids.stream().map(ConnectionId::value).distinct().toList())
                .query((rs, n) -> new Row(new ConnectionId(rs.getObject("id", UUID.class)), rs.getBoolean("paused")))
                .list()
                .stream()
                .filter(Row::paused)
                .map(Row::id)
                .collect(Collectors.toUnmodifiableSet());
    }

    private Connection lock(WorkspaceId workspace, ConnectionId id) {
        requireTransaction();
        return rows.lock(workspace, id)
                .orElseThrow(() -> Connections.notFound(id))
                .connection();
    }

    /** Locks every connection of the workspace, in id order; answers them as they are under the locks. */
    private List<Connection> lockAll(WorkspaceId workspace) {
        requireTransaction();
        jdbc.sql("select id from connections where workspace_id = :workspace order by id for update")
                .param("workspace", workspace.value())
                .query(UUID.class)
                .list();
        return rows.list(workspace);
    }

    private void write(WorkspaceId workspace, List<ConnectionId> ids, @Nullable Instant pausedAt, Instant now) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.sql(
                        """
                        update connections set paused_at = cast(:pausedAt as timestamptz), updated_at = :now
                        where workspace_id = :workspace and id in (:ids)""")
                .param("workspace", workspace.value())
                .param("ids", ids.stream().map(ConnectionId::value).toList())
                .param("pausedAt", pausedAt == null ? null : Timestamp.from(pausedAt))
                .param("now", Timestamp.from(now))
                .update();
    }

    private Connection reread(WorkspaceId workspace, ConnectionId id) {
        return rows.find(workspace, id).orElseThrow().connection();
    }

    /** {@code changed} as they are now, in one read of the workspace's connections. */
    private List<Connection> reread(WorkspaceId workspace, List<Connection> changed) {
        Set<ConnectionId> ids = changed.stream().map(Connection::id).collect(Collectors.toUnmodifiableSet());
        return rows.list(workspace).stream().filter(c -> ids.contains(c.id())).toList();
    }

    private static void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("A pause takes effect in the caller's transaction: call it inside one");
        }
    }
}
