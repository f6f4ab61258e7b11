package herald.connections;

import java.util.Objects;
import java.util.UUID;

/** The id of a connected account, unique within its workspace. */
public record ConnectionId(UUID value) {

    public ConnectionId {
        Objects.requireNonNull(value, "value");
    }

    public static ConnectionId of(String value) {
        return new ConnectionId(UUID.fromString(value));
    }

    public static ConnectionId random() {
        return new ConnectionId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
