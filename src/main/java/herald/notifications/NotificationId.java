package herald.notifications;

import java.util.UUID;

/** A notification's id. */
public record NotificationId(UUID value) {

    public static NotificationId random() {
        return new NotificationId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
