package herald.connections;

import herald.shared.WorkspaceId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@code token_refresh_history}: every refresh attempt of a connection, in the caller's tenant transaction. */
@Component
class RefreshHistory {

    private final JdbcClient jdbc;

    RefreshHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(
            WorkspaceId workspace,
            ConnectionId connection,
            RefreshAttempt.Trigger trigger,
            RefreshAttempt.Outcome outcome,
            @Nullable String error,
            Instant at) {
        jdbc.sql(
                        """
                        insert into token_refresh_history (workspace_id, id, connection_id, attempted_at, trigger,
                            outcome, error)
                        values (:workspace, :id, :connection, :at, :trigger, :outcome, :error)""")
                .param("workspace", workspace.value())
                .param("id", UUID.randomUUID())
                .param("connection", connection.value())
                .param("at", Timestamp.from(at))
                .param("trigger", trigger.value())
                .param("outcome", outcome.value())
                .param("error", error)
                .update();
    }

    List<RefreshAttempt> latest(WorkspaceId workspace, ConnectionId connection, int limit) {
        return jdbc.sql(
                        """
                        select attempted_at, trigger, outcome, error from token_refresh_history
                        where workspace_id = :workspace and connection_id = :connection
                        order by attempted_at desc, id limit :limit""")
                .param("workspace", workspace.value())
                .param("connection", connection.value())
                .param("limit", limit)
                .query((rs, n) -> new RefreshAttempt(
                        rs.getTimestamp("attempted_at").toInstant(),
                        RefreshAttempt.Trigger.valueOf(rs.getString("trigger").toUpperCase(Locale.ROOT)),
                        RefreshAttempt.Outcome.valueOf(rs.getString("outcome").toUpperCase(Locale.ROOT)),
                        rs.getString("error")))
                .list();
    }
}
