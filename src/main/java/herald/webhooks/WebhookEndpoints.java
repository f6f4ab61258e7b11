package herald.webhooks;

import herald.audit.AuditLog;
import herald.database.TenantScope;
import herald.shared.LimitReached;
import herald.shared.NotFound;
import herald.shared.PublicHosts;
import herald.shared.WorkspaceId;
import herald.vault.EncryptedColumn;
import herald.vault.Secret;
import herald.vault.SecretSlot;
import herald.vault.Vault;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A workspace's webhook endpoints: at most {@code herald.webhooks.max-endpoints}, each with its own signing secret
 * (made by Herald, shown once at creation and when rolled, sealed by the vault otherwise), a public {@code https}
 * URL and the events it receives. Every change is audited, without the secret.
 */
@Service
public class WebhookEndpoints {

    static final EncryptedColumn SECRET = new EncryptedColumn("webhook_endpoints", "secret", "webhook_endpoint.secret");

    private final JdbcClient jdbc;
    private final TenantScope tenants;
    private final Vault vault;
    private final AuditLog audit;
    private final WebhookSettings settings;
    private final WebhookUrls urls;
    private final Subscriptions subscriptions;
    private final WebhookDeliveries deliveries;
    private final Clock clock;

    WebhookEndpoints(
            JdbcClient jdbc,
            TenantScope tenants,
            Vault vault,
            AuditLog audit,
            WebhookSettings settings,
            Subscriptions subscriptions,
            WebhookDeliveries deliveries,
            Clock clock) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.vault = vault;
        this.audit = audit;
        this.settings = settings;
        this.urls = new WebhookUrls(PublicHosts.allowing(settings.allowedHosts()));
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** The workspace's endpoints, oldest first. */
    public List<WebhookEndpoint> all(WorkspaceId workspace) {
        return tenants.read(workspace, () -> WebhookEndpointRows.all(jdbc, workspace));
    }

    public Optional<WebhookEndpoint> find(WorkspaceId workspace, WebhookEndpointId id) {
        return tenants.read(workspace, () -> jdbc.sql(
                        "select * from webhook_endpoints where workspace_id = :workspace and id = :id")
                .param("workspace", workspace.value())
                .param("id", id.value())
                .query(WebhookEndpointRows::endpoint)
                .optional());
    }

    /** @throws NotFound when the workspace has no such endpoint (another workspace's id included) */
    public WebhookEndpoint require(WorkspaceId workspace, WebhookEndpointId id) {
        return find(workspace, id).orElseThrow(WebhookEndpoints::notFound);
    }

    /**
     * Adds an endpoint with a new secret, returned this once.
     *
     * @throws herald.shared.InvalidInput for a URL that is not a public https URL, no or unknown events, or a long
     *     description
     * @throws LimitReached when the workspace already has {@code herald.webhooks.max-endpoints}
     */
    public CreatedWebhookEndpoint create(WorkspaceId workspace, WebhookEndpointDraft draft) {
        URI url = urls.check(draft.url());
        List<WebhookEventType> events = draft.eventTypes();
        String description = draft.cleanDescription();
        String secret = WebhookSignature.newSecret();
        Instant now = clock.instant();
        WebhookEndpointId id = WebhookEndpointId.random();
        WebhookEndpoint created = tenants.call(workspace, () -> {
            // Serialises creates of one workspace, so two at once cannot both pass the count.
            jdbc.sql("select pg_advisory_xact_lock(hashtext('webhook_endpoints:' || :workspace))")
                    .param("workspace", workspace.toString())
                    .query()
                    .singleValue();
            long count = jdbc.sql("select count(*) from webhook_endpoints where workspace_id = :workspace")
                    .param("workspace", workspace.value())
                    .query(Long.class)
                    .single();
            if (count >= settings.maxEndpoints()) {
                throw new LimitReached(
                        "webhook-endpoints",
                        "This workspace has " + count + " webhook endpoints, the most it may have; delete one first.");
            }
            jdbc.sql(
                            """
                            insert into webhook_endpoints (workspace_id, id, url, description, events, enabled, secret,
                                secret_hint, created_at, updated_at)
                            values (:workspace, :id, :url, :description, :events, :enabled, :secret, :hint, :now, :now)""")
                    .param("workspace", workspace.value())
                    .param("id", id.value())
                    .param("url", url.toString())
                    .param("description", description)
                    .param("events", names(events))
                    .param("enabled", draft.enabled())
                    .param("secret", vault.seal(slot(workspace, id), Secret.of(secret)))
                    .param("hint", WebhookSignature.hint(secret))
                    .param("now", Timestamp.from(now))
                    .update();
            audit.record(workspace, "webhook.created", "webhook_endpoint", id.toString(), details(url, events, draft));
            return require(workspace, id);
        });
        subscriptions.forget(workspace);
        return new CreatedWebhookEndpoint(created, secret);
    }

