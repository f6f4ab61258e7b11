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

    /** How a sentence about the account says it: "the account needs reconnecting", "the account is disconnected". */
    public String state() {
        return switch (this) {
            case ACTIVE -> "is active";
            case NEEDS_RECONNECT -> "needs reconnecting";
            case DISCONNECTED -> "is disconnected";
        };
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ConnectionStatus ofColumn(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
