package herald.providers.bluesky;

import herald.providers.ProviderJson;
import herald.vault.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Herald reads from a session JWT's payload without checking its signature (the PDS checks it; Herald only needs
 * to know when it lapses and whose it is): {@code exp}, {@code sub} (the account's DID) and {@code scope}. A token that
 * is not a JWT (a test's stand-in) reads as having none of them.
 */
record SessionJwt(@Nullable Instant expiresAt, @Nullable String subject, @Nullable String scope) {

    /** The scope of a refresh JWT: the only kind {@code deleteSession} takes. */
    static final String REFRESH_SCOPE = "com.atproto.refresh";

    private static final SessionJwt NONE = new SessionJwt(null, null, null);

    static SessionJwt of(JsonMapper json, Secret token) {
        String[] parts = token.reveal().split("\\.");
        if (parts.length < 2) {
            return NONE;
        }
        JsonNode payload;
        try {
            payload = ProviderJson.tree(
                    json, new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return NONE;
        }
        if (payload == null || !payload.isObject()) {
            return NONE;
        }
        Long exp = ProviderJson.count(payload, "exp");
        return new SessionJwt(
                exp == null ? null : Instant.ofEpochSecond(exp),
                ProviderJson.text(payload, "sub"),
                ProviderJson.text(payload, "scope"));
    }

    /** The account's DID, when the token names one. */
    @Nullable
    String did() {
        return subject != null && subject.startsWith("did:") ? subject : null;
    }
}
