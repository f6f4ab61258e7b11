package herald.webhooks;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import herald.audit.AuditLog;
import herald.database.Keyset;
import herald.database.SqlTimes;
import herald.database.TenantScope;
import herald.shared.NotFound;
import herald.shared.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * The deliveries of a workspace's events: recorded, one per endpoint, before their job is scheduled (a job lost between
 * the two is scheduled again by the overdue sweep, {@link WebhookJobs}); listed newest first; sent again on request
 * under the same event id.
 */
@Service
public class WebhookDeliveries {

    private static final Keyset NEWEST_FIRST = Keyset.newestFirst("created_at", "id");

    static final String TASK = "webhook-delivery";

    private final JdbcClient jdbc;
    private final TenantScope tenants;
    private final AuditLog audit;
    private final JsonMapper json;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final Clock clock;

    WebhookDeliveries(
            JdbcClient jdbc,
            TenantScope tenants,
            AuditLog audit,
            JsonMapper json,
            ObjectProvider<SchedulerClient> scheduler,
            Clock clock) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.audit = audit;
        this.json = json;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** The endpoint's deliveries, newest first, after {@code after} (null: from the newest). */
    public List<WebhookDelivery> recent(
            WorkspaceId workspace, WebhookEndpointId endpoint, WebhookDelivery.@Nullable Position after, int limit) {
        Keyset.After from = after == null
                ? null
                : new Keyset.After(after.createdAt(), after.id().value());
        return tenants.read(workspace, () -> NEWEST_FIRST
                .page(
                        jdbc,
                        "select * from webhook_deliveries where workspace_id = :workspace"
                                + " and endpoint_id = :endpoint",
                        from,
                        limit)
                .param("workspace", workspace.value())
                .param("endpoint", endpoint.value())
                .query(WebhookDeliveries::delivery)
                .list());
    }

    public Optional<WebhookDelivery> find(WorkspaceId workspace, WebhookDeliveryId id) {
        return tenants.read(workspace, () -> jdbc.sql(
                        "select * from webhook_deliveries where workspace_id = :workspace and id = :id")
                .param("workspace", workspace.value())
                .param("id", id.value())
                .query(WebhookDeliveries::delivery)
                .optional());
    }

    /** @throws NotFound when the endpoint has no such delivery (another workspace's or endpoint's id included) */
    public WebhookDelivery require(WorkspaceId workspace, WebhookEndpointId endpoint, WebhookDeliveryId id) {
        return find(workspace, id)
                .filter(d -> d.endpoint().equals(endpoint))
                .orElseThrow(() -> new NotFound("No such delivery of this webhook endpoint."));
    }

    /**
     * Sends a delivery's event to its endpoint again, as a new delivery with the same event id and body (a receiver
     * that handled it already can tell), whatever became of the first.
     */
    public WebhookDelivery redeliver(WorkspaceId workspace, WebhookEndpointId endpoint, WebhookDeliveryId id) {
        WebhookDelivery original = require(workspace, endpoint, id);
        Instant now = clock.instant();
        WebhookDeliveryId copy = WebhookDeliveryId.random();
        tenants.run(workspace, () -> {
            insert(workspace, copy, endpoint, original.eventId(), original.type(), original.payload(), now);
            audit.record(
                    workspace,
                    "webhook.redelivered",
                    "webhook_endpoint",
                    endpoint.toString(),
                    Map.of(
                            "eventId",
                            original.eventId().toString(),
                            "type",
                            original.type().value()));
        });
        schedule(workspace, copy, now);
        return require(workspace, endpoint, copy);
    }

    /**
     * Records one delivery of a new event to each endpoint, then schedules their jobs.
     *
     * @param data the event's {@code data}, written in this order
     * @return the deliveries' ids, in the order of {@code endpoints}
     */
    List<WebhookDeliveryId> enqueue(
            WorkspaceId workspace, List<WebhookEndpoint> endpoints, WebhookEventType type, Map<String, ?> data) {
        if (endpoints.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        UUID eventId = UUID.randomUUID();
        var body = new LinkedHashMap<String, Object>();
        body.put("id", eventId.toString());
        body.put("type", type.value());
        body.put("timestamp", now.toString());
        body.put("data", data);
        String payload = json.writeValueAsString(body);
        var ids = new ArrayList<WebhookDeliveryId>();
        tenants.run(workspace, () -> {
            for (WebhookEndpoint endpoint : endpoints) {
                WebhookDeliveryId id = WebhookDeliveryId.random();
                insert(workspace, id, endpoint.id(), eventId, type, payload, now);
                ids.add(id);
            }
        });
        ids.forEach(id -> schedule(workspace, id, now));
        return List.copyOf(ids);
    }

    void schedule(WorkspaceId workspace, WebhookDeliveryId id, Instant at) {
        SchedulerClient client = scheduler.getIfAvailable();
        if (client != null) {
            client.scheduleIfNotExists(new TaskInstance<>(TASK, id.toString(), data(workspace, id)), at);
        }
    }

    private void insert(
            WorkspaceId workspace,
            WebhookDeliveryId id,
            WebhookEndpointId endpoint,
            UUID eventId,
            WebhookEventType type,
            String payload,
            Instant now) {
        jdbc.sql(
                        """
                        insert into webhook_deliveries (workspace_id, id, endpoint_id, event_id, event_type, payload,
                            status, attempts, created_at, next_attempt_at)
                        values (:workspace, :id, :endpoint, :event, :type, :payload, 'pending', 0, :now, :now)""")
                .param("workspace", workspace.value())
                .param("id", id.value())
                .param("endpoint", endpoint.value())
                .param("event", eventId)
                .param("type", type.value())
                .param("payload", payload)
                .param("now", Timestamp.from(now))
                .update();
    }

    static String data(WorkspaceId workspace, WebhookDeliveryId id) {
        return workspace + "/" + id;
    }

    static WorkspaceId workspaceOf(String data) {
        return new WorkspaceId(UUID.fromString(data.substring(0, data.indexOf('/'))));
    }

    static WebhookDeliveryId deliveryOf(String data) {
        return new WebhookDeliveryId(UUID.fromString(data.substring(data.indexOf('/') + 1)));
    }

    static WebhookDelivery delivery(ResultSet rs, int row) throws SQLException {
        return new WebhookDelivery(
                new WebhookDeliveryId(rs.getObject("id", UUID.class)),
                new WebhookEndpointId(rs.getObject("endpoint_id", UUID.class)),
                rs.getObject("event_id", UUID.class),
                WebhookEventType.stored(rs.getString("event_type")),
                rs.getString("payload"),
                WebhookDelivery.Status.of(rs.getString("status")),
                rs.getInt("attempts"),
                rs.getTimestamp("created_at").toInstant(),
                SqlTimes.instant(rs, "next_attempt_at"),
                SqlTimes.instant(rs, "last_attempt_at"),
                SqlTimes.instant(rs, "delivered_at"),
                rs.getObject("response_status", Integer.class),
                rs.getString("error"),
                rs.getObject("duration_ms", Integer.class));
    }
}
