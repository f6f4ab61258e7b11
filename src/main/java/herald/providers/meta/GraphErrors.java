package herald.providers.meta;

import herald.providers.PlatformAnswer;
import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import herald.providers.ProviderJson;
import java.time.Duration;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Graph API's error object ({@code {"error":{"code","error_subcode","message",...}}}) in Herald's one taxonomy,
 * classified by {@code code} and {@code error_subcode}, never by the wording (platform-contracts.md 2.3 and 3.1).
 */
final class GraphErrors {

    /** Code 190's subcodes that mean the grant is gone: app removed, checkpoint, password changed, unconfirmed, logged out, session invalid (lost the Page role). */
    private static final Set<Integer> REVOKED = Set.of(458, 459, 460, 464, 467, 492);
    /** Back off: app (4), user (17), Page (32), custom (613) and application (341) limits. */
    private static final Set<Integer> THROTTLED = Set.of(4, 17, 32, 341, 613);
    /** Instagram's subcodes worth another try: download timeout, server error, container expired, create failure. */
    private static final Set<Integer> IG_TRANSIENT = Set.of(2207001, 2207003, 2207020, 2207032, 2207053);
    /** The authorization code was refused: expired, used, or for another redirect URI. */
    private static final Set<Integer> CODE_REFUSED = Set.of(36007, 36008, 36009, 36010);

    private final String provider;
    private final String platform;
    private final JsonMapper json;
    private final GraphUsage usage;

    GraphErrors(String provider, String platform, JsonMapper json, GraphUsage usage) {
        this.provider = provider;
        this.platform = platform;
        this.json = json;
        this.usage = usage;
    }

    JsonNode parse(PlatformAnswer answer, String what) {
        return ProviderJson.object(json, provider, platform, what, answer.status(), answer.body());
    }

    /** The failure an error answer stands for; {@code secrets} are scrubbed from the platform's words. */
    ProviderException failure(PlatformAnswer answer, String what, String... secrets) {
        JsonNode error = errorObject(answer);
        if (error == null) {
            return withoutErrorObject(answer, what);
        }
        int code = error.path("code").asInt(0);
        int subcode = error.path("error_subcode").asInt(0);
        String said = words(error, secrets);
        String codes = "code " + code + (subcode == 0 ? "" : "/" + subcode);
        String refused = platform + " refused " + what + ": " + said + " (" + codes + ")";
        if (code == 4 && subcode == 2207051) {
            return fail(
                    Kind.PERMISSION,
                    platform + " restricted this account's activity as suspected spam (" + codes + "): " + said
                            + " Herald does not retry; check the account in the Instagram app.");
        }
        if (code == 9 && subcode == 2207042) {
            return ProviderException.rateLimited(
                    provider,
                    platform + " says the account reached its 24-hour limit of API-published posts (" + codes + ").",
                    wait(answer));
        }
        if (code == 190 || code == 102) {
            if (REVOKED.contains(subcode)) {
                return fail(
                        Kind.AUTH_REVOKED,
                        platform + " no longer accepts Herald's access (" + codes + "): " + said
                                + " Reconnect the account.");
            }
            return fail(
                    Kind.AUTH_EXPIRED,
                    platform + " refused the access token for " + what + " (" + codes + "): " + said);
        }
        if (THROTTLED.contains(code) || (code >= 80000 && code <= 80099)) {
            return ProviderException.rateLimited(
                    provider, platform + " rate-limited " + what + " (" + codes + "): " + said, wait(answer));
        }
        if (code == 368) {
            return fail(
                    Kind.PERMISSION,
                    platform + " has temporarily blocked this account from posting because it"
                            + " deemed recent activity abusive or otherwise disallowed (" + codes + "): " + said
                            + " Herald does not retry; check the Page's notifications and its quality in Meta Business Suite"
                            + " before posting again.");
        }
        if (code == 506) {
            return fail(
                    Kind.DUPLICATE,
                    platform + " already has this post: consecutive identical posts are not allowed (" + codes + "): "
                            + said + " Change the text.");
        }
        if (code == 1
                || code == 2
                || IG_TRANSIENT.contains(subcode)
                || error.path("is_transient").asBoolean(false)) {
            return fail(
                    Kind.TRANSIENT,
                    platform + " failed " + what + " for now (" + codes + "): " + said + " Herald will try again.");
        }
        if (code == 101 || CODE_REFUSED.contains(subcode)) {
            return fail(Kind.PERMISSION, refused + ". Check the app id and secret, or start the connect again.");
        }
        if (code == 3 || code == 10 || (code >= 200 && code <= 299)) {
            return fail(
                    Kind.PERMISSION,
                    platform + " did not allow " + what + " (" + codes + "): " + said
                            + " Reconnect the account and grant every permission Herald asks for.");
        }
        if (code == 100 || code == 1609005 || code == 36000 || (subcode >= 2207000 && subcode <= 2207999)) {
            return fail(Kind.INVALID_CONTENT, refused + ".");
        }
        if (answer.status() >= 500) {
            return fail(
                    Kind.TRANSIENT,
                    platform + " failed " + what + " (HTTP " + answer.status() + ", " + codes
                            + "); Herald will try again.");
        }
        return fail(Kind.PERMISSION, refused + ".");
    }

    private ProviderException withoutErrorObject(PlatformAnswer answer, String what) {
        int status = answer.status();
        if (status == 429) {
            return ProviderException.rateLimited(provider, platform + " rate-limited " + what + ".", wait(answer));
        }
        if (status >= 500) {
            return fail(
                    Kind.TRANSIENT, platform + " failed " + what + " (HTTP " + status + "); Herald will try again.");
        }
        if (status == 401) {
            return fail(Kind.AUTH_EXPIRED, platform + " refused the access token for " + what + " (HTTP 401).");
        }
        return fail(Kind.PERMISSION, platform + " refused " + what + " (HTTP " + status + ").");
    }

    /** How long to wait: {@code Retry-After} when sent, else the Business Use Case header's estimate. */
    private @Nullable Duration wait(PlatformAnswer answer) {
        String retryAfter = answer.headers().getFirst("retry-after");
        if (retryAfter != null) {
            try {
                return Duration.ofSeconds(Long.parseLong(retryAfter.strip()));
            } catch (NumberFormatException e) {
                // an HTTP date or garbage: fall through to the usage headers
            }
        }
        return usage.regainAccess(answer.headers());
    }

    private @Nullable JsonNode errorObject(PlatformAnswer answer) {
        JsonNode node = ProviderJson.tree(json, answer.body());
        JsonNode error = node == null ? null : node.get("error");
        return error != null && error.isObject() ? error : null;
    }

    private static String words(JsonNode error, String... secrets) {
        String message = error.path("message").asString("");
        String user = error.path("error_user_msg").asString("");
        String said = user.isBlank() || user.equals(message) ? message : message + " " + user;
        said = said.isBlank() ? "no explanation given." : said.strip();
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 8) {
                said = said.replace(secret, "[redacted]");
            }
        }
        if (said.length() > 300) {
            said = said.substring(0, 300) + "…";
        }
        return said.endsWith(".") ? said : said + ".";
    }

    private ProviderException fail(Kind kind, String message) {
        return new ProviderException(provider, kind, message);
    }
}
