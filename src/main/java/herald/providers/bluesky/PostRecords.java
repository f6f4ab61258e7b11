package herald.providers.bluesky;

import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import herald.providers.PublishRequest;
import herald.vault.Secret;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A post as an {@code app.bsky.feed.post} record: its text, when it was written, its facets, what it answers and what
 * it embeds. {@code langs} is left out: Herald does not know the post's language.
 */
final class PostRecords {

    private static final DateTimeFormatter CREATED_AT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final BlueskyRecords records;
    private final BlueskyRichText richText;
    private final JsonMapper json;

    PostRecords(BlueskyRecords records, BlueskyRichText richText, JsonMapper json) {
        this.records = records;
        this.richText = richText;
        this.json = json;
    }

    /**
     * The record of a post of {@code text} written at {@code createdAt}, with what it answers and embeds, if any, and
     * the language it is in ({@code langs}, which readers' language filters read), if told.
     */
    ObjectNode post(
            String text,
            Instant createdAt,
            @Nullable ObjectNode reply,
            @Nullable ObjectNode embed,
            @Nullable String language) {
        ObjectNode record = json.createObjectNode();
        record.put("$type", AtUri.POSTS);
        record.put("text", text);
        record.put("createdAt", CREATED_AT.format(createdAt));
        ArrayNode facets = richText.facets(text);
        if (!facets.isEmpty()) {
            record.set("facets", facets);
        }
        if (reply != null) {
            record.set("reply", reply);
        }
        if (embed != null) {
            record.set("embed", embed);
        }
        if (language != null) {
            record.putArray("langs").add(language);
        }
        return record;
    }

    /**
     * The link's card ({@code app.bsky.embed.external}): the title and description its page names ({@code card}, read
     * by Herald's link cards from public addresses only), else the link's host and no description. Bluesky does not
     * read the page itself for a record written through the API.
     */
    ObjectNode external(URI link, PublishRequest.@Nullable LinkPreview card, @Nullable JsonNode thumb) {
        String host = link.getHost() == null ? link.toString() : link.getHost();
        ObjectNode embed = json.createObjectNode().put("$type", "app.bsky.embed.external");
        ObjectNode external = embed.putObject("external")
                .put("uri", link.toString())
                .put("title", card != null && card.title() != null ? card.title() : host)
                .put("description", card != null && card.description() != null ? card.description() : "");
        if (thumb != null) {
            external.set("thumb", thumb);
        }
        return embed;
    }

    /**
     * The {@code reply} of a post answering {@code parentUri}: strong references ({@code uri} and {@code cid}, as
     * Bluesky answers them, so by DID) to the post it answers and to its thread's first post, which is the parent's
     * own root when the parent is itself a reply.
     */
    ObjectNode replyTo(Secret token, String parentUri) {
        AtUri address = AtUri.parse(parentUri)
                .orElseThrow(() -> new ProviderException(
                        BlueskyProvider.ID,
                        Kind.INVALID_CONTENT,
                        "Herald cannot answer " + parentUri + " on Bluesky: it is not the at:// address of a post."));
        String what = "the post this one answers";
        BlueskyRecords.Stored parent = records.get(token, address, what)
                .orElseThrow(() -> new ProviderException(
                        BlueskyProvider.ID,
                        Kind.INVALID_CONTENT,
                        "Bluesky no longer has the post this one answers (" + parentUri + "); it may have been"
                                + " deleted."));
        if (parent.cid().isBlank()) {
            throw new ProviderException(
                    BlueskyProvider.ID, Kind.TRANSIENT, "Bluesky answered " + what + " without its cid.");
        }
        ObjectNode parentRef = ref(parent.uri(), parent.cid());
        JsonNode root = parent.value().path("reply").path("root");
        String rootUri = root.path("uri").asString("");
        String rootCid = root.path("cid").asString("");
        ObjectNode reply = json.createObjectNode();
        reply.set("root", rootUri.isBlank() || rootCid.isBlank() ? parentRef.deepCopy() : ref(rootUri, rootCid));
        reply.set("parent", parentRef);
        return reply;
    }

    private ObjectNode ref(String uri, String cid) {
        return json.createObjectNode().put("uri", uri).put("cid", cid);
    }
}
