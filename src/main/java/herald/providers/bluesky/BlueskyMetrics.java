package herald.providers.bluesky;

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
 * What Bluesky counts: a post's likes, reposts, replies and quotes ({@code app.bsky.feed.getPosts}, up to {@value
 * #URIS_PER_CALL} posts a call), and an account's followers, follows and posts ({@code app.bsky.actor.getProfile}).
 */
final class BlueskyMetrics {

    /** {@code app.bsky.feed.getPosts} takes at most 25 URIs ({@code uris} maxLength). */
    static final int URIS_PER_CALL = 25;

    /** Bluesky's names of a post view's counts, and Herald's (as X's are named). */
    private static final Map<String, String> POST_COUNTS = Map.of(
            "likeCount", "likes",
            "repostCount", "reposts",
            "replyCount", "replies",
            "quoteCount", "quotes");

    private final BlueskyXrpc xrpc;
    private final BlueskyErrors errors;
    private final Clock clock;

    BlueskyMetrics(BlueskyXrpc xrpc, BlueskyErrors errors, Clock clock) {
        this.xrpc = xrpc;
        this.errors = errors;
        this.clock = clock;
    }

    /**
     * The posts' counts. A post Bluesky leaves out of its answer is gone (deleted, or hidden from Herald); a call it
     * refuses is refused for that call's posts, a rate limit for every post from there on, an expired session thrown
     * so that the caller renews it and asks again.
     */
    MetricsBatch posts(Secret token, List<String> uris) {
        var batch = new MetricsBatch.Builder();
        List<String> asked = new ArrayList<>();
        for (String uri : uris) {
            if (AtUri.parse(uri).isPresent()) {
                asked.add(uri);
            } else {
                batch.gone(uri);
            }
        }
        String what = "the posts' counts";
        for (int from = 0; from < asked.size(); from += URIS_PER_CALL) {
            List<String> chunk = asked.subList(from, Math.min(asked.size(), from + URIS_PER_CALL));
            String[] parameters = new String[chunk.size() * 2];
            for (int i = 0; i < chunk.size(); i++) {
                parameters[2 * i] = "uris";
                parameters[2 * i + 1] = chunk.get(i);
            }
            PlatformAnswer answer = xrpc.query(token, "app.bsky.feed.getPosts", what, parameters);
            if (!answer.ok()) {
                ProviderException failure = errors.failure(answer, what);
                if (failure.kind() == Kind.AUTH_EXPIRED) {
                    throw failure;
                }
                if (failure.kind() == Kind.RATE_LIMITED) {
                    batch.refused(asked.subList(from, asked.size()), failure);
                    break;
                }
                batch.refused(chunk, failure);
                continue;
            }
            read(errors.parse(answer, what).path("posts"), chunk, batch);
        }
        return batch.build();
    }

    private void read(JsonNode views, List<String> asked, MetricsBatch.Builder batch) {
        List<JsonNode> found = new ArrayList<>();
        views.forEach(found::add);
        for (String uri : asked) {
            AtUri address = AtUri.parse(uri).orElseThrow();
            // Bluesky answers by DID; a post's id taken from its web address may name the account by its handle.
            Optional<JsonNode> view = found.stream()
                    .filter(post -> uri.equals(post.path("uri").asString("")))
                    .findFirst()
                    .or(() -> found.stream()
                            .filter(post -> AtUri.parse(post.path("uri").asString(""))
                                    .map(address::sameRecord)
                                    .orElse(false))
                            .findFirst());
            view.ifPresentOrElse(post -> batch.counted(uri, counts(post)), () -> batch.gone(uri));
        }
    }

    private PostMetrics counts(JsonNode post) {
        Map<String, Long> counts = new LinkedHashMap<>();
        POST_COUNTS.forEach((field, name) -> {
            Long count = ProviderJson.count(post, field);
            if (count != null) {
                counts.put(name, count);
            }
        });
        return new PostMetrics(counts, clock.instant());
    }

    /** The account's followers, follows and posts, from its profile; empty when the profile gives no followers. */
    Optional<AccountMetrics> account(Secret token, String did) {
        String what = "the account's followers";
        PlatformAnswer answer = xrpc.query(token, "app.bsky.actor.getProfile", what, "actor", did);
        if (!answer.ok()) {
            throw errors.failure(answer, what);
        }
        JsonNode profile = errors.parse(answer, what);
        Long followers = ProviderJson.count(profile, "followersCount");
        if (followers == null) {
            return Optional.empty();
        }
        return Optional.of(new AccountMetrics(
                followers,
                ProviderJson.count(profile, "followsCount"),
                ProviderJson.count(profile, "postsCount"),
                clock.instant()));
    }
}
