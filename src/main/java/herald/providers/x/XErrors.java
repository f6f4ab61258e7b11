package herald.providers.x;

import herald.providers.PlatformAnswer;
import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import herald.providers.ProviderJson;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * X's error answers (platform-contracts.md 1.5) in Herald's one taxonomy. X answers the API with problem documents
 * ({@code title}, {@code detail}, {@code type}) or an {@code errors[]} array, and the token endpoint with the OAuth
 * shape ({@code error}, {@code error_description}); the message keeps X's own words and never a token.
 */
final class XErrors {

    static final String PROVIDER = XProvider.ID;
    private static final String SETTINGS = "HERALD_X_CLIENT_ID and HERALD_X_CLIENT_SECRET";

    private final JsonMapper json;
    private final Clock clock;

    XErrors(JsonMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** Parses a JSON body; a body that is not JSON is X failing, so it is worth another try. */
    JsonNode parse(PlatformAnswer answer, String what) {
        return ProviderJson.object(json, PROVIDER, "X", what, answer.status(), answer.body());
    }

    /** A failed call of the API (posts, users, media). */
    /**
     * The id of the post X created with {@code answer}, or the refusal it is. X took the post when it answered 2xx: an
     * answer Herald cannot read then leaves the outcome unknown, never worth a blind second try.
     */
    String createdId(PlatformAnswer answer, String what) {
        if (!answer.ok()) {
            throw failure(answer, what);
        }
        String id;
        try {
            id = parse(answer, what).path("data").path("id").asString("");
        } catch (ProviderException e) {
            id = "";
        }
        if (id.isBlank()) {
            throw new ProviderException(
                    PROVIDER, Kind.UNKNOWN_OUTCOME, "X accepted " + what + " but answered without a readable id.");
        }
        return id;
    }

    ProviderException failure(PlatformAnswer answer, String what) {
        int status = answer.status();
        String said = said(answer);
        String type = text(tree(answer.body()), "type");
        if (status == 429 || (type != null && type.endsWith("/usage-capped"))) {
            return rateLimited(answer, what, type);
        }
        if (status >= 500) {
            return new ProviderException(
                    PROVIDER, Kind.TRANSIENT, "X failed " + what + " (HTTP " + status + "); Herald will try again.");
        }
        if (status == 401) {
            return new ProviderException(
                    PROVIDER, Kind.AUTH_EXPIRED, "X refused the account's token for " + what + " (HTTP 401)" + said);
        }
        if (status == 403 && said.toLowerCase(Locale.ROOT).contains("duplicate")) {
            // Not in X's docs, but the same sentence in every real log: the text was already posted recently.
            return new ProviderException(
                    PROVIDER, Kind.DUPLICATE, "X already has this post" + said + " Change the text to post it again.");
        }
        if (status == 403) {
            return new ProviderException(PROVIDER, Kind.PERMISSION, "X does not allow " + what + said);
        }
        if (status == 400 || status == 404 || status == 413 || status == 422) {
            return new ProviderException(
                    PROVIDER, Kind.INVALID_CONTENT, "X refused " + what + " (HTTP " + status + ")" + said);
        }
        return new ProviderException(PROVIDER, Kind.PERMISSION, "X refused " + what + " (HTTP " + status + ")" + said);
    }

    /** A failed call of the token or revoke endpoint; {@code refreshing} when a refresh token was presented. */
    ProviderException tokenFailure(PlatformAnswer answer, String what, boolean refreshing) {
        int status = answer.status();
        if (status == 429 || status >= 500) {
            return failure(answer, what);
        }
        JsonNode body = tree(answer.body());
        String error = text(body, "error");
        String said = said(answer);
        if ("invalid_client".equals(error) || "unauthorized_client".equals(error) || status == 401) {
            return new ProviderException(
                    PROVIDER,
                    Kind.PERMISSION,
                    "X refused Herald's client credentials for " + what + said + " Check " + SETTINGS
                            + " and that the app is a confidential client (Web App).");
        }
        // X answers a spent or revoked refresh token with 400 invalid_request ("Value passed for the token was
        // invalid", observed), not only invalid_grant; a refresh request Herald builds is otherwise always well-formed.
        if ("invalid_grant".equals(error) || (refreshing && status == 400)) {
            return new ProviderException(
                    PROVIDER, Kind.AUTH_REVOKED, "X refused the grant for " + what + said + " Reconnect the account.");
        }
        return new ProviderException(
                PROVIDER,
                Kind.PERMISSION,
                "X refused " + what + " (HTTP " + status + (error == null ? "" : ", " + error) + ")" + said);
    }

    private ProviderException rateLimited(PlatformAnswer answer, String what, @Nullable String type) {
        boolean capped = type != null && type.endsWith("/usage-capped");
        boolean daily = "0".equals(answer.headers().getFirst("x-user-limit-24hour-remaining"))
                || "0".equals(answer.headers().getFirst("x-app-limit-24hour-remaining"));
        String message = capped
                ? "The X app reached its usage cap for " + what + "; Herald will try again when it resets."
                : daily
                        ? "X's daily limit for " + what + " is used up; Herald will try again when it resets."
                        : "X rate-limited " + what + "; Herald will try again when the limit resets.";
        return ProviderException.rateLimited(PROVIDER, message, retryAfter(answer, daily));
    }

    /** The wait X asks for: its reset headers (epoch seconds), or Retry-After; null when it did not say. */
    @Nullable
    Duration retryAfter(PlatformAnswer answer, boolean daily) {
        Long reset = null;
        if (daily) {
            reset = max(
                    number(answer.headers().getFirst("x-user-limit-24hour-reset")),
                    number(answer.headers().getFirst("x-app-limit-24hour-reset")));
        }
        if (reset == null) {
            reset = number(answer.headers().getFirst("x-rate-limit-reset"));
        }
        if (reset != null) {
            Duration wait = Duration.between(clock.instant(), Instant.ofEpochSecond(reset));
            return wait.isNegative() ? Duration.ZERO : wait;
        }
        Long seconds = number(answer.headers().getFirst("retry-after"));
        return seconds == null ? null : Duration.ofSeconds(seconds);
    }

    /** X's own words about a failure, as {@code ": ..."} ending with a full stop, or just a full stop. */
    String said(PlatformAnswer answer) {
        JsonNode body = tree(answer.body());
        if (body == null || !body.isObject()) {
            return ".";
        }
        String words = first(text(body, "detail"), text(body, "error_description"), text(body, "message"));
        JsonNode errors = body.path("errors");
        if (words == null && errors.isArray() && !errors.isEmpty()) {
            JsonNode error = errors.get(0);
            words = first(text(error, "detail"), text(error, "message"), text(error, "title"));
        }
        if (words == null) {
            words = first(text(body, "title"), text(body, "error"));
        }
        if (words == null) {
            return ".";
        }
        String clipped = words.length() > 200 ? words.substring(0, 200) + "…" : words.strip();
        return ": " + clipped + (clipped.endsWith(".") ? "" : ".");
    }

    private @Nullable JsonNode tree(String body) {
        return ProviderJson.tree(json, body);
    }

    private static @Nullable String text(@Nullable JsonNode node, String field) {
        if (node == null || !node.hasNonNull(field)) {
            return null;
        }
        String value = node.get(field).asString();
        return value.isBlank() ? null : value;
    }

    private static @Nullable String first(@Nullable String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static @Nullable Long number(@Nullable String value) {
        try {
            return value == null ? null : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable Long max(@Nullable Long a, @Nullable Long b) {
        return a == null ? b : b == null ? a : Math.max(a, b);
    }
}
