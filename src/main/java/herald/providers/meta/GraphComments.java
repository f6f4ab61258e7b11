package herald.providers.meta;

import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import herald.providers.PublishedComment;
import herald.vault.Secret;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The {@code /{object-id}/comments} edge that Facebook Page posts and Instagram media share: a comment is written with
 * {@code message} as the token's holder, and found again by reading the edge a page at a time.
 */
public final class GraphComments {

    /** How many pages of comments a search reads before it gives up telling. */
    static final int PAGES = 5;

    private final GraphClient graph;
    private final String provider;
    private final String platform;

    public GraphComments(GraphClient graph, String provider, String platform) {
        this.graph = graph;
        this.provider = provider;
        this.platform = platform;
    }

    /**
     * Writes {@code message} under {@code objectId}. Meta answers only the comment's id; a call that went out without
     * an answer is an unknown outcome ({@link GraphClient}), as is an answer without an id.
     */
    public PublishedComment write(Secret token, String objectId, String message, @Nullable String subject) {
        JsonNode answer =
                graph.post(objectId + "/comments", Map.of("message", message), token, "the comment", subject, true);
        String id = answer.path("id").asString("");
        if (id.isBlank()) {
            throw new ProviderException(
                    provider,
                    Kind.UNKNOWN_OUTCOME,
                    platform + " answered the comment without an id; it may have been published.");
        }
        return new PublishedComment(id, null);
    }

    /**
     * The first comment under {@code objectId} that is {@code wanted}, reading the edge with {@code query} a page at
     * a time. With {@code newestFirst}, a comment older than {@code from} ends the search: none after it can be newer.
     * Empty when the edge ends without one; more than {@link #PAGES} pages cannot tell.
     */
    public Optional<JsonNode> find(
            Secret token,
            String objectId,
            Map<String, String> query,
            @Nullable String subject,
            Instant from,
            boolean newestFirst,
            Predicate<JsonNode> wanted) {
        String what = "the post's comments";
        Map<String, String> params = new LinkedHashMap<>(query);
        for (int page = 0; page < PAGES; page++) {
            JsonNode answer = graph.get(objectId + "/comments", params, token, what, subject);
            for (JsonNode comment : answer.path("data")) {
                Instant created =
                        GraphTime.parse(comment.path(timeField(comment)).asString(null));
                if (created != null && created.isBefore(from)) {
                    if (newestFirst) {
                        return Optional.empty();
                    }
                    continue;
                }
                if (wanted.test(comment)) {
                    return Optional.of(comment);
                }
            }
            String after = answer.path("paging").path("cursors").path("after").asString("");
            if (answer.path("paging").path("next").asString("").isBlank() || after.isBlank()) {
                return Optional.empty();
            }
            params.put("after", after);
        }
        throw new ProviderException(
                provider,
                Kind.UNKNOWN_OUTCOME,
                "The post has more comments since the attempt than Herald reads; it cannot tell whether " + platform
                        + " has this one.");
    }

    /** Facebook says when a comment was made in {@code created_time}, Instagram in {@code timestamp}. */
    private static String timeField(JsonNode comment) {
        return comment.has("created_time") ? "created_time" : "timestamp";
    }
}
