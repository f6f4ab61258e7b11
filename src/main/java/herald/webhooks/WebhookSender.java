package herald.webhooks;

import herald.database.TenantScope;
import herald.shared.WorkspaceId;
import herald.vault.VaultException;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One attempt of one delivery: read it with its endpoint, sign it with the endpoint's current secret, send it outside
 * any transaction, and record how it went: delivered on a 2xx, otherwise tried again after a growing wait until
 * {@code max-attempts}, then failed. A delivery whose endpoint was disabled fails without a call (a test event is sent
 * all the same); one whose endpoint was deleted went with it.
 */
@Component
class WebhookSender {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

    /** What the job does next: nothing, or run again at {@code at}. */
    record Next(@Nullable Instant at) {

        static final Next DONE = new Next(null);
    }

    private record Pending(
            WebhookEndpointId endpoint,
            UUID eventId,
            WebhookEventType type,
            String payload,
            int attempts,
            URI url,
            boolean enabled,
            byte[] secret) {}

    /** A delivery ready to be sent: its endpoint's secret opened. */
    private record Ready(Pending pending, String secret) {}

    private final JdbcClient jdbc;
    private final TenantScope tenants;
    private final WebhookEndpoints endpoints;
    private final WebhookHttp http;
    private final WebhookSettings settings;
    private final Clock clock;

    WebhookSender(
            JdbcClient jdbc,
            TenantScope tenants,
            WebhookEndpoints endpoints,
            WebhookHttp http,
            WebhookSettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.endpoints = endpoints;
        this.http = http;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Two short transactions around the call: the first reads the delivery and opens the secret (its {@code
     * secret.decrypted} entry commits with that read) or ends a delivery that cannot be sent; the second records the
     * outcome. No transaction is open while the receiver takes its time to answer.
     */
    Next attempt(WorkspaceId workspace, WebhookDeliveryId id) {
        Optional<Ready> ready = tenants.call(workspace, () -> prepare(workspace, id));
        if (ready.isEmpty()) {
            return Next.DONE;
        }
        Pending pending = ready.get().pending();
        Instant now = clock.instant();
        long timestamp = now.getEpochSecond();
        String eventId = WebhookDelivery.webhookId(pending.eventId());
        WebhookHttp.Result result = http.send(
                pending.url(),
                eventId,
                timestamp,
                WebhookSignature.sign(ready.get().secret(), eventId, timestamp, pending.payload()),
                pending.payload());
        return tenants.call(workspace, () -> record(workspace, id, pending.attempts() + 1, now, result));
    }

    /** The pending delivery with its secret opened; empty when it is gone, or ended here because it cannot be sent. */
    private Optional<Ready> prepare(WorkspaceId workspace, WebhookDeliveryId id) {
        Optional<Pending> found = pending(workspace, id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Pending pending = found.get();
        if (!pending.enabled() && pending.type() != WebhookEventType.WEBHOOK_TEST) {
            end(
                    workspace,
                    id,
                    pending.attempts(),
                    "failed",
                    null,
                    "The endpoint is disabled: enable it and redeliver.",
                    null);
            return Optional.empty();
        }
        try {
            return Optional.of(new Ready(pending, endpoints.secret(workspace, pending.endpoint(), pending.secret())));
        } catch (VaultException e) {
            // The vault refuses before it writes anything, so this transaction can still record why.
            end(
                    workspace,
                    id,
                    pending.attempts(),
                    "failed",
                    null,
                    "The endpoint's secret cannot be opened any more: roll it, then redeliver.",
                    null);
            return Optional.empty();
        }
    }

    private Optional<Pending> pending(WorkspaceId workspace, WebhookDeliveryId id) {
        return jdbc.sql(
                        """
                        select d.endpoint_id, d.event_id, d.event_type, d.payload, d.attempts, e.url, e.enabled, e.secret
                        from webhook_deliveries d
                        join webhook_endpoints e on e.workspace_id = d.workspace_id and e.id = d.endpoint_id
                        where d.workspace_id = :workspace and d.id = :id and d.status = 'pending'""")
                .param("workspace", workspace.value())
                .param("id", id.value())
                .query((rs, n) -> new Pending(
                        new WebhookEndpointId(rs.getObject("endpoint_id", UUID.class)),
                        rs.getObject("event_id", UUID.class),
                        WebhookEventType.stored(rs.getString("event_type")),
                        rs.getString("payload"),
                        rs.getInt("attempts"),
                        URI.create(rs.getString("url")),
                        rs.getBoolean("enabled"),
                        rs.getBytes("secret")))
                .optional();
    }

    private Next record(
            WorkspaceId workspace, WebhookDeliveryId id, int attempts, Instant now, WebhookHttp.Result result) {
        if (result.delivered()) {
            end(workspace, id, attempts, "delivered", result.status(), null, result.durationMs());
            return Next.DONE;
        }
        if (attempts >= settings.maxAttempts()) {
            log.info("Webhook delivery {} failed for good after {} attempts: {}", id, attempts, result.error());
            end(workspace, id, attempts, "failed", result.status(), result.error(), result.durationMs());
            return Next.DONE;
        }
        Instant next = clock.instant().plus(settings.retryAfter(attempts));
        jdbc.sql(
                        """
                        update webhook_deliveries set attempts = :attempts, last_attempt_at = :now,
                            next_attempt_at = :next, response_status = :status, error = :error, duration_ms = :ms
                        where workspace_id = :workspace and id = :id and status = 'pending'""")
                .param("workspace", workspace.value())
                .param("id", id.value())
                .param("attempts", attempts)
                .param("now", Timestamp.from(now))
                .param("next", Timestamp.from(next))
                .param("status", result.status())
                .param("error", clip(result.error()))
                .param("ms", result.durationMs())
                .update();
        return new Next(next);
    }

    private void end(
            WorkspaceId workspace,
            WebhookDeliveryId id,
            int attempts,
            String status,
            @Nullable Integer responseStatus,
            @Nullable String error,
            @Nullable Integer durationMs) {
        Instant now = clock.instant();
        jdbc.sql(
                        """
                        update webhook_deliveries set status = :status, attempts = :attempts,
                            last_attempt_at = coalesce(cast(:attemptedAt as timestamptz), last_attempt_at),
                            delivered_at = cast(:deliveredAt as timestamptz), next_attempt_at = null,
                            response_status = coalesce(cast(:response as integer), response_status),
                            error = :error, duration_ms = coalesce(cast(:ms as integer), duration_ms)
                        where workspace_id = :workspace and id = :id and status = 'pending'""")
                .param("workspace", workspace.value())
                .param("id", id.value())
                .param("status", status)
                .param("attempts", attempts)
                .param("attemptedAt", durationMs == null ? null : Timestamp.from(now))
                .param("deliveredAt", status.equals("delivered") ? Timestamp.from(now) : null)
                .param("response", responseStatus)
                .param("error", clip(error))
                .param("ms", durationMs)
                .update();
    }

    private static @Nullable String clip(@Nullable String error) {
        return error == null || error.length() <= 500 ? error : error.substring(0, 499) + "…";
    }
}
