package herald.providers.bluesky;

import herald.providers.MediaDownloads;
import herald.providers.PlatformAnswer;
import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import herald.providers.PublishRequest;
import herald.vault.Secret;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A post's images: each read from Herald's asset library ({@link MediaDownloads}), uploaded as a blob ({@code
 * com.atproto.repo.uploadBlob}, the raw bytes with their content type) and embedded with its alt text ({@code
 * app.bsky.embed.images}, where {@code alt} is required: empty when the image has none). The blobs are not noted in
 * the journal: Bluesky forgets a blob no record references after a while, so a retry simply uploads again.
 */
final class BlueskyImages {

    private final BlueskyXrpc xrpc;
    private final BlueskyErrors errors;
    private final MediaDownloads downloads;
    private final JsonMapper json;

    BlueskyImages(BlueskyXrpc xrpc, BlueskyErrors errors, MediaDownloads downloads, JsonMapper json) {
        this.xrpc = xrpc;
        this.errors = errors;
        this.downloads = downloads;
        this.json = json;
    }

    /** The {@code app.bsky.embed.images} embed of {@code media}, or null when there are none. */
    @Nullable
    ObjectNode embed(Secret token, List<PublishRequest.Media> media) {
        if (media.isEmpty()) {
            return null;
        }
        ObjectNode embed = json.createObjectNode().put("$type", "app.bsky.embed.images");
        ArrayNode images = embed.putArray("images");
        for (int i = 0; i < media.size(); i++) {
            PublishRequest.Media medium = media.get(i);
            ObjectNode image = images.addObject();
            image.set("image", blob(token, medium, i + 1));
            image.put("alt", medium.altText() == null ? "" : medium.altText());
        }
        return embed;
    }

    /**
     * A link card's image uploaded as a blob for its {@code thumb}, or null when Bluesky would not take it: the card
     * then goes without one rather than holding the post. A session Bluesky refuses, or a rate limit, still stops the
     * attempt (the post itself would meet the same).
     */
    @Nullable
    JsonNode thumb(Secret token, PublishRequest.Image image) {
        String what = "the link card's image";
        PlatformAnswer answer = xrpc.upload(token, image.bytes(), image.contentType(), what);
        if (!answer.ok()) {
            ProviderException refused = errors.failure(answer, what);
            if (refused.kind() == Kind.AUTH_EXPIRED
                    || refused.kind() == Kind.AUTH_REVOKED
                    || refused.kind() == Kind.RATE_LIMITED) {
                throw refused;
            }
            return null;
        }
        JsonNode blob = errors.parse(answer, what).path("blob");
        return blob.isObject() ? blob : null;
    }

    private JsonNode blob(Secret token, PublishRequest.Media medium, int number) {
        if (!"image".equals(medium.kind())) {
            throw new ProviderException(
                    BlueskyProvider.ID,
                    Kind.INVALID_CONTENT,
                    "Herald posts only images to Bluesky, not " + medium.kind() + ".");
        }
        String what = "image " + number + " of the post";
        byte[] bytes = downloads.bytes(BlueskyProvider.ID, medium);
        PlatformAnswer answer = xrpc.upload(token, bytes, medium.contentType(), what);
        if (!answer.ok()) {
            throw errors.failure(answer, what);
        }
        JsonNode blob = errors.parse(answer, what).path("blob");
        if (!blob.isObject()) {
            throw new ProviderException(
                    BlueskyProvider.ID, Kind.TRANSIENT, "Bluesky answered " + what + " without the blob.");
        }
        return blob;
    }
}
