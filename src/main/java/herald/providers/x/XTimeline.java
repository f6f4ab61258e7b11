package herald.providers.x;

import herald.providers.CommentRequest;
import herald.providers.PlatformAnswer;
import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import herald.providers.PublishRequest;
import herald.providers.PublishedComment;
import herald.providers.PublishedPost;
import herald.vault.Secret;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** What Herald reads back from X: the account behind a token, and its recent posts and replies for reconciliation. */
final class XTimeline {

    /** X's 2.167 OpenAPI document (the one its SDKs are generated from) names the post fields {@code post.fields}. */
    static final String POST_FIELDS = "post.fields";

    private static final String ID_PATTERN = "[0-9]{1,19}";
    /** How many pages of the timeline (100 posts each) reconciliation reads before it gives up. */
    private static final int TIMELINE_PAGES = 5;

    private static final String ID = XProvider.ID;

    private final XClientSettings settings;
    private final XApiClient api;
    private final XErrors errors;
    private final Clock clock;

    XTimeline(XClientSettings settings, XApiClient api, XErrors errors, Clock clock) {
        this.settings = settings;
        this.api = api;
        this.errors = errors;
        this.clock = clock;
    }

    /** The account the token belongs to: {@code data} of {@code /2/users/me}, with its id and username. */
    JsonNode me(Secret token, String query, String what) {
        PlatformAnswer answer = api.get(settings.api("/2/users/me" + query), token, what);
        if (!answer.ok()) {
            throw errors.failure(answer, what);
        }
        JsonNode data = errors.parse(answer, what).path("data");
        if (!data.path("id").asString("").matches(ID_PATTERN)
                || data.path("username").asString("").isBlank()) {
            throw new ProviderException(ID, Kind.TRANSIENT, "X answered " + what + " without the account's id.");
        }
        return data;
    }

    /**
     * Reads the account's timeline since {@code since} (X filters by {@code start_time}) and matches by fingerprint:
     * the text as X keeps it (URLs shortened, entities escaped, a reply's mentions in front) and the number of media.
     */
    Optional<PublishedPost> find(Secret token, PublishRequest request, Instant since) {
        String wanted = XContent.fingerprint(XContent.text(request.text(), request.link()));
        return scan(
                        token,
                        since,
                        "attachments",
                        "the account's recent posts",
                        "post",
                        candidate -> wanted.equals(XContent.fingerprint(
                                        candidate.path("text").asString("")))
                                && candidate
                                                .path("attachments")
                                                .path("media_keys")
                                                .size()
                                        == request.media().size())
                .map(candidate -> {
                    String id = candidate.path("id").asString();
                    Instant created = instant(candidate.path("created_at").asString(""));
                    return new PublishedPost(id, settings.post(request.accountHandle(), id), created);
                });
    }

    /**
     * The account's reply to {@code request.postId()} with the request's text (by fingerprint), posted since
     * {@code since}: a comment Herald wrote as a reply to the account's own post. X's 2.167 document has a post's
     * references as the expansion {@code referenced_posts} (live answers have called them {@code referenced_tweets});
     * where an answer carries neither, the conversation says it, and where that cannot tell either, Herald does not
     * guess.
     */
    Optional<PublishedComment> findReply(Secret token, CommentRequest request, Instant since) {
        String wanted = XContent.fingerprint(request.text());
        return scan(
                        token,
                        since,
                        "conversation_id&expansions=referenced_posts",
                        "the account's recent replies",
                        "reply",
                        candidate -> wanted.equals(XContent.fingerprint(
                                        candidate.path("text").asString("")))
                                && repliesTo(candidate, request.postId()))
                .map(candidate -> {
                    String id = candidate.path("id").asString();
                    return new PublishedComment(id, settings.post(request.accountHandle(), id));
                });
    }

    /** The newest post of the account's timeline since {@code since} that {@code matches}, asking X for {@code field}. */
    private Optional<JsonNode> scan(
            Secret token, Instant since, String field, String what, String thing, Predicate<JsonNode> matches) {
        String userId = text(me(token, "", what), "id");
        Instant from = since.minusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        String page = null;
        for (int i = 0; i < TIMELINE_PAGES; i++) {
            String query = "?max_results=100&exclude=retweets&start_time=" + from + "&" + POST_FIELDS + "=created_at,"
                    + field + (page == null ? "" : "&pagination_token=" + page);
            PlatformAnswer answer = api.get(settings.api("/2/users/" + userId + "/tweets" + query), token, what);
            if (!answer.ok()) {
                throw errors.failure(answer, what);
            }
            JsonNode body = errors.parse(answer, what);
            for (JsonNode candidate : body.path("data")) {
                Instant created = instant(candidate.path("created_at").asString(""));
                if (created != null && !created.isBefore(from) && matches.test(candidate)) {
                    return Optional.of(candidate);
                }
            }
            page = body.path("meta").path("next_token").asString(null);
            if (page == null || page.isBlank()) {
                return Optional.empty();
            }
        }
        throw new ProviderException(
                ID,
                Kind.UNKNOWN_OUTCOME,
                "The account posted more than " + TIMELINE_PAGES * 100 + " times since the attempt; Herald cannot"
                        + " tell whether X has this " + thing + ".");
    }

    /** Whether a post with the comment's text replies to {@code postId}; raises UNKNOWN_OUTCOME when X does not say. */
    private static boolean repliesTo(JsonNode candidate, String postId) {
        JsonNode references = candidate.has("referenced_posts")
                ? candidate.path("referenced_posts")
                : candidate.path("referenced_tweets");
        if (!references.isEmpty()) {
            for (JsonNode referenced : references) {
                if ("replied_to".equals(referenced.path("type").asString(""))
                        && postId.equals(referenced.path("id").asString(""))) {
                    return true;
                }
            }
            return false;
        }
        // A direct reply to a conversation's first post carries that post's id as its conversation's.
        if (postId.equals(candidate.path("conversation_id").asString(""))) {
            return !postId.equals(candidate.path("id").asString(""));
        }
        throw new ProviderException(
                ID,
                Kind.UNKNOWN_OUTCOME,
                "X shows a post of the account with the comment's text but not what it replies to; Herald cannot tell"
                        + " whether it is the comment.");
    }

    /** The text in {@code field}, stripped; empty when there is none. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asString().strip();
    }

    private static @Nullable Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
