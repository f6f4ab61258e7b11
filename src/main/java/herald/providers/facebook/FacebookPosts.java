package herald.providers.facebook;

import herald.providers.MediaDownloads;
import herald.providers.PostMetrics;
import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import herald.providers.PublishRequest;
import herald.providers.PublishedPost;
import herald.providers.meta.GraphClient;
import herald.providers.meta.GraphTime;
import herald.vault.Secret;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A Page's posts (platform-contracts.md 2.2): text and links through {@code /{page-id}/feed}, one photo through
 * {@code /{page-id}/photos} (the bytes uploaded, read from Herald's asset library), several photos uploaded
 * unpublished and attached to one feed post. The Page's handle in Herald is its id.
 */
final class FacebookPosts {

    /** The photo formats Facebook documents (platform-contracts.md 2.2). */
    static final Set<String> PHOTO_TYPES = Set.of("image/jpeg", "image/png", "image/gif", "image/bmp", "image/tiff");

    private final GraphClient graph;
    private final MediaDownloads downloads;
    private final FacebookSettings settings;
    private final Clock clock;

    FacebookPosts(GraphClient graph, MediaDownloads downloads, FacebookSettings settings, Clock clock) {
        this.graph = graph;
        this.downloads = downloads;
        this.settings = settings;
        this.clock = clock;
    }

    PublishedPost publish(Secret token, PublishRequest request) {
        String page = request.accountHandle();
        for (PublishRequest.Media media : request.media()) {
            if (!"image".equals(media.kind()) || !PHOTO_TYPES.contains(media.contentType())) {
                throw new ProviderException(
                        FacebookProvider.ID,
                        Kind.INVALID_CONTENT,
                        "Facebook Pages take photos as JPEG, PNG, GIF, BMP or TIFF; this post has a " + media.kind()
                                + " (" + media.contentType() + ").");
            }
        }
        String message = message(request);
        String id;
        if (request.media().isEmpty()) {
            var form = new LinkedHashMap<String, String>();
            if (!message.isBlank()) {
                form.put("message", message);
            }
            if (request.link() != null) {
                form.put("link", request.link().toString());
            }
            id = graph.post(page + "/feed", form, token, "the post", page, true)
                    .path("id")
                    .asString("");
        } else if (request.media().size() == 1) {
            PublishRequest.Media photo = request.media().getFirst();
            var fields = new LinkedHashMap<String, String>();
            if (!message.isBlank()) {
                fields.put("message", message);
            }
            altText(photo, fields);
            JsonNode answer = upload(token, page, photo, fields, "the photo post", true);
            id = answer.path("post_id").asString(answer.path("id").asString(""));
        } else {
            var form = new LinkedHashMap<String, String>();
            if (!message.isBlank()) {
                form.put("message", message);
            }
            List<PublishRequest.Media> photos = request.media();
            for (int i = 0; i < photos.size(); i++) {
                var fields = new LinkedHashMap<String, String>();
                fields.put("published", "false");
                altText(photos.get(i), fields);
                String photo = upload(token, page, photos.get(i), fields, "photo " + (i + 1) + " of the post", false)
                        .path("id")
                        .asString("");
                if (photo.isBlank()) {
                    throw new ProviderException(
                            FacebookProvider.ID, Kind.TRANSIENT, "Facebook answered a photo upload without an id.");
                }
                form.put("attached_media[" + i + "]", "{\"media_fbid\":\"" + photo + "\"}");
            }
            id = graph.post(page + "/feed", form, token, "the post", page, true)
                    .path("id")
                    .asString("");
        }
        if (id.isBlank()) {
            throw new ProviderException(
                    FacebookProvider.ID,
                    Kind.UNKNOWN_OUTCOME,
                    "Facebook answered the post without an id; it may have been published.");
        }
        return new PublishedPost(id, postUrl(id), clock.instant());
    }

    /**
     * The Page's post since {@code since} with the same fingerprint: the message Herald sent, the link (when Facebook
     * shows it as a shared link) and the number of photos.
     */
    Optional<PublishedPost> findExisting(Secret token, PublishRequest request, Instant since) {
        String page = request.accountHandle();
        var query = new LinkedHashMap<String, String>();
        query.put("fields", "id,message,created_time,permalink_url,attachments{type,unshimmed_url,subattachments}");
        query.put("since", String.valueOf(since.minusSeconds(60).getEpochSecond()));
        query.put("limit", "25");
        JsonNode answer = graph.get(page + "/published_posts", query, token, "the Page's recent posts", page);
        String message = message(request);
        for (JsonNode post : answer.path("data")) {
            Instant created = GraphTime.parse(post.path("created_time").asString(null));
            if (created == null || created.isBefore(since.minusSeconds(2))) {
                continue;
            }
            if (message.equals(post.path("message").asString(""))
                    && photos(post) == request.media().size()
                    && sameLink(post, request)) {
                String id = post.path("id").asString("");
                String permalink = post.path("permalink_url").asString("");
                return Optional.of(
                        new PublishedPost(id, permalink.isBlank() ? postUrl(id) : URI.create(permalink), created));
            }
        }
        return Optional.empty();
    }

    /** Reactions, comments and shares of the post, and its unique views from insights when Facebook offers them. */
    Optional<PostMetrics> metrics(Secret token, String postId) {
        String page = postId.contains("_") ? postId.substring(0, postId.indexOf('_')) : null;
        JsonNode post = graph.get(
                postId,
                Map.of(
                        "fields",
                        "reactions.summary(total_count).limit(0),comments.summary(total_count).limit(0),shares"),
                token,
                "the post's counts",
                page);
        Map<String, Long> counts = new HashMap<>();
        counts.put(
                "reactions",
                post.path("reactions").path("summary").path("total_count").asLong(0));
        counts.put(
                "comments",
                post.path("comments").path("summary").path("total_count").asLong(0));
        counts.put("shares", post.path("shares").path("count").asLong(0));
        try {
            JsonNode insights = graph.get(
                    postId + "/insights",
                    Map.of("metric", "post_total_media_view_unique"),
                    token,
                    "the post's insights",
                    page);
            for (JsonNode metric : insights.path("data")) {
                JsonNode values = metric.path("values");
                if ("post_total_media_view_unique".equals(metric.path("name").asString("")) && !values.isEmpty()) {
                    counts.put(
                            "views", values.get(values.size() - 1).path("value").asLong(0));
                }
            }
        } catch (ProviderException e) {
            if (e.retryable()) {
                throw e;
            }
            // Insights need read_insights and a Page with enough audience; the counts above stand on their own.
        }
        return Optional.of(new PostMetrics(counts, clock.instant()));
    }

    /** The message Herald sends: a photo post cannot carry a link preview, so its link is put in the text. */
    static String message(PublishRequest request) {
        if (request.media().isEmpty() || request.link() == null) {
            return request.text();
        }
        String link = request.link().toString();
        if (request.text().contains(link)) {
            return request.text();
        }
        return request.text().isBlank() ? link : request.text() + "\n\n" + link;
    }

    private JsonNode upload(
            Secret token,
            String page,
            PublishRequest.Media photo,
            Map<String, String> fields,
            String what,
            boolean creates) {
        byte[] bytes = downloads.bytes(FacebookProvider.ID, photo);
        return graph.upload(page + "/photos", fields, "source", bytes, photo.contentType(), token, what, page, creates);
    }

    private static void altText(PublishRequest.Media photo, Map<String, String> fields) {
        if (!photo.altText().isBlank()) {
            fields.put("alt_text_custom", photo.altText());
        }
    }

    private static int photos(JsonNode post) {
        int photos = 0;
        for (JsonNode attachment : post.path("attachments").path("data")) {
            switch (attachment.path("type").asString("")) {
                case "photo" -> photos++;
                case "album" ->
                    photos += attachment.path("subattachments").path("data").size();
                default -> {}
            }
        }
        return photos;
    }

    /** A shared link Facebook shows must be the post's; Facebook may show none (no preview), which is no mismatch. */
    private static boolean sameLink(JsonNode post, PublishRequest request) {
        if (request.link() == null || !request.media().isEmpty()) {
            return true;
        }
        List<String> shared = new ArrayList<>();
        for (JsonNode attachment : post.path("attachments").path("data")) {
            if ("share".equals(attachment.path("type").asString(""))) {
                shared.add(attachment.path("unshimmed_url").asString(""));
            }
        }
        String link = normalized(request.link().toString());
        return shared.isEmpty()
                || shared.stream().anyMatch(url -> normalized(url).equals(link));
    }

    private static String normalized(@Nullable String url) {
        return url == null ? "" : url.strip().replaceAll("/+$", "");
    }

    private URI postUrl(String id) {
        return URI.create(settings.webUrl().toString().replaceAll("/+$", "") + "/" + id);
    }
}
