package herald.web.api.webhooks;

import herald.webhooks.CreatedWebhookEndpoint;
import herald.webhooks.WebhookDelivery;
import herald.webhooks.WebhookEndpoint;
import herald.webhooks.WebhookEventType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the webhook endpoints answer. */
final class WebhookViews {

    private WebhookViews() {}

    @Schema(name = "WebhookEndpoint")
    record Endpoint(
            UUID id,
            URI url,
            String description,
            List<String> events,
            boolean enabled,
            @Schema(description = "whsec_… and the secret's last eight characters; the secret itself is shown once.")
                    String secretHint,
            Instant createdAt,
            Instant updatedAt) {

        static Endpoint of(WebhookEndpoint endpoint) {
            return new Endpoint(
                    endpoint.id().value(),
                    endpoint.url(),
                    endpoint.description(),
                    endpoint.events().stream().map(WebhookEventType::value).toList(),
                    endpoint.enabled(),
                    endpoint.secretHint(),
                    endpoint.createdAt(),
                    endpoint.updatedAt());
        }
    }

    @Schema(name = "WebhookEndpointWithSecret", description = "An endpoint and its signing secret, shown this once.")
    record WithSecret(
            UUID id,
            URI url,
            String description,
            List<String> events,
            boolean enabled,
            String secretHint,
            Instant createdAt,
            Instant updatedAt,
            @Schema(description = "The signing secret (whsec_…): keep it; Herald never shows it again.")
                    String secret) {

        static WithSecret of(CreatedWebhookEndpoint created) {
            Endpoint e = Endpoint.of(created.endpoint());
            return new WithSecret(
                    e.id(),
                    e.url(),
                    e.description(),
                    e.events(),
                    e.enabled(),
                    e.secretHint(),
                    e.createdAt(),
                    e.updatedAt(),
                    created.secret());
        }
    }

    @Schema(name = "WebhookDelivery")
    record Delivery(
            UUID id,
            UUID endpointId,
            @Schema(description = "The webhook-id header of every attempt is msg_ and this id.") UUID eventId,
            String type,
            @Schema(allowableValues = {"pending", "delivered", "failed"}) String status,
            int attempts,
            @Schema(description = "The JSON body each attempt sends.") String payload,
            Instant createdAt,
            @Nullable Instant nextAttemptAt,
            @Nullable Instant lastAttemptAt,
            @Nullable Instant deliveredAt,
            @Schema(description = "The HTTP status of the last attempt, if the endpoint answered.") @Nullable
                    Integer responseStatus,
            @Schema(description = "Why the last attempt did not succeed.") @Nullable String error,
            @Nullable Integer durationMs) {

        static Delivery of(WebhookDelivery d) {
            return new Delivery(
                    d.id().value(),
                    d.endpoint().value(),
                    d.eventId(),
                    d.type().value(),
                    d.status().value(),
                    d.attempts(),
                    d.payload(),
                    d.createdAt(),
                    d.nextAttemptAt(),
                    d.lastAttemptAt(),
                    d.deliveredAt(),
                    d.responseStatus(),
                    d.error(),
                    d.durationMs());
        }
    }
}
