package herald.webhooks;

import herald.database.TenantScope;
import herald.shared.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which workspaces have an enabled endpoint, and each such workspace's endpoints, as this node last read them. The set
 * is one statement per {@code herald.webhooks.subscriptions-ttl} for the whole node, kept fresh by the events worker,
 * and {@link #mayHave} only looks at it: an event of a workspace without endpoints (nearly every publish) costs the
 * publishing thread a set look-up, no statement and no wake-up of the worker. A change made on this node is seen at
 * once; one made on another node within the TTL.
 */
@Component
class Subscriptions {

    private record Copy(List<WebhookEndpoint> endpoints, Instant readAt) {}

    private final JdbcClient jdbc;
    private final TenantScope tenants;
    private final WebhookSettings settings;
    private final Clock clock;
    private final ConcurrentHashMap<WorkspaceId, Copy> copies = new ConcurrentHashMap<>();
    private final AtomicLong changes = new AtomicLong();
    private volatile Set<WorkspaceId> withEndpoints = Set.of();
    private volatile Instant withEndpointsReadAt = Instant.EPOCH;
    private volatile boolean known;

    Subscriptions(JdbcClient jdbc, TenantScope tenants, WebhookSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.settings = settings;
        this.clock = clock;
    }

    /** Whether the workspace may have an endpoint: true until the set has been read once. */
    boolean mayHave(WorkspaceId workspace) {
        return !known || withEndpoints.contains(workspace);
    }

    /** Reads again which workspaces have an endpoint, when the copy is older than the TTL. */
    void refreshIfDue() {
        Instant now = clock.instant();
        if (!withEndpointsReadAt.plus(settings.subscriptionsTtl()).isBefore(now)) {
            return;
        }
        long before = changes.get();
        Set<WorkspaceId> read = Set.copyOf(jdbc.sql("select herald_webhook_workspaces()")
                .query((rs, n) -> new WorkspaceId(rs.getObject(1, UUID.class)))
                .list());
        // A change made on this node while the set was read may be missing from it: keep it, and read again soon.
        if (changes.get() == before) {
            withEndpoints = read;
            withEndpointsReadAt = now;
        } else {
            var merged = new HashSet<>(read);
            merged.addAll(withEndpoints);
            withEndpoints = Set.copyOf(merged);
        }
        known = true;
    }

    /** The workspace's enabled endpoints that receive {@code type}. */
    List<WebhookEndpoint> of(WorkspaceId workspace, WebhookEventType type) {
        refreshIfDue();
        if (!withEndpoints.contains(workspace)) {
            return List.of();
        }
        Instant now = clock.instant();
        Copy copy = copies.get(workspace);
        if (copy == null || copy.readAt().plus(settings.subscriptionsTtl()).isBefore(now)) {
            copy = new Copy(read(workspace), now);
            copies.put(workspace, copy);
        }
        return copy.endpoints().stream().filter(e -> e.subscribes(type)).toList();
    }

    /**
     * After a change on this node: the workspace counts as having endpoints until the set is read again, and its
     * endpoints are read again at its next event.
     */
    void forget(WorkspaceId workspace) {
        changes.incrementAndGet();
        copies.remove(workspace);
        var with = new HashSet<>(withEndpoints);
        with.add(workspace);
        withEndpoints = Set.copyOf(with);
        withEndpointsReadAt = Instant.EPOCH;
    }

    private List<WebhookEndpoint> read(WorkspaceId workspace) {
        return tenants.read(workspace, () -> WebhookEndpointRows.all(jdbc, workspace)).stream()
                .filter(WebhookEndpoint::enabled)
                .toList();
    }
}
