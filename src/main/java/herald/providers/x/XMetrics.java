package herald.providers.x;

import herald.providers.AccountMetrics;
import herald.providers.MetricsBatch;
import herald.providers.PlatformAnswer;
import herald.providers.PostMetrics;
import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import herald.providers.ProviderJson;
import herald.vault.Secret;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What X counts (platform-contracts.md 1.3, [OFFICIAL]): a post's {@code public_metrics}, read one post at a time or
 * up to {@value #IDS_PER_CALL} in one call ({@code GET /2/tweets?ids=}), and an account's own {@code public_metrics}
 * from {@code GET /2/users/me}.
 */
final class XMetrics {

    /** {@code GET /2/tweets} takes at most 100 ids (X's OpenAPI document 2.167, {@code ids} maxItems). */
    static final int IDS_PER_CALL = 100;

    private static final String ID_PATTERN = "[0-9]{1,19}";
    /**
     * X's names of a post's public counts, and Herald's. X's docs write {@code retweet_count}, its OpenAPI document
     * 2.167 {@code repost_count}: either is read.
     */
    private static final Map<String, String> POST_COUNTS = Map.of(
            "impression_count", "impressions",
            "like_count", "likes",
            "reply_count", "replies",
            "retweet_count", "reposts",
            "repost_count", "reposts",
            "quote_count", "quotes",
            "bookmark_count", "bookmarks");

    private final XClientSettings settings;
    private final XApiClient api;
    private final XErrors errors;
    private final XTimeline timeline;
    private final Clock clock;

    XMetrics(XClientSettings settings, XApiClient api, XErrors errors, XTimeline timeline, Clock clock) {
        this.settings = settings;
        this.api = api;
        this.errors = errors;
        this.timeline = timeline;
        this.clock = clock;
    }

    /** {@code public_metrics}: impressions, likes, replies, reposts, quotes and bookmarks. */
    Optional<PostMetrics> post(Secret token, String platformPostId) {
        if (!platformPostId.matches(ID_PATTERN)) {
            return Optional.empty();
        }
        String what = "the post's metrics";
        PlatformAnswer answer = api.get(
                settings.api("/2/tweets/" + platformPostId + "?" + XTimeline.POST_FIELDS + "=public_metrics"),
                token,
                what);
        if (!answer.ok()) {
            if (answer.status() == 404) {
                return Optional.empty();
            }
            throw errors.failure(answer, what);
        }
        // A deleted post answers 200 with errors[] and no data.
        return counts(errors.parse(answer, what).path("data"));
    }

    /**
     * The posts' {@code public_metrics}, {@value #IDS_PER_CALL} a call. X answers 200 with the posts it has in
     * {@code data} and a problem per post it has not in {@code errors} (a partial answer, platform-contracts.md 1.5):
     * a post it cannot find (deleted) is gone, one it will not show (protected, suspended) is refused with X's words.
     * A call X refuses as a whole is every post's of that call, a rate limit every post's from there on.
     */
    MetricsBatch posts(Secret token, List<String> platformPostIds) {
        var batch = new MetricsBatch.Builder();
        List<String> ids = new ArrayList<>();
        for (String id : platformPostIds) {
            if (id.matches(ID_PATTERN)) {
                ids.add(id);
            } else {
                batch.gone(id);
            }
        }
        String what = "the posts' metrics";
        for (int from = 0; from < ids.size(); from += IDS_PER_CALL) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IDS_PER_CALL));
            PlatformAnswer answer = api.get(
                    settings.api("/2/tweets?ids=" + String.join(",", chunk) + "&" + XTimeline.POST_FIELDS
                            + "=public_metrics"),
                    token,
                    what);
            if (!answer.ok()) {
                ProviderException failure = errors.failure(answer, what);
                if (failure.kind() == Kind.AUTH_EXPIRED) {
                    throw failure; // refreshed by the caller, which asks again for them all
                }
                if (failure.kind() == Kind.RATE_LIMITED) {
                    batch.refused(ids.subList(from, ids.size()), failure);
                    break;
                }
                batch.refused(chunk, failure);
                continue;
            }
            read(errors.parse(answer, what), chunk, batch);
        }
        return batch.build();
    }

    private void read(JsonNode body, List<String> asked, MetricsBatch.Builder batch) {
        Map<String, JsonNode> problems = new LinkedHashMap<>();
        for (JsonNode problem : body.path("errors")) {
            String id =
                    problem.path("resource_id").asString(problem.path("value").asString(""));
            problems.put(id, problem);
        }
        Map<String, PostMetrics> counted = new LinkedHashMap<>();
        for (JsonNode post : body.path("data")) {
            counts(post).ifPresent(metrics -> counted.put(post.path("id").asString(""), metrics));
        }
        for (String id : asked) {
            PostMetrics metrics = counted.get(id);
            JsonNode problem = problems.get(id);
            if (metrics != null) {
                batch.counted(id, metrics);
            } else if (problem == null || problem.path("type").asString("").endsWith("/resource-not-found")) {
                batch.gone(id); // not found, or not mentioned at all: X has nothing to count
            } else {
                String detail =
                        problem.path("detail").asString(problem.path("title").asString("no reason given"));
                batch.refused(
                        List.of(id),
                        new ProviderException(
                                XErrors.PROVIDER, Kind.PERMISSION, "X does not show the post: " + detail));
            }
        }
    }

    /**
     * The account's {@code public_metrics} from {@code /2/users/me} (the token's own account, which must be the one
     * connected): followers, following, and posts. X's docs name the post count {@code tweet_count}, its OpenAPI
     * document 2.167 {@code post_count}: either is read.
     */
    Optional<AccountMetrics> account(Secret token, String accountId) {
        String what = "the account's followers";
        JsonNode me = timeline.me(token, "?user.fields=public_metrics", what);
        if (!accountId.equals(me.path("id").asString(""))) {
            throw new ProviderException(
                    XErrors.PROVIDER,
                    Kind.PERMISSION,
                    "The token now belongs to another X account than the one connected. Reconnect the account.");
        }
        JsonNode counts = me.path("public_metrics");
        Long followers = ProviderJson.count(counts, "followers_count");
        if (followers == null) {
            return Optional.empty();
        }
        Long posts = ProviderJson.count(counts, "post_count");
        return Optional.of(new AccountMetrics(
                followers,
                ProviderJson.count(counts, "following_count"),
                posts != null ? posts : ProviderJson.count(counts, "tweet_count"),
                clock.instant()));
    }

    private Optional<PostMetrics> counts(JsonNode post) {
        JsonNode counts = post.path("public_metrics");
        if (!counts.isObject()) {
            return Optional.empty();
        }
        Map<String, Long> metrics = new LinkedHashMap<>();
        POST_COUNTS.forEach((field, name) -> {
            if (counts.has(field)) {
                metrics.put(name, counts.get(field).asLong());
            }
        });
        return Optional.of(new PostMetrics(metrics, clock.instant()));
    }
}