    /**
     * Changes the fields given, on the endpoint as it is when the change takes its row lock, so that two changes at
     * once both hold. The URL is checked again only when it changes: an endpoint whose host stopped resolving can
     * still be disabled or renamed.
     */
    public WebhookEndpoint change(WorkspaceId workspace, WebhookEndpointId id, WebhookEndpointChange change) {
        WebhookEndpoint changed = tenants.call(workspace, () -> {
            WebhookEndpoint now = jdbc.sql(
                            "select * from webhook_endpoints where workspace_id = :workspace and id = :id"
                                    + " for update")
                    .param("workspace", workspace.value())
                    .param("id", id.value())
                    .query(WebhookEndpointRows::endpoint)
                    .optional()
                    .orElseThrow(WebhookEndpoints::notFound);
            URI url = change.url() == null
                            || change.url().strip().equals(now.url().toString())
                    ? now.url()
                    : urls.check(change.url());
            var draft = new WebhookEndpointDraft(
                    url.toString(),
                    change.events() == null
                            ? now.events().stream().map(WebhookEventType::value).toList()
                            : change.events(),
                    change.description() == null ? now.description() : change.description(),
                    change.enabled() == null ? now.enabled() : change.enabled());
            List<WebhookEventType> events = draft.eventTypes();
            WebhookEndpoint updated = jdbc.sql(
                            """
                            update webhook_endpoints set url = :url, description = :description, events = :events,
                                enabled = :enabled, updated_at = :now
                            where workspace_id = :workspace and id = :id
                            returning *""")
                    .param("workspace", workspace.value())
                    .param("id", id.value())
                    .param("url", url.toString())
                    .param("description", draft.cleanDescription())
                    .param("events", names(events))
                    .param("enabled", draft.enabled())
                    .param("now", Timestamp.from(clock.instant()))
                    .query(WebhookEndpointRows::endpoint)
                    .single();
            audit.record(workspace, "webhook.updated", "webhook_endpoint", id.toString(), details(url, events, draft));
            return updated;
        });
        subscriptions.forget(workspace);
        return changed;
    }

    /** The most endpoints one workspace may have ({@code herald.webhooks.max-endpoints}). */
    public int limit() {
        return settings.maxEndpoints();
    }

    /**
     * Replaces the endpoint's secret at once and returns the new one, this once. Deliveries still pending are signed
     * with the new secret from their next attempt.
     */
    public CreatedWebhookEndpoint rollSecret(WorkspaceId workspace, WebhookEndpointId id) {
        String secret = WebhookSignature.newSecret();
        WebhookEndpoint rolled = tenants.call(workspace, () -> {
            WebhookEndpoint updated = jdbc.sql(
                            """
                            update webhook_endpoints set secret = :secret, secret_hint = :hint, updated_at = :now
                            where workspace_id = :workspace and id = :id
                            returning *""")
                    .param("workspace", workspace.value())
                    .param("id", id.value())
                    .param("secret", vault.seal(slot(workspace, id), Secret.of(secret)))
                    .param("hint", WebhookSignature.hint(secret))
                    .param("now", Timestamp.from(clock.instant()))
                    .query(WebhookEndpointRows::endpoint)
                    .optional()
                    .orElseThrow(WebhookEndpoints::notFound);
            audit.record(workspace, "webhook.secret_rolled", "webhook_endpoint", id.toString(), Map.of());
            return updated;
        });
        subscriptions.forget(workspace);
        return new CreatedWebhookEndpoint(rolled, secret);
    }

    /**
     * Removes the endpoint and its delivery log; deliveries still pending are not sent.
     *
     * @return the endpoint as it was
     * @throws NotFound when the workspace has no such endpoint
     */
    public WebhookEndpoint delete(WorkspaceId workspace, WebhookEndpointId id) {
        WebhookEndpoint deleted = tenants.call(workspace, () -> {
            WebhookEndpoint endpoint = jdbc.sql(
                            "delete from webhook_endpoints where workspace_id = :workspace and id = :id returning *")
                    .param("workspace", workspace.value())
                    .param("id", id.value())
                    .query(WebhookEndpointRows::endpoint)
                    .optional()
                    .orElseThrow(WebhookEndpoints::notFound);
            audit.record(
                    workspace,
                    "webhook.deleted",
                    "webhook_endpoint",
                    id.toString(),
                    Map.of("url", endpoint.url().toString()));
            return endpoint;
        });
        subscriptions.forget(workspace);
        return deleted;
    }

    /** Queues a {@code webhook.test} event to the endpoint (enabled or not), sent at once by a delivering node. */
    public WebhookDelivery sendTest(WorkspaceId workspace, WebhookEndpointId id) {
        WebhookEndpoint endpoint = require(workspace, id);
        var data = new LinkedHashMap<String, Object>();
        data.put("workspaceId", workspace.toString());
        data.put("endpointId", id.toString());
        data.put("message", "A test event from Herald: this endpoint receives its webhooks.");
        WebhookDeliveryId queued = deliveries
                .enqueue(workspace, List.of(endpoint), WebhookEventType.WEBHOOK_TEST, data)
                .getFirst();
        WebhookDelivery delivery = deliveries.require(workspace, id, queued);
        audit.record(workspace, "webhook.test_sent", "webhook_endpoint", id.toString(), Map.of());
        return delivery;
    }

    /** The endpoint's secret, opened for an attempt about to be signed. */
    String secret(WorkspaceId workspace, WebhookEndpointId id, byte[] sealed) {
        return vault.open(slot(workspace, id), sealed).reveal();
    }

    static SecretSlot slot(WorkspaceId workspace, WebhookEndpointId id) {
        return new SecretSlot(workspace, id.value(), SECRET.purpose());
    }

    private static NotFound notFound() {
        return new NotFound("No such webhook endpoint in this workspace.");
    }

    private static String[] names(List<WebhookEventType> events) {
        return events.stream().map(WebhookEventType::value).toArray(String[]::new);
    }

    private static Map<String, String> details(URI url, List<WebhookEventType> events, WebhookEndpointDraft draft) {
        var details = new LinkedHashMap<String, String>();
        details.put("url", url.toString());
        details.put("events", String.join(",", names(events)));
        details.put("enabled", Boolean.toString(draft.enabled()));
        return details;
    }
}
