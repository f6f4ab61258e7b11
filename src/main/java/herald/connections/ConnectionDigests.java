package herald.connections;

import herald.shared.UserId;
import herald.shared.WorkspaceId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The accounts side of a person's "All workspaces" page: how many accounts of each workspace they belong to the
 * platform refused to refresh, counted in one read across their workspaces.
 */
@Component
public class ConnectionDigests {

    private final JdbcClient jdbc;

    ConnectionDigests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Accounts needing a reconnect, per workspace of {@code user}'s that has any. */
    public Map<WorkspaceId, Integer> needingReconnect(UserId user) {
        var counts = new LinkedHashMap<WorkspaceId, Integer>();
        jdbc.sql("select * from herald_reconnect_digest(:user)")
                .param("user", user.value())
                .query((RowCallbackHandler) rs -> counts.put(
                        new WorkspaceId(rs.getObject("workspace_id", UUID.class)), rs.getInt("needing_reconnect")));
        return counts;
    }
}
