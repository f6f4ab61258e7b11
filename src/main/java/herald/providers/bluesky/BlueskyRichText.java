package herald.providers.bluesky;

import herald.providers.PlatformAnswer;
import herald.providers.ProviderJson;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A post's {@code facets}: its links, hashtags and mentions ({@link Facets}) as {@code app.bsky.richtext.facet}
 * objects, each mention's handle resolved to the account's DID ({@code com.atproto.identity.resolveHandle}). A handle
 * Bluesky does not know stays plain text, as in Bluesky's own client; the post goes out all the same.
 */
final class BlueskyRichText {

    private static final String FACET = "app.bsky.richtext.facet";

    private final BlueskyXrpc xrpc;
    private final BlueskyErrors errors;
    private final JsonMapper json;

    BlueskyRichText(BlueskyXrpc xrpc, BlueskyErrors errors, JsonMapper json) {
        this.xrpc = xrpc;
        this.errors = errors;
        this.json = json;
    }

    /** The facets of {@code text}, in order; empty when it has none. */
    ArrayNode facets(String text) {
        ArrayNode facets = json.createArrayNode();
        Map<String, Optional<String>> dids = new HashMap<>();
        for (Facets.Facet facet : Facets.detect(text)) {
            ObjectNode feature = json.createObjectNode();
            switch (facet.type()) {
                case LINK -> feature.put("$type", FACET + "#link").put("uri", facet.value());
                case TAG -> feature.put("$type", FACET + "#tag").put("tag", facet.value());
                case MENTION -> {
                    Optional<String> did = dids.computeIfAbsent(facet.value(), this::did);
                    if (did.isEmpty()) {
                        continue;
                    }
                    feature.put("$type", FACET + "#mention").put("did", did.get());
                }
            }
            ObjectNode node = facets.addObject();
            node.putObject("index").put("byteStart", facet.byteStart()).put("byteEnd", facet.byteEnd());
            node.putArray("features").add(feature);
        }
        return facets;
    }

    /**
     * The DID of {@code handle}, or empty when Bluesky says it resolves to none (400: {@code HandleNotFound}, or an
     * invalid handle). Any other failure (a rate limit, Bluesky down or silent) fails the attempt before the post is
     * sent, so that a retry publishes the mention rather than dropping it.
     */
    private Optional<String> did(String handle) {
        String what = "the mention of @" + handle;
        // A public query: the session's token is not needed, so an expired one cannot be mistaken for "not found".
        PlatformAnswer answer = xrpc.query(null, "com.atproto.identity.resolveHandle", what, "handle", handle);
        if (answer.status() == 400 || answer.status() == 404) {
            return Optional.empty();
        }
        if (!answer.ok()) {
            throw errors.failure(answer, what);
        }
        String did = ProviderJson.text(errors.parse(answer, what), "did");
        return did != null && did.startsWith("did:") ? Optional.of(did) : Optional.empty();
    }
}
