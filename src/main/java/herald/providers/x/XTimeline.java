package herald.providers.x;

import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import herald.providers.PublishRequest;
import herald.providers.PublishedPost;
import herald.vault.Secret;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** What Herald reads back from X: the account behind a token, and its recent posts for reconciliation. */
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
        XAnswer answer = api.get(settings.api("/2/users/me" + query), token, what);
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
        String what = "the account's recent posts";
        String userId = text(me(token, "", what), "id");
        String wanted = XContent.fingerprint(XContent.text(request.text(), request.link()));
        Instant from = since.minusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        String page = null;
        for (int i = 0; i < TIMELINE_PAGES; i++) {
            String query = "?max_results=100&exclude=retweets&start_time=" + from + "&" + POST_FIELDS
                    + "=created_at,attachments" + (page == null ? "" : "&pagination_token=" + page);
            XAnswer answer = api.get(settings.api("/2/users/" + userId + "/tweets" + query), token, what);
            if (!answer.ok()) {
                throw errors.failure(answer, what);
            }
            JsonNode body = errors.parse(answer, what);
            for (JsonNode candidate : body.path("data")) {
                Instant created = instant(candidate.path("created_at").asString(""));
                if (created != null
                        && !created.isBefore(from)
                        && wanted.equals(
                                XContent.fingerprint(candidate.path("text").asString("")))
                        && candidate.path("attachments").path("media_keys").size()
                                == request.media().size()) {
                    String id = candidate.path("id").asString();
                    return Optional.of(new PublishedPost(id, settings.post(request.accountHandle(), id), created));
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
                        + " tell whether X has this post.");
    }

    private static String text(JsonNode node, String field) {
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
