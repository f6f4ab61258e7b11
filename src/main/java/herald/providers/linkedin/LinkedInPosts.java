package herald.providers.linkedin;

import static herald.providers.ProviderJson.text;

import herald.providers.MediaDownloads;
import herald.providers.PlatformAnswer;
import herald.providers.PostMetrics;
import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import herald.providers.PublishJournal;
import herald.providers.PublishRequest;
import herald.providers.PublishedPost;
import herald.vault.Secret;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Publishing as a member or a page through the Posts API (platform-contracts 4.2), images through the Images API
 * (4.3), reading an author's recent posts back for reconciliation, and a post's social counts.
 */
final class LinkedInPosts {

    /** How many of the author's latest posts are searched for one that an ambiguous attempt may have created. */
    static final int RECENT = 50;

    private final LinkedInClientSettings settings;
    private final LinkedInApi api;
    private final LinkedInErrors errors;
    private final Authors authors;
    private final MediaDownloads downloads;
    private final JsonMapper json;
    private final Clock clock;

    LinkedInPosts(
            LinkedInClientSettings settings,
            LinkedInApi api,
            LinkedInErrors errors,
            MediaDownloads downloads,
            JsonMapper json,
            Clock clock) {
        this.settings = settings;
        this.api = api;
        this.errors = errors;
        this.authors = new Authors(api, errors);
        this.downloads = downloads;
        this.json = json;
        this.clock = clock;
    }

    PublishedPost publish(Secret token, PublishRequest request, PublishJournal journal) {
        String author = authors.urn(token, request.accountHandle(), journal);
        List<String> images = new ArrayList<>();
        for (int i = 0; i < request.media().size(); i++) {
            images.add(image(token, author, request.media().get(i), i, journal));
        }
        PlatformAnswer answer = api.create(token, json.writeValueAsString(body(author, request, images)));
        if (!answer.ok()) {
            throw errors.failure(answer, "the post", writeScope(author));
        }
        String urn = answer.headers().getFirst("x-restli-id");
        if (urn == null || urn.isBlank()) {
            throw new ProviderException(
                    LinkedInProvider.ID,
                    Kind.UNKNOWN_OUTCOME,
                    "LinkedIn accepted the post (HTTP " + answer.status() + ") without naming it; Herald checks the"
                            + " account's posts before trying again.");
        }
        return new PublishedPost(urn, settings.postUrl(urn), clock.instant());
    }

    private static String writeScope(String author) {
        return author.startsWith(Urns.PERSON) ? "w_member_social" : "w_organization_social";
    }

    /** The post's JSON: escaped commentary, public, to the main feed, with its images or its link as an article. */
    ObjectNode body(String author, PublishRequest request, List<String> images) {
        ObjectNode body = json.createObjectNode();
        body.put("author", author);
        body.put("commentary", Commentary.escape(request.text()));
        body.put("visibility", "PUBLIC");
        ObjectNode distribution = body.putObject("distribution");
        distribution.put("feedDistribution", "MAIN_FEED");
        distribution.putArray("targetEntities");
        distribution.putArray("thirdPartyDistributionChannels");
        if (images.size() == 1) {
            body.putObject("content")
                    .set("media", image(images.getFirst(), request.media().getFirst()));
        } else if (images.size() > 1) {
            ArrayNode list = body.putObject("content").putObject("multiImage").putArray("images");
            for (int i = 0; i < images.size(); i++) {
                list.add(image(images.get(i), request.media().get(i)));
            }
        } else if (request.link() != null) {
            ObjectNode article = body.putObject("content").putObject("article");
            article.put("source", request.link().toString());
            // LinkedIn does not read the page for API posts: the title (and description) are the ones the page names,
            // as Herald's link cards read them, else the one Herald can say for sure, the host.
            var card = request.card();
            article.put(
                    "title",
                    card != null && card.title() != null
                            ? card.title()
                            : request.link().getHost() == null
                                    ? request.link().toString()
                                    : request.link().getHost());
            if (card != null && card.description() != null) {
                article.put("description", card.description());
            }
        }
        body.put("lifecycleState", "PUBLISHED");
        body.put("isReshareDisabledByAuthor", false);
        return body;
    }

    private ObjectNode image(String urn, PublishRequest.Media media) {
        ObjectNode node = json.createObjectNode();
        node.put("id", urn);
        if (!media.altText().isBlank()) {
            node.put("altText", media.altText());
        }
        return node;
    }

