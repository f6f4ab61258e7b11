package herald.webhooks;

import java.util.UUID;

/** A webhook endpoint's id. */
public record WebhookEndpointId(UUID value) {

    public static WebhookEndpointId random() {
        return new WebhookEndpointId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
