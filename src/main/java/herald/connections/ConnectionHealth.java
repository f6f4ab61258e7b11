package herald.connections;

import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How a connection's tokens stand now.
 *
 * @param state valid, expiring (within the refresh-ahead window), expired, needs_reconnect or disconnected
 * @param refreshable whether Herald holds a refresh token, so expiry is handled without a person
 * @param reason why the connection needs a reconnect or was disconnected
 * @param lastError the last failed refresh, if the last attempt failed
 */
public record ConnectionHealth(
        ConnectionId id,
        State state,
        @Nullable Instant expiresAt,
        @Nullable Instant lastRefreshedAt,
        boolean refreshable,
        @Nullable String reason,
        @Nullable String lastError) {

    public enum State {
        VALID,
        EXPIRING,
        EXPIRED,
        NEEDS_RECONNECT,
        DISCONNECTED;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