    /**
     * The image's URN at LinkedIn: the one noted by an earlier attempt of this target, or a new upload (register, PUT
     * the bytes), noted once its bytes are there so that a retry does not upload it again.
     */
    private String image(Secret token, String author, PublishRequest.Media media, int index, PublishJournal journal) {
        if (!"image".equals(media.kind())) {
            throw new ProviderException(
                    LinkedInProvider.ID,
                    Kind.INVALID_CONTENT,
                    "Herald posts only images to LinkedIn, not " + media.kind() + ".");
        }
        // The size ties the note to this medium: a post whose media changed since does not reuse another's upload.
        String key = "linkedin.image." + index + "." + media.sizeBytes();
        Optional<String> noted = journal.get(key);
        if (noted.isPresent()) {
            return noted.get();
        }
        String what = "the image upload";
        ObjectNode register = json.createObjectNode();
        register.putObject("initializeUploadRequest").put("owner", author);
        PlatformAnswer answer =
                api.post(token, "/rest/images?action=initializeUpload", json.writeValueAsString(register), what);
        if (!answer.ok()) {
            throw errors.failure(answer, what, writeScope(author));
        }
        JsonNode value = errors.parse(answer, what).path("value");
        String uploadUrl = text(value, "uploadUrl");
        String urn = text(value, "image");
        if (uploadUrl == null || urn == null) {
            throw new ProviderException(
                    LinkedInProvider.ID,
                    Kind.TRANSIENT,
                    "LinkedIn answered " + what + " without an upload URL or image.");
        }
        URI target = URI.create(uploadUrl);
        requireLinkedInHost(target);
        byte[] bytes = downloads.bytes(LinkedInProvider.ID, media);
        PlatformAnswer put = api.upload(token, target, bytes, media.contentType());
        if (!put.ok()) {
            throw errors.failure(put, what, null);
        }
        journal.put(key, urn);
        return urn;
    }

    /** The bearer token goes only to LinkedIn: an upload URL on another host is refused, not followed. */
    private void requireLinkedInHost(URI uploadUrl) {
        String host = uploadUrl.getHost() == null ? "" : uploadUrl.getHost().toLowerCase(Locale.ROOT);
        boolean linkedIn = host.equals(settings.apiUrl().getHost())
                || host.equals("linkedin.com")
                || host.endsWith(".linkedin.com");
        if (!linkedIn || !List.of("https", "http").contains(uploadUrl.getScheme())) {
            throw new ProviderException(
                    LinkedInProvider.ID,
                    Kind.PERMISSION,
                    "LinkedIn named an upload URL on " + host
                            + ", which is not LinkedIn; Herald did not send the image.");
        }
    }

    /**
     * The author's post since {@code since} with the same text (as LinkedIn shows it), link and number of images, from
     * the posts finder ({@code q=author}). Reading a member's own posts needs {@code r_member_social}, which LinkedIn
     * grants few apps: without it Herald cannot tell, and says so.
     */
    Optional<PublishedPost> findExisting(Secret token, PublishRequest request, Instant since, PublishJournal journal) {
        String author = authors.urn(token, request.accountHandle(), journal);
        String what = "the author's recent posts";
        PlatformAnswer answer = api.get(
                token,
                "/rest/posts?author=" + Urns.encode(author) + "&q=author&count=" + RECENT + "&sortBy=LAST_MODIFIED",
                what);
        if (answer.status() == 403) {
            throw new ProviderException(
                    LinkedInProvider.ID,
                    Kind.UNKNOWN_OUTCOME,
                    "LinkedIn does not let Herald read " + what + " (it needs "
                            + (author.startsWith(Urns.PERSON) ? "r_member_social" : "r_organization_social")
                            + "), so Herald cannot tell whether the post went out: check the LinkedIn profile.");
        }
        if (!answer.ok()) {
            throw errors.failure(answer, what, null);
        }
        for (JsonNode post : errors.parse(answer, what).path("elements")) {
            long created =
                    post.path("createdAt").asLong(post.path("publishedAt").asLong(0));
            if (Instant.ofEpochMilli(created).isBefore(since.minusSeconds(2))) {
                continue;
            }
            String id = text(post, "id");
            if (id != null && sameText(request, post) && sameContent(request, post.path("content"))) {
                return Optional.of(new PublishedPost(id, settings.postUrl(id), Instant.ofEpochMilli(created)));
            }
        }
        return Optional.empty();
    }

    private static boolean sameText(PublishRequest request, JsonNode post) {
        String commentary = post.path("commentary").asString("");
        return commentary.equals(Commentary.escape(request.text()))
                || Commentary.unescape(commentary).equals(request.text());
    }

    private static boolean sameContent(PublishRequest request, JsonNode content) {
        int images = content.has("multiImage")
                ? content.path("multiImage").path("images").size()
                : content.has("media") ? 1 : 0;
        if (images != request.media().size()) {
            return false;
        }
        if (images == 0) {
            String source = content.path("article").path("source").asString(null);
            return request.link() == null
                    ? source == null
                    : request.link().toString().equals(source);
        }
        return true;
    }

    /** Likes and comments from the Social Actions API ({@code /rest/socialActions/{urn}}). */
    Optional<PostMetrics> metrics(Secret token, String urn) {
        String what = "the post's likes and comments";
        PlatformAnswer answer = api.get(token, "/rest/socialActions/" + Urns.encode(urn), what);
        if (answer.status() == 404) {
            return Optional.empty();
        }
        if (!answer.ok()) {
            throw errors.failure(answer, what, null);
        }
        JsonNode body = errors.parse(answer, what);
        return Optional.of(new PostMetrics(
                Map.of(
                        "likes", body.path("likesSummary").path("totalLikes").asLong(0),
                        "comments",
                                body.path("commentsSummary")
                                        .path("aggregatedTotalComments")
                                        .asLong(0)),
                clock.instant()));
    }
}
