package herald.providers.mastodon;

import herald.providers.AccountMetrics;
import herald.providers.PlatformAnswer;
import herald.providers.PostMetrics;
import herald.providers.ProviderJson;
import herald.vault.Secret;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What Mastodon counts: a status's favourites, boosts, replies (and quotes, from 4.5) from {@code GET
 * /api/v1/statuses/:id}, and an account's followers, follows and statuses from {@code GET /api/v1/accounts/:id}. The
 * counts are the account's server's: boosts and favourites from other servers reach it as they federate.
 */
final class MastodonMetrics {

    /** Mastodon's names of a status's counts, and Herald's (as Bluesky's are named). */
    private static final Map<String, String> POST_COUNTS = Map.of(
            "favourites_count", "likes",
            "reblogs_count", "reposts",
            "replies_count", "replies",
            "quotes_count", "quotes");

    private final MastodonApi api;
    private final MastodonErrors errors;
    private final JsonMapper json;
    private final Clock clock;

    MastodonMetrics(MastodonApi api, MastodonErrors errors, JsonMapper json, Clock clock) {
        this.api = api;
        this.errors = errors;
        this.json = json;
        this.clock = clock;
    }

    /** The status's counts; empty when the server no longer has it (404: deleted). */
    Optional<PostMetrics> post(Secret token, String statusId) {
        MastodonCredential account = MastodonCredential.unpack(json, token);
        String what = "the post's counts";
        PlatformAnswer answer =
                api.get(account.server(), account.accessToken(), "/api/v1/statuses/" + encode(statusId), what);
        if (answer.status() == 404) {
            return Optional.empty();
        }
        if (!answer.ok()) {
            throw errors.failure(answer, what);
        }
        JsonNode status = errors.parse(answer, what);
        Map<String, Long> counts = new LinkedHashMap<>();
        POST_COUNTS.forEach((field, name) -> {
            Long count = ProviderJson.count(status, field);
            if (count != null) {
                counts.put(name, count);
            }
        });
        return Optional.of(new PostMetrics(counts, clock.instant()));
    }

    /**
     * The account's followers, follows and statuses.
     *
     * @param accountId the account as discovered: {@code {id}@{server}}
     */
    Optional<AccountMetrics> account(Secret token, String accountId) {
        MastodonCredential account = MastodonCredential.unpack(json, token);
        int at = accountId.indexOf('@');
        String id = at < 0 ? accountId : accountId.substring(0, at);
        String what = "the account's followers";
        PlatformAnswer answer =
                api.get(account.server(), account.accessToken(), "/api/v1/accounts/" + encode(id), what);
        if (answer.status() == 404) {
            return Optional.empty();
        }
        if (!answer.ok()) {
            throw errors.failure(answer, what);
        }
        JsonNode profile = errors.parse(answer, what);
        Long followers = ProviderJson.count(profile, "followers_count");
        if (followers == null) {
            return Optional.empty();
        }
        return Optional.of(new AccountMetrics(
                followers,
                ProviderJson.count(profile, "following_count"),
                ProviderJson.count(profile, "statuses_count"),
                clock.instant()));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
