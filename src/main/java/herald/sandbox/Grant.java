package herald.sandbox;

import java.util.List;
import java.util.UUID;

/**
 * What a valid access token grants: its family, whether it is a user token (the accounts chosen on the consent page)
 * or an account token (exactly one account), and the client it was issued to.
 */
record Grant(UUID familyId, Kind kind, List<UUID> accountIds, String clientId, String scope) {

    enum Kind {
        USER,
        ACCOUNT;

        String value() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Kind of(String value) {
            return valueOf(value.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** The one account of an account token. */
    UUID account() {
        if (kind != Kind.ACCOUNT || accountIds.size() != 1) {
            throw new SandboxError(
                    org.springframework.http.HttpStatus.FORBIDDEN,
                    "insufficient_scope",
                    "This endpoint needs an account token: get one per account from GET /sandbox/api/accounts.");
        }
        return accountIds.getFirst();
    }
}
