package herald.providers.instagram;

import herald.providers.PostMetrics;
import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import herald.providers.PublishJournal;
import herald.providers.PublishRequest;
import herald.providers.PublishedPost;
import herald.providers.instagram.InstagramContainers.State;
import herald.providers.instagram.InstagramContainers.Status;
import herald.providers.meta.GraphClient;
import herald.providers.meta.GraphTime;
import herald.vault.Secret;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Publishing to an Instagram professional account: the 24-hour quota read first, the container created and journaled,
 * read until ready, then {@code media_publish}. A container is published at most once, so a retry after an ambiguous
 * attempt continues with the journaled container instead of creating another post.
 */
final class InstagramPosts {

    static final String MEDIA = "instagram.media";
    private static final String METRICS = "views,reach,likes,comments,saved,shares,total_interactions";

    private final GraphClient graph;
    private final InstagramContainers containers;
    private final InstagramRules rules;
    private final InstagramSettings settings;
    private final Clock clock;
    private final InstagramQuota quota;

    InstagramPosts(GraphClient graph, InstagramRules rules, InstagramSettings settings, Clock clock) {
        this.graph = graph;
        this.rules = rules;
        this.settings = settings;
        this.clock = clock;
        this.containers = new InstagramContainers(graph, settings);
        this.quota = new InstagramQuota(graph, clock);
    }

    PublishedPost publish(Secret token, PublishRequest request, PublishJournal journal) {
        List<String> problems = rules.problems(request.text(), request.media());
        if (!problems.isEmpty()) {
            throw new ProviderException(InstagramProvider.ID, Kind.INVALID_CONTENT, String.join(" ", problems));
        }
        String user = account(token, request.accountHandle());
        Optional<String> journaled = journal.get(InstagramContainers.CONTAINER);
        if (journaled.isPresent()) {
            State state = containers.status(token, journaled.get(), user);
            switch (state.status()) {
                case PUBLISHED -> {
                    return recent(token, user, request, clock.instant().minus(Duration.ofHours(25)))
                            .orElseThrow(InstagramPosts::notListed);
                }
                case FINISHED, IN_PROGRESS -> {
                    quota.require(token, user);
                    return publishContainer(token, user, journaled.get(), request, journal);
                }
                case ERROR -> throw InstagramContainers.failed(state);
                case EXPIRED -> {} // never published within 24 h: a new container is safe
            }
        }
        quota.require(token, user);
        String container = containers.create(token, user, request, journal);
        return publishContainer(token, user, container, request, journal);
    }

    private PublishedPost publishContainer(
            Secret token, String user, String container, PublishRequest request, PublishJournal journal) {
        State state = containers.await(token, container, user);
        switch (state.status()) {
            case ERROR -> throw InstagramContainers.failed(state);
            case EXPIRED ->
                throw new ProviderException(
                        InstagramProvider.ID,
                        Kind.TRANSIENT,
                        "Instagram's container expired before it was published; Herald will create a new one.");
            case PUBLISHED -> {
                return recent(token, user, request, clock.instant().minus(Duration.ofHours(25)))
                        .orElseThrow(InstagramPosts::notListed);
            }
            default -> {}
        }
        JsonNode answer;
        try {
            answer = graph.post(
                    user + "/media_publish", Map.of("creation_id", container), token, "the post", user, true);
        } catch (ProviderException e) {
            // Refused, perhaps because an earlier ambiguous attempt did publish this container, which Instagram does
            // only once: when the container says so, the post is found instead of the attempt failing.
            if ((e.kind() == Kind.INVALID_CONTENT || e.kind() == Kind.PERMISSION)
                    && containers.status(token, container, user).status() == Status.PUBLISHED) {
                return recent(token, user, request, clock.instant().minus(Duration.ofHours(25)))
                        .orElseThrow(InstagramPosts::notListed);
            }
            throw e;
        }
        String id = answer.path("id").asString("");
        if (id.isBlank()) {
            throw new ProviderException(
                    InstagramProvider.ID,
                    Kind.UNKNOWN_OUTCOME,
                    "Instagram answered the publish without an id; it may have been published.");
        }
        journal.put(MEDIA, id);
        try {
            return media(token, id, user);
        } catch (ProviderException e) {
            // Published: only the permalink is missing, which is no reason to publish again.
            return new PublishedPost(id, profile(request.accountHandle()), clock.instant());
        }
    }

    /** What the journal proves first (the published media, the container's status), else the recent media. */
    Optional<PublishedPost> findExisting(Secret token, PublishRequest request, Instant since, PublishJournal journal) {
        String user = account(token, request.accountHandle());
        Optional<String> media = journal.get(MEDIA);
        if (media.isPresent()) {
            return Optional.of(media(token, media.get(), user));
        }
        Optional<String> container = journal.get(InstagramContainers.CONTAINER);
        if (container.isPresent()) {
            State state = containers.status(token, container.get(), user);
            if (state.status() != Status.PUBLISHED) {
                // A container is published once, and this one was not: the next attempt publishes it.
                return Optional.empty();
            }
            return Optional.of(recent(token, user, request, since).orElseThrow(InstagramPosts::notListed));
        }
        return recent(token, user, request, since);
    }

