package herald.providers.linkedin;

import herald.providers.PlatformAnswer;
import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import herald.providers.ProviderJson;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * LinkedIn's error answers (platform-contracts section 4.4) in Herald's one taxonomy. The API answers
 * {@code {"status":401,"serviceErrorCode":65601,"code":"REVOKED_ACCESS_TOKEN","message":"..."}}; the OAuth endpoints
 * answer {@code {"error":"invalid_grant","error_description":"..."}}.
 */
final class LinkedInErrors {

    static final String PROVIDER = LinkedInProvider.ID;
    private static final int REVOKED_SERVICE_CODE = 65601;

    private final JsonMapper json;
    private final LinkedInClientSettings settings;

    LinkedInErrors(JsonMapper json, LinkedInClientSettings settings) {
        this.json = json;
        this.settings = settings;
    }

    /** Parses a JSON body; a body that is not JSON is LinkedIn failing, so it is worth another try. */
    JsonNode parse(PlatformAnswer answer, String what) {
        return ProviderJson.object(json, PROVIDER, "LinkedIn", what, answer.status(), answer.body());
    }

    /**
     * The refusal of {@code what} as Herald's kind.
     *
     * @param scope the scope the call needs, named when LinkedIn answers 403
     */
    ProviderException failure(PlatformAnswer answer, String what, @Nullable String scope) {
        int status = answer.status();
        String error = field(answer, "error");
        String code = field(answer, "code");
        String message = first(field(answer, "error_description"), field(answer, "message"));
        String said = message == null ? "" : ": " + message;
        if (status == 429) {
            return ProviderException.rateLimited(
                    PROVIDER,
                    "LinkedIn rate-limited " + what + "; its daily limits reset at midnight UTC.",
                    retryAfter(answer));
        }
        if (status >= 500) {
            return new ProviderException(
                    PROVIDER,
                    Kind.TRANSIENT,
                    "LinkedIn failed " + what + " (HTTP " + status + "); Herald will try again.");
        }
        if (status == 426 || "NONEXISTENT_VERSION".equals(code)) {
            return new ProviderException(
                    PROVIDER,
                    Kind.PERMISSION,
                    "LinkedIn no longer serves API version " + settings.version() + " (NONEXISTENT_VERSION). An"
                            + " operator must set " + LinkedInClientSettings.VERSION_ENV + " to a version LinkedIn"
                            + " still serves (YYYYMM, e.g. last month's) and restart Herald.");
        }
        if ("invalid_client".equals(error)) {
            return new ProviderException(
                    PROVIDER,
                    Kind.PERMISSION,
                    "LinkedIn refused Herald's client credentials (invalid_client). Check "
                            + LinkedInClientSettings.CLIENT_ID_ENV + " and " + LinkedInClientSettings.CLIENT_SECRET_ENV
                            + ".");
        }
        if ("invalid_grant".equals(error)) {
            return new ProviderException(
                    PROVIDER,
                    Kind.AUTH_REVOKED,
                    "LinkedIn refused the grant (invalid_grant" + said + "). Reconnect the account.");
        }
        if (error != null) {
            return new ProviderException(
                    PROVIDER, Kind.PERMISSION, "LinkedIn refused " + what + " (" + error + said + ").");
        }
        if (status == 401) {
            if ("REVOKED_ACCESS_TOKEN".equals(code) || serviceErrorCode(answer) == REVOKED_SERVICE_CODE) {
                return new ProviderException(
                        PROVIDER,
                        Kind.AUTH_REVOKED,
                        "LinkedIn says the member revoked Herald's access" + said + ". Reconnect the account.");
            }
            return new ProviderException(
                    PROVIDER,
                    Kind.AUTH_EXPIRED,
                    "LinkedIn refused the token for " + what + " (" + (code == null ? "HTTP 401" : code) + said + ").");
        }
        if (status == 403) {
            return new ProviderException(
                    PROVIDER,
                    Kind.PERMISSION,
                    "LinkedIn refused " + what + said + "."
                            + (scope == null
                                    ? ""
                                    : " The connection needs the scope " + scope
                                            + " (and, for a page, the ADMINISTRATOR role): reconnect it, and check that"
                                            + " the LinkedIn app has the product that grants " + scope + "."));
        }
        if (duplicate(status, message)) {
            return new ProviderException(PROVIDER, Kind.DUPLICATE, "LinkedIn already has this post" + said + ".");
        }
        if (status == 400 || status == 422) {
            return new ProviderException(PROVIDER, Kind.INVALID_CONTENT, "LinkedIn refused the content" + said);
        }
        return new ProviderException(
                PROVIDER,
                Kind.PERMISSION,
                "LinkedIn refused " + what + " (HTTP " + status + (code == null ? "" : ", " + code) + said + ").");
    }

    private static boolean duplicate(int status, @Nullable String message) {
        return status == 409
                || status == 422
                        && message != null
                        && message.toLowerCase(Locale.ROOT).contains("duplicate");
    }

    private static @Nullable Duration retryAfter(PlatformAnswer answer) {
        String value = answer.headers().getFirst("retry-after");
        if (value == null) {
            return null;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private int serviceErrorCode(PlatformAnswer answer) {
        JsonNode node = tree(answer);
        return node == null ? 0 : node.path("serviceErrorCode").asInt(0);
    }

    private @Nullable String field(PlatformAnswer answer, String name) {
        JsonNode node = tree(answer);
        if (node != null && node.hasNonNull(name)) {
            String value = node.get(name).asString();
            return value.length() > 300 ? value.substring(0, 300) + "…" : value;
        }
        return null;
    }

    private @Nullable JsonNode tree(PlatformAnswer answer) {
        return ProviderJson.tree(json, answer.body());
    }

    private static @Nullable String first(@Nullable String a, @Nullable String b) {
        return a != null ? a : b;
    }
}
