package herald.webhooks;

import java.util.UUID;

/** A webhook delivery's id. */
public record WebhookDeliveryId(UUID value) {

    public static WebhookDeliveryId random() {
        return new WebhookDeliveryId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
