package herald.providers.instagram;

import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import herald.providers.PublishJournal;
import herald.providers.PublishRequest;
import herald.providers.meta.GraphClient;
import herald.vault.Secret;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Instagram's media containers (platform-contracts.md 3.1): created from the media's URLs (Instagram fetches them
 * itself), read until {@code FINISHED}, and only then published. A carousel's children are containers of their own.
 */
final class InstagramContainers {

    static final String CONTAINER = "instagram.container";
    static final String CHILDREN = "instagram.children";

    enum Status {
        IN_PROGRESS,
        FINISHED,
        PUBLISHED,
        ERROR,
        EXPIRED
    }

    record State(Status status, String said) {}

    private final GraphClient graph;
    private final InstagramSettings settings;

    InstagramContainers(GraphClient graph, InstagramSettings settings) {
        this.graph = graph;
        this.settings = settings;
    }

    /** Creates the post's container (its children first for a carousel) and journals its id before anything else. */
    String create(Secret token, String user, PublishRequest request, PublishJournal journal) {
        var form = new LinkedHashMap<String, String>();
        List<PublishRequest.Media> media = request.media();
        if (request.story()) {
            // A story is its one medium alone: no caption, no alt text (Instagram takes neither on a story).
            PublishRequest.Media medium = media.getFirst();
            form.put("media_type", "STORIES");
            form.put(
                    "video".equals(medium.kind()) ? "video_url" : "image_url",
                    medium.url().toString());
        } else if (media.size() == 1) {
            describe(media.getFirst(), form, false);
        } else {
            form.put("media_type", "CAROUSEL");
            form.put("children", String.join(",", children(token, user, media, journal)));
        }
        if (!request.story() && !request.text().isBlank()) {
            form.put("caption", request.text());
        }
        String id = id(graph.post(user + "/media", form, token, "the media container", user, false), "container");
        journal.put(CONTAINER, id);
        return id;
    }

    /** Reads the container's status until it is ready, giving up (for a later attempt) after the configured wait. */
    State await(Secret token, String container, String user) {
        for (int poll = 0; ; poll++) {
            State state = status(token, container, user);
            if (state.status() != Status.IN_PROGRESS) {
                return state;
            }
            if (poll >= settings.polls()) {
                throw new ProviderException(
                        InstagramProvider.ID,
                        Kind.TRANSIENT,
                        "Instagram is still processing the media after "
                                + settings.containerWait().toSeconds()
                                + " s; Herald keeps the container and publishes it on the next try.");
            }
            sleep(settings.pollInterval());
        }
    }

    State status(Secret token, String container, String user) {
        JsonNode answer = graph.get(
                container, Map.of("fields", "status_code,status"), token, "the media container's status", user);
        String code = answer.path("status_code").asString("");
        String said = answer.path("status").asString(code);
        try {
            return new State(Status.valueOf(code), said);
        } catch (IllegalArgumentException e) {
            throw new ProviderException(
                    InstagramProvider.ID,
                    Kind.TRANSIENT,
                    "Instagram answered the container's status with an unknown status_code '" + code + "'.");
        }
    }

    /** A container that failed: Instagram could not take the media. */
    static ProviderException failed(State state) {
        return new ProviderException(
                InstagramProvider.ID,
                Kind.INVALID_CONTENT,
                "Instagram could not process the post's media (ERROR): " + state.said()
                        + " Check the format (JPEG; MP4 or MOV), the size and the aspect ratio (4:5 to 1.91:1).");
    }

    private List<String> children(Secret token, String user, List<PublishRequest.Media> media, PublishJournal journal) {
        List<String> kept = journal.get(CHILDREN)
                .map(ids -> Arrays.asList(ids.split(",")))
                .filter(ids -> ids.size() == media.size())
                .orElse(null);
        if (kept != null && kept.stream().allMatch(child -> usable(token, child, user))) {
            return kept;
        }
        List<String> children = new ArrayList<>();
        for (int i = 0; i < media.size(); i++) {
            var form = new LinkedHashMap<String, String>();
            describe(media.get(i), form, true);
            children.add(id(
                    graph.post(user + "/media", form, token, "carousel item " + (i + 1), user, false),
                    "carousel item"));
        }
        journal.put(CHILDREN, String.join(",", children));
        for (String child : children) {
            State state = await(token, child, user);
            if (state.status() != Status.FINISHED) {
                throw state.status() == Status.ERROR
                        ? failed(state)
                        : new ProviderException(
                                InstagramProvider.ID,
                                Kind.TRANSIENT,
                                "A carousel item's container is " + state.status() + "; Herald will try again.");
            }
        }
        return children;
    }

    /** A journaled child is reused while Instagram still holds it ready. */
    private boolean usable(Secret token, String child, String user) {
        State state = await(token, child, user);
        if (state.status() == Status.ERROR) {
            throw failed(state);
        }
        return state.status() == Status.FINISHED;
    }

    private static void describe(PublishRequest.Media medium, Map<String, String> form, boolean carouselItem) {
        if (carouselItem) {
            form.put("is_carousel_item", "true");
        }
        if ("video".equals(medium.kind())) {
            // Single feed videos are reels since 2023; a carousel's video items are VIDEO.
            form.put("media_type", carouselItem ? "VIDEO" : "REELS");
            form.put("video_url", medium.url().toString());
        } else {
            form.put("image_url", medium.url().toString());
            if (!medium.altText().isBlank()) {
                form.put("alt_text", medium.altText());
            }
        }
    }

    private static String id(JsonNode answer, String what) {
        String id = answer.path("id").asString("");
        if (id.isBlank()) {
            throw new ProviderException(
                    InstagramProvider.ID, Kind.TRANSIENT, "Instagram answered the " + what + " without an id.");
        }
        return id;
    }

    private static void sleep(Duration interval) {
        try {
            Thread.sleep(interval);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(
                    InstagramProvider.ID, Kind.TRANSIENT, "Herald stopped waiting for Instagram's container.");
        }
    }
}
