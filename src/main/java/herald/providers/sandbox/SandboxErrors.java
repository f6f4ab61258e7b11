package herald.providers.sandbox;

import herald.providers.PlatformAnswer;
import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import herald.providers.ProviderJson;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Sandbox's error answers (docs/sandbox-api.md) in Herald's one taxonomy. */
final class SandboxErrors {

    static final String PROVIDER = SandboxProvider.ID;

    private final JsonMapper json;
    private final Clock clock;

    SandboxErrors(JsonMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** Parses a JSON body; a body that is not JSON is the Sandbox failing, so it is worth another try. */
    JsonNode parse(PlatformAnswer answer, String what) {
        return ProviderJson.object(json, PROVIDER, "The Sandbox", what, answer.status(), answer.body());
    }

    ProviderException failure(PlatformAnswer answer, String what) {
        int status = answer.status();
        if (status == 429) {
            return ProviderException.rateLimited(
                    PROVIDER, "The Sandbox rate-limited " + what + ".", retryAfter(answer));
        }
        if (status >= 500) {
            return new ProviderException(
                    PROVIDER,
                    Kind.TRANSIENT,
                    "The Sandbox failed " + what + " (HTTP " + status + "); Herald will try again.");
        }
        String error = field(answer, "error");
        String description = first(field(answer, "error_description"), field(answer, "message"));
        String said = description == null ? "" : ": " + description;
        if ("invalid_grant".equals(error)) {
            return new ProviderException(
                    PROVIDER,
                    Kind.AUTH_REVOKED,
                    "The Sandbox refused the grant (invalid_grant" + said + "). Reconnect the account.");
        }
        if ("invalid_client".equals(error)) {
            return new ProviderException(
                    PROVIDER,
                    Kind.PERMISSION,
                    "The Sandbox refused Herald's client credentials (invalid_client). Check"
                            + " herald.providers.sandbox.client-id and client-secret.");
        }
        if (status == 401) {
            return new ProviderException(
                    PROVIDER, Kind.AUTH_EXPIRED, "The Sandbox refused the token for " + what + " (invalid_token).");
        }
        if ("duplicate".equals(error) || status == 409) {
            return new ProviderException(PROVIDER, Kind.DUPLICATE, "The Sandbox already has this" + said + ".");
        }
        if ("invalid_content".equals(error)) {
            return new ProviderException(PROVIDER, Kind.INVALID_CONTENT, "The Sandbox refused the content" + said);
        }
        return new ProviderException(
                PROVIDER,
                Kind.PERMISSION,
                "The Sandbox refused " + what + " (HTTP " + status + (error == null ? "" : ", " + error) + said + ").");
    }

    private @Nullable Duration retryAfter(PlatformAnswer answer) {
        String retryAfter = answer.headers().getFirst("retry-after");
        try {
            if (retryAfter != null) {
                return Duration.ofSeconds(Long.parseLong(retryAfter.strip()));
            }
            String reset = answer.headers().getFirst("x-rate-limit-reset");
            if (reset != null) {
                Duration wait = Duration.between(clock.instant(), Instant.ofEpochSecond(Long.parseLong(reset.strip())));
                return wait.isNegative() ? Duration.ZERO : wait;
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return null;
    }

    private @Nullable String field(PlatformAnswer answer, String name) {
        JsonNode node = ProviderJson.tree(json, answer.body());
        if (node != null && node.hasNonNull(name)) {
            String value = node.get(name).asString();
            return value.length() > 200 ? value.substring(0, 200) + "…" : value;
        }
        return null;
    }

    private static @Nullable String first(@Nullable String a, @Nullable String b) {
        return a != null ? a : b;
    }
}
