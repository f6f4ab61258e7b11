package herald.webhooks;

import herald.database.TenantScope;
import herald.shared.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each workspace's enabled endpoints, as this node last read them: an event of a workspace without endpoints (nearly
 * every publish) costs no statement. A change made on this node is seen at once; one made on another node within
 * {@code herald.webhooks.subscriptions-ttl}.
 */
@Component
class Subscriptions {

    private record Copy(List<WebhookEndpoint> endpoints, Instant readAt) {}

    private final JdbcClient jdbc;
    private final TenantScope tenants;
    private final WebhookSettings settings;
    private final Clock clock;
    private final ConcurrentHashMap<WorkspaceId, Copy> copies = new ConcurrentHashMap<>();

    Subscriptions(JdbcClient jdbc, TenantScope tenants, WebhookSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.settings = settings;
        this.clock = clock;
    }

    /** The workspace's enabled endpoints that receive {@code type}. */
    List<WebhookEndpoint> of(WorkspaceId workspace, WebhookEventType type) {
        Instant now = clock.instant();
        Copy copy = copies.get(workspace);
        if (copy == null || copy.readAt().plus(settings.subscriptionsTtl()).isBefore(now)) {
            copy = new Copy(read(workspace), now);
            copies.put(workspace, copy);
        }
        return copy.endpoints().stream().filter(e -> e.subscribes(type)).toList();
    }

    void forget(WorkspaceId workspace) {
        copies.remove(workspace);
    }

    private List<WebhookEndpoint> read(WorkspaceId workspace) {
        return tenants.read(
                workspace, () -> jdbc.sql("select * from webhook_endpoints where workspace_id = :workspace and enabled"
                                + " order by created_at, id")
                        .param("workspace", workspace.value())
                        .query(WebhookEndpoints::endpoint)
                        .list());
    }
}
