package herald.webhooks;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One event sent (or to be sent) to one endpoint, with how its attempts went.
 *
 * @param eventId the event's id, the {@code webhook-id} of every attempt and of a redelivery: a receiver that has
 *     seen it already can ignore it
 * @param payload the exact JSON body each attempt sends and signs
 * @param responseStatus the HTTP status of the last attempt, if the endpoint answered
 * @param error why the last attempt did not succeed, in plain words
 * @param nextAttemptAt when a pending delivery is tried next
 */
public record WebhookDelivery(
        WebhookDeliveryId id,
        WebhookEndpointId endpoint,
        UUID eventId,
        WebhookEventType type,
        String payload,
        Status status,
        int attempts,
        Instant createdAt,
        @Nullable Instant nextAttemptAt,
        @Nullable Instant lastAttemptAt,
        @Nullable Instant deliveredAt,
        @Nullable Integer responseStatus,
        @Nullable String error,
        @Nullable Integer durationMs) {

    /** Where a listing newest first stops: the last delivery shown. */
    public record Position(Instant createdAt, WebhookDeliveryId id) {}

    /** The {@code webhook-id} header of each attempt: {@code msg_} and the event id. */
    public String webhookId() {
        return webhookId(eventId);
    }

    static String webhookId(UUID eventId) {
        return "msg_" + eventId;
    }

    public Position position() {
        return new Position(createdAt, id);
    }

    /** Pending until an attempt gets a 2xx answer (delivered) or the last attempt fails (failed). */
    public enum Status {
        PENDING,
        DELIVERED,
        FAILED;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Status of(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }
}
