package herald.webhooks;

import herald.database.TenantScope;
import herald.shared.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Each workspace's enabled endpoints, as this node last read them. Which workspaces have any is one set for the whole
 * node, read with one statement per {@code herald.webhooks.subscriptions-ttl}: an event of a workspace without
 * endpoints (nearly every publish) costs no statement at all. A change made on this node is seen at once; one made on
 * another node within the TTL.
 */
@Component
class Subscriptions {

    private record Copy(List<WebhookEndpoint> endpoints, Instant readAt) {}

    private final JdbcClient jdbc;
    private final TenantScope tenants;
    private final WebhookSettings settings;
    private final Clock clock;
    private final ConcurrentHashMap<WorkspaceId, Copy> copies = new ConcurrentHashMap<>();
    private volatile Set<WorkspaceId> withEndpoints = Set.of();
    private volatile Instant withEndpointsReadAt = Instant.EPOCH;
    private final java.util.concurrent.atomic.AtomicLong changes = new java.util.concurrent.atomic.AtomicLong();

    Subscriptions(JdbcClient jdbc, TenantScope tenants, WebhookSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.settings = settings;
        this.clock = clock;
    }

    /** The workspace's enabled endpoints that receive {@code type}. */
    List<WebhookEndpoint> of(WorkspaceId workspace, WebhookEventType type) {
        Instant now = clock.instant();
        if (withEndpointsReadAt.plus(settings.subscriptionsTtl()).isBefore(now)) {
            long before = changes.get();
            withEndpoints = Set.copyOf(jdbc.sql("select herald_webhook_workspaces()")
                    .query((rs, n) -> new WorkspaceId(rs.getObject(1, java.util.UUID.class)))
                    .list());
            // A change made on this node while the set was read may be missing from it: read it again next time.
            withEndpointsReadAt = changes.get() == before ? now : Instant.EPOCH;
        }
        if (!withEndpoints.contains(workspace)) {
            return List.of();
        }
        Copy copy = copies.get(workspace);
        if (copy == null || copy.readAt().plus(settings.subscriptionsTtl()).isBefore(now)) {
            copy = new Copy(read(workspace), now);
            copies.put(workspace, copy);
        }
        return copy.endpoints().stream().filter(e -> e.subscribes(type)).toList();
    }

    /** After a change on this node: the workspace's endpoints, and which workspaces have any, are read again. */
    void forget(WorkspaceId workspace) {
        changes.incrementAndGet();
        copies.remove(workspace);
        withEndpointsReadAt = Instant.EPOCH;
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
