package herald.providers;

import herald.providers.ProviderException.Kind;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** How every provider reads a platform's JSON answer: leniently when explaining a failure, strictly when it matters. */
public final class ProviderJson {

    private ProviderJson() {}

    /** The body as a tree, or null when it is empty or not JSON (a failure's body may be an HTML error page). */
    public static @Nullable JsonNode tree(JsonMapper json, @Nullable String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    /**
     * The body as a JSON object. A body that is not one is the platform failing, so it is worth another try: a
     * {@link Kind#TRANSIENT} failure says so in {@code platform}'s name.
     *
     * @param what the call, as the message names it ("the post", "the token exchange")
     */
    public static JsonNode object(
            JsonMapper json, String provider, String platform, String what, int status, @Nullable String body) {
        JsonNode node = tree(json, body);
        if (node == null || !node.isObject()) {
            throw new ProviderException(
                    provider,
                    Kind.TRANSIENT,
                    platform + " answered " + what + " with malformed JSON (HTTP " + status
                            + "); Herald will try again.");
        }
        return node;
    }

    /** The whole number in {@code field} of {@code node}, or null when there is none (absent, null, text, fraction). */
    public static @Nullable Long count(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isIntegralNumber() ? null : value.asLong();
    }

    /** The text in {@code field} of {@code node}, or null when there is none (absent, null, blank). */
    public static @Nullable String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.asString();
        return text.isBlank() ? null : text;
    }

    /**
     * {@code text} (an address a platform gave) as a URI, or null when there is none or it is not one: an address Herald
     * shows people, which a malformed one must not fail the whole answer for.
     */
    public static @Nullable URI address(@Nullable String text) {
        try {
            return text == null ? null : URI.create(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
