package herald.connections;

import java.util.Locale;

/**
 * Whether Herald can act as the account: {@code ACTIVE} with tokens, {@code NEEDS_RECONNECT} after the platform
 * refused a refresh (a person must consent again), {@code DISCONNECTED} on purpose, tokens deleted, row and history
 * kept.
 */
public enum ConnectionStatus {
    ACTIVE,
    NEEDS_RECONNECT,
    DISCONNECTED;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ConnectionStatus ofColumn(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
