package herald.providers.bluesky;

import herald.providers.PlatformAnswer;
import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import herald.providers.ProviderJson;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bluesky's XRPC errors ({@code {"error":"Name","message":"..."}}, platform-contracts.md 6.2) in Herald's one
 * taxonomy. The message keeps Bluesky's own words, which never hold a token or a password.
 */
final class BlueskyErrors {

    static final String PROVIDER = BlueskyProvider.ID;
    /** What the PDS's auth verifier answers for a session JWT it will not take (400, or 401 from an entryway). */
    private static final Set<String> TOKEN_REFUSED =
            Set.of("ExpiredToken", "InvalidToken", "AuthenticationRequired", "AuthMissing");

    private final JsonMapper json;
    private final Clock clock;

    BlueskyErrors(JsonMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** Parses a JSON body; a body that is not a JSON object is Bluesky failing, so it is worth another try. */
    JsonNode parse(PlatformAnswer answer, String what) {
        return ProviderJson.object(json, PROVIDER, "Bluesky", what, answer.status(), answer.body());
    }

    /** The XRPC error name of a failed answer ({@code RecordNotFound}, {@code ExpiredToken}, ...), or null. */
    @Nullable
    String name(PlatformAnswer answer) {
        JsonNode body = ProviderJson.tree(json, answer.body());
        return body == null || !body.isObject() ? null : ProviderJson.text(body, "error");
    }

    /** A refused API call (posts, records, blobs, profiles). */
    ProviderException failure(PlatformAnswer answer, String what) {
        int status = answer.status();
        String error = name(answer);
        String said = said(answer, error);
        if (status == 429 || "RateLimitExceeded".equals(error)) {
            return ProviderException.rateLimited(
                    PROVIDER,
                    "Bluesky rate-limited " + what + "; Herald will try again when the limit resets.",
                    retryAfter(answer));
        }
        if (status >= 500) {
            return new ProviderException(
                    PROVIDER,
                    Kind.TRANSIENT,
                    "Bluesky failed " + what + " (HTTP " + status + "); Herald will try again.");
        }
        if ("AccountTakedown".equals(error) || "AccountDeactivated".equals(error)) {
            return new ProviderException(
                    PROVIDER,
                    Kind.PERMISSION,
                    "Bluesky refused " + what + said
                            + " The account is taken down or deactivated there: check it on bsky.app.");
        }
        if (status == 401 || (error != null && TOKEN_REFUSED.contains(error))) {
            // The refresher renews the session and asks again; a refresh Bluesky refuses is AUTH_REVOKED there.
            return new ProviderException(PROVIDER, Kind.AUTH_EXPIRED, "Bluesky refused the session for " + what + said);
        }
        if (status == 413 || "PayloadTooLarge".equals(error)) {
            return new ProviderException(PROVIDER, Kind.INVALID_CONTENT, "Bluesky found " + what + " too large" + said);
        }
        if (status == 400) {
            return new ProviderException(PROVIDER, Kind.INVALID_CONTENT, "Bluesky refused " + what + said);
        }
        return new ProviderException(
                PROVIDER, Kind.PERMISSION, "Bluesky refused " + what + " (HTTP " + status + ")" + said);
    }

    /**
     * A refused {@code refreshSession}: a session JWT Bluesky no longer takes (expired, revoked by a deleted app
     * password or a disconnect, taken down) cannot be renewed, so the connection needs a new sign-in.
     */
    ProviderException refreshFailure(PlatformAnswer answer) {
        String what = "the session's renewal";
        if (answer.status() == 429 || answer.status() >= 500) {
            return failure(answer, what);
        }
        String error = name(answer);
        return new ProviderException(
                PROVIDER,
                Kind.AUTH_REVOKED,
                "Bluesky refused to renew the session" + said(answer, error)
                        + " Connect the account again with a new app password.");
    }

    /** The wait Bluesky asks for: {@code RateLimit-Reset} (epoch seconds), or {@code Retry-After}; null when unsaid. */
    @Nullable
    Duration retryAfter(PlatformAnswer answer) {
        Long reset = number(answer.headers().getFirst("RateLimit-Reset"));
        if (reset != null) {
            Duration wait = Duration.between(clock.instant(), Instant.ofEpochSecond(reset));
            return wait.isNegative() ? Duration.ZERO : wait;
        }
        Long seconds = number(answer.headers().getFirst("Retry-After"));
        return seconds == null ? null : Duration.ofSeconds(seconds);
    }

    /** Bluesky's own words, as {@code " (Name): message."}, or just a full stop. */
    String said(PlatformAnswer answer, @Nullable String error) {
        JsonNode body = ProviderJson.tree(json, answer.body());
        String message = body == null || !body.isObject() ? null : ProviderJson.text(body, "message");
        if (message == null) {
            return error == null ? "." : " (" + error + ").";
        }
        String clipped = message.length() > 300 ? message.substring(0, 300) + "…" : message.strip();
        return (error == null ? ": " : " (" + error + "): ") + clipped + (clipped.endsWith(".") ? "" : ".");
    }

    private static @Nullable Long number(@Nullable String value) {
        try {
            return value == null ? null : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
