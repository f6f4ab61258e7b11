package herald.identity;

import java.util.Locale;

/** What an API key may do: {@code read} (GET), {@code write} (create and change content), {@code admin} (members, keys, settings, audit). */
public enum ApiKeyScope {
    READ,
    WRITE,
    ADMIN;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ApiKeyScope of(String value) {
        for (ApiKeyScope scope : values()) {
            if (scope.value().equals(value)) {
                return scope;
            }
        }
        throw new herald.shared.InvalidInput("scopes", "Unknown scope '" + value + "': use read, write or admin.");
    }

    /** The Spring Security authority for this scope. */
    public String authority() {
        return "SCOPE_" + value();
    }
}