    Optional<PublishedPost> findExisting(Secret token, PublishRequest request, Instant since) {
        return recent(token, user(token, request), request, since);
    }

    Optional<PostMetrics> metrics(Secret token, String mediaId) {
        JsonNode answer =
                graph.get(mediaId + "/insights", Map.of("metric", METRICS), token, "the post's insights", null);
        Map<String, Long> counts = new HashMap<>();
        for (JsonNode metric : answer.path("data")) {
            JsonNode values = metric.path("values");
            long value = !values.isEmpty()
                    ? values.get(0).path("value").asLong(0)
                    : metric.path("total_value").path("value").asLong(0);
            counts.put(metric.path("name").asString("metric"), value);
        }
        return Optional.of(new PostMetrics(counts, clock.instant()));
    }

    private String user(Secret token, PublishRequest request) {
        return account(token, request.accountHandle());
    }

    /**
     * The Instagram account's id, read from the Page its token belongs to. It must still be the account connected:
     * a Page relinked to another Instagram account needs a reconnect, never a post to the other account.
     */
    private String account(Secret token, String handle) {
        JsonNode linked = graph.get(
                        "me",
                        Map.of("fields", "instagram_business_account{id,username}"),
                        token,
                        "the Page's Instagram account",
                        null)
                .path("instagram_business_account");
        String id = linked.path("id").asString("");
        if (id.isBlank()) {
            throw new ProviderException(
                    InstagramProvider.ID,
                    Kind.PERMISSION,
                    "The Facebook Page of @" + handle + " no longer has an Instagram professional account linked."
                            + " Link it again in the Page's settings, then reconnect.");
        }
        String username = linked.path("username").asString("");
        if (!username.isBlank() && !username.equalsIgnoreCase(handle)) {
            throw new ProviderException(
                    InstagramProvider.ID,
                    Kind.PERMISSION,
                    "The Facebook Page of @" + handle + " is now linked to @" + username
                            + " on Instagram. Reconnect to post there.");
        }
        return id;
    }

    /** The account's media since {@code since} with the same caption and number of media. */
    private Optional<PublishedPost> recent(Secret token, String user, PublishRequest request, Instant since) {
        if (request.story()) {
            return recentStory(token, user, request, since);
        }
        var query = new LinkedHashMap<String, String>();
        query.put("fields", "id,caption,timestamp,permalink,media_type,children{id}");
        query.put("since", String.valueOf(since.minusSeconds(60).getEpochSecond()));
        query.put("limit", "25");
        JsonNode answer = graph.get(user + "/media", query, token, "the account's recent media", user);
        for (JsonNode item : answer.path("data")) {
            Instant created = GraphTime.parse(item.path("timestamp").asString(null));
            if (created == null || created.isBefore(since.minusSeconds(2))) {
                continue;
            }
            int count = "CAROUSEL_ALBUM".equals(item.path("media_type").asString(""))
                    ? item.path("children").path("data").size()
                    : 1;
            if (request.text().strip().equals(item.path("caption").asString("").strip())
                    && count == request.media().size()) {
                return Optional.of(post(item, request.accountHandle(), created));
            }
        }
        return Optional.empty();
    }

    /**
     * A story of the account's since {@code since} of the request's kind of medium: stories are not in {@code /media}
     * but in {@code /stories} (IG User Stories, for 24 hours), and carry no caption to compare.
     */
    private Optional<PublishedPost> recentStory(Secret token, String user, PublishRequest request, Instant since) {
        String type = "video".equals(request.media().getFirst().kind()) ? "VIDEO" : "IMAGE";
        JsonNode answer = graph.get(
                user + "/stories",
                Map.of("fields", "id,timestamp,permalink,media_type"),
                token,
                "the account's stories",
                user);
        for (JsonNode item : answer.path("data")) {
            Instant created = GraphTime.parse(item.path("timestamp").asString(null));
            if (created != null
                    && !created.isBefore(since.minusSeconds(2))
                    && type.equals(item.path("media_type").asString(""))) {
                return Optional.of(post(item, request.accountHandle(), created));
            }
        }
        return Optional.empty();
    }

    private PublishedPost media(Secret token, String id, String user) {
        JsonNode item = graph.get(id, Map.of("fields", "id,permalink,timestamp"), token, "the published post", user);
        Instant created = GraphTime.parse(item.path("timestamp").asString(null));
        return post(item, "", created == null ? clock.instant() : created);
    }

    private PublishedPost post(JsonNode item, String handle, Instant created) {
        String permalink = item.path("permalink").asString("");
        return new PublishedPost(
                item.path("id").asString(""), permalink.isBlank() ? profile(handle) : URI.create(permalink), created);
    }

    /** Published, by the container's word, yet not in the account's media: a later check will tell. */
    private static ProviderException notListed() {
        return new ProviderException(
                InstagramProvider.ID,
                Kind.UNKNOWN_OUTCOME,
                "Instagram says the post's container was published, but does not list the post yet.");
    }

    private URI profile(String handle) {
        return URI.create(settings.webUrl().toString().replaceAll("/+$", "") + "/" + handle);
    }
}
