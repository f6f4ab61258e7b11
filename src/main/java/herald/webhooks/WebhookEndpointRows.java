package herald.webhooks;

import herald.shared.WorkspaceId;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Rows of {@code webhook_endpoints} as endpoints, for {@link WebhookEndpoints} and {@link Subscriptions}. */
final class WebhookEndpointRows {

    private WebhookEndpointRows() {}

    /** The workspace's endpoints, oldest first, in the running transaction ({@link Subscriptions} reads them too). */
    static List<WebhookEndpoint> all(JdbcClient jdbc, WorkspaceId workspace) {
        return jdbc.sql("select * from webhook_endpoints where workspace_id = :workspace order by created_at, id")
                .param("workspace", workspace.value())
                .query(WebhookEndpointRows::endpoint)
                .list();
    }

    static WebhookEndpoint endpoint(ResultSet rs, int row) throws SQLException {
        var events = new ArrayList<WebhookEventType>();
        for (Object name : (Object[]) rs.getArray("events").getArray()) {
            events.add(WebhookEventType.stored((String) name));
        }
        return new WebhookEndpoint(
                new WebhookEndpointId(rs.getObject("id", UUID.class)),
                URI.create(rs.getString("url")),
                rs.getString("description"),
                events,
                rs.getBoolean("enabled"),
                rs.getString("secret_hint"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
