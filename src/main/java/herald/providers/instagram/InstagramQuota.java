package herald.providers.instagram;

import herald.providers.ProviderException;
import herald.providers.meta.GraphClient;
import herald.providers.meta.GraphTime;
import herald.vault.Secret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Instagram's 24-hour publishing quota (platform-contracts.md 3.1), read before a container is created. */
final class InstagramQuota {

    private final GraphClient graph;
    private final Clock clock;

    InstagramQuota(GraphClient graph, Clock clock) {
        this.graph = graph;
        this.clock = clock;
    }

    /**
     * Refuses, before anything is created, when the account used its 24-hour publishing quota
     * ({@code content_publishing_limit}), with the wait until its oldest post in the window leaves it.
     */
    void require(Secret token, String user) {
        Instant now = clock.instant();
        var query = new LinkedHashMap<String, String>();
        query.put("fields", "quota_usage,config");
        query.put("since", String.valueOf(now.minus(Duration.ofDays(1)).getEpochSecond()));
        JsonNode limit = graph.get(user + "/content_publishing_limit", query, token, "the publishing quota", user)
                .path("data")
                .path(0);
        long used = limit.path("quota_usage").asLong(0);
        long total = limit.path("config").path("quota_total").asLong(Long.MAX_VALUE);
        long seconds = limit.path("config").path("quota_duration").asLong(86_400);
        if (used < total) {
            return;
        }
        Duration window = Duration.ofSeconds(seconds);
        Duration wait = oldestSince(token, user, now.minus(window))
                .map(oldest -> Duration.between(now, oldest.plus(window)))
                .filter(d -> !d.isNegative())
                .orElse(Duration.ofHours(1));
        throw ProviderException.rateLimited(
                InstagramProvider.ID,
                "Instagram allows " + total + " API-published posts per " + window.toHours() + " hours and the account"
                        + " has used " + used + "; Herald publishes when the oldest leaves the window, in about "
                        + Math.max(1, wait.toMinutes()) + " minutes.",
                wait.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : wait);
    }

    private Optional<Instant> oldestSince(Secret token, String user, Instant since) {
        var query = new LinkedHashMap<String, String>();
        query.put("fields", "id,timestamp");
        query.put("since", String.valueOf(since.getEpochSecond()));
        query.put("limit", "100");
        Instant oldest = null;
        for (JsonNode item : graph.get(user + "/media", query, token, "the account's recent media", user)
                .path("data")) {
            Instant at = GraphTime.parse(item.path("timestamp").asString(null));
            if (at != null && at.isAfter(since) && (oldest == null || at.isBefore(oldest))) {
                oldest = at;
            }
        }
        return Optional.ofNullable(oldest);
    }
}
