package herald.providers.mastodon;

import herald.providers.PlatformAnswer;
import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import herald.providers.ProviderJson;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mastodon's errors ({@code {"error":"..."}}, and OAuth's {@code error_description}) in Herald's one taxonomy. The
 * message keeps Mastodon's own words, which never hold a token.
 */
final class MastodonErrors {

    static final String PROVIDER = MastodonProvider.ID;

    private final JsonMapper json;
    private final Clock clock;

    MastodonErrors(JsonMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** Parses a JSON object; a body that is not one is the server failing, so it is worth another try. */
    JsonNode parse(PlatformAnswer answer, String what) {
        return ProviderJson.object(json, PROVIDER, "Mastodon", what, answer.status(), answer.body());
    }

    /** The body as JSON, or null when it is empty or not JSON. */
    @Nullable
    JsonNode tree(PlatformAnswer answer) {
        return ProviderJson.tree(json, answer.body());
    }

    /**
     * A refused API call. Mastodon's tokens do not expire, so a token it refuses (401) was revoked: the person removed
     * Herald under their account's authorized apps, or the account is gone; no refresh can help.
     */
    ProviderException failure(PlatformAnswer answer, String what) {
        int status = answer.status();
        String said = said(answer);
        if (status == 429) {
            return ProviderException.rateLimited(
                    PROVIDER,
                    "Mastodon rate-limited " + what + "; Herald will try again when the limit resets.",
                    retryAfter(answer));
        }
        if (status >= 500) {
            return new ProviderException(
                    PROVIDER,
                    Kind.TRANSIENT,
                    "Mastodon failed " + what + " (HTTP " + status + "); Herald will try again.");
        }
        if (status == 401) {
            return new ProviderException(
                    PROVIDER,
                    Kind.AUTH_REVOKED,
                    "Mastodon refused the account's token for " + what + said
                            + " Herald's access was revoked at the server: connect the account again.");
        }
        if (status == 422 || status == 413 || status == 400) {
            return new ProviderException(PROVIDER, Kind.INVALID_CONTENT, "Mastodon refused " + what + said);
        }
        return new ProviderException(
                PROVIDER, Kind.PERMISSION, "Mastodon refused " + what + " (HTTP " + status + ")" + said);
    }

    /**
     * The wait Mastodon asks for: until {@code X-RateLimit-Reset} (an ISO 8601 timestamp), else {@code Retry-After}
     * (seconds); null when it says neither.
     */
    @Nullable
    Duration retryAfter(PlatformAnswer answer) {
        String reset = answer.headers().getFirst("X-RateLimit-Reset");
        if (reset != null) {
            try {
                Instant at = OffsetDateTime.parse(reset.strip()).toInstant();
                Duration wait = Duration.between(clock.instant(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (DateTimeParseException e) {
                // fall through to Retry-After
            }
        }
        String retry = answer.headers().getFirst("Retry-After");
        try {
            return retry == null ? null : Duration.ofSeconds(Long.parseLong(retry.strip()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Mastodon's own words, as {@code ": words."}, or just a full stop. */
    String said(PlatformAnswer answer) {
        String words = words(answer);
        if (words == null) {
            return ".";
        }
        String clipped = words.length() > 300 ? words.substring(0, 300) + "…" : words.strip();
        return ": " + clipped + (clipped.endsWith(".") ? "" : ".");
    }

    /** The error's words: OAuth's {@code error_description}, else {@code error}; null when the body has none. */
    @Nullable
    String words(PlatformAnswer answer) {
        JsonNode body = ProviderJson.tree(json, answer.body());
        if (body == null || !body.isObject()) {
            return null;
        }
        String description = ProviderJson.text(body, "error_description");
        return description != null ? description : ProviderJson.text(body, "error");
    }

    /** OAuth's error code ({@code invalid_grant}, {@code invalid_client}, ...), or null. */
    @Nullable
    String code(PlatformAnswer answer) {
        JsonNode body = ProviderJson.tree(json, answer.body());
        return body == null || !body.isObject() ? null : ProviderJson.text(body, "error");
    }
}
