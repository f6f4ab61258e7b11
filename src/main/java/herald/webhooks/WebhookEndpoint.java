package herald.webhooks;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * A workspace's webhook endpoint, as it may be shown: the secret only by its last characters.
 *
 * @param secretHint {@code whsec_…} and the secret's last eight characters
 */
public record WebhookEndpoint(
        WebhookEndpointId id,
        URI url,
        String description,
        List<WebhookEventType> events,
        boolean enabled,
        String secretHint,
        Instant createdAt,
        Instant updatedAt) {

    public WebhookEndpoint {
        events = List.copyOf(events);
    }

    public boolean subscribes(WebhookEventType type) {
        return type == WebhookEventType.WEBHOOK_TEST || events.contains(type);
    }
}
