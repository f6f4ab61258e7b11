package herald.providers.meta;

import herald.providers.ProviderException;
import herald.providers.ProviderJson;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How close Herald is to Meta's rate limits, read from the usage headers of every Graph answer ({@code X-App-Usage}
 * for the app, {@code X-Business-Use-Case-Usage} and {@code X-Page-Usage} for a Page or Instagram account), so Herald
 * slows down before Meta says stop: once a figure reaches the threshold (90% by default), calls for that app or
 * account are refused here with {@code RATE_LIMITED} and a wait computed from the header, without calling Meta.
 *
 * <p>The state is per node and in memory: Meta's figures are about the app as a whole, and every node reads them from
 * its own answers, so each node learns them within one call. Facebook and Instagram share it, as they share the app.
 */
@Component
public class GraphUsage {

    private final double threshold;
    private final Duration window;
    private final JsonMapper json;
    private final Clock clock;
    private final Map<String, Instant> blockedUntil = new ConcurrentHashMap<>();
    private final Map<String, String> why = new ConcurrentHashMap<>();

    public GraphUsage(
            @Value("${herald.providers.facebook.usage-threshold:90}") double threshold,
            @Value("${herald.providers.facebook.usage-window:1h}") Duration window,
            JsonMapper json,
            Clock clock) {
        this.threshold = threshold;
        this.window = window;
        this.json = json;
        this.clock = clock;
    }

    /** Refuses a call for {@code keys} (the app, the Page or account) while Herald holds back for one of them. */
    void check(String provider, String platform, String... keys) {
        Instant now = clock.instant();
        for (String key : keys) {
            Instant until = blockedUntil.get(key);
            if (until != null && until.isAfter(now)) {
                throw ProviderException.rateLimited(
                        provider,
                        platform + " reported " + why.getOrDefault(key, "high usage") + "; Herald holds back its calls"
                                + " until the usage falls again, before " + platform + " throttles the account.",
                        Duration.between(now, until));
            }
        }
    }

    /** Records the usage an answer reported, for the app {@code appKey} and the Page or account {@code subject}. */
    void record(HttpHeaders headers, String appKey, @Nullable String subject) {
        JsonNode app = read(headers.getFirst("x-app-usage"));
        if (app != null) {
            update(appKey, percent(app), 0, "app usage at " + Math.round(percent(app)) + "% (X-App-Usage)");
        }
        JsonNode page = read(headers.getFirst("x-page-usage"));
        if (page != null && subject != null) {
            update(subject, percent(page), 0, "Page usage at " + Math.round(percent(page)) + "% (X-Page-Usage)");
        }
        JsonNode business = read(headers.getFirst("x-business-use-case-usage"));
        if (business != null && business.isObject()) {
            double worst = 0;
            long regain = 0;
            for (Iterator<Map.Entry<String, JsonNode>> it =
                            business.properties().iterator();
                    it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                double percent = 0;
                long minutes = 0;
                for (JsonNode usage : entry.getValue()) {
                    percent = Math.max(percent, percent(usage));
                    minutes = Math.max(
                            minutes,
                            usage.path("estimated_time_to_regain_access").asLong(0));
                }
                update(entry.getKey(), percent, minutes, businessWhy(percent));
                worst = Math.max(worst, percent);
                regain = Math.max(regain, minutes);
            }
            // The header may name a business rather than the Page called: the Page inherits the worst figure.
            if (subject != null && !business.has(subject)) {
                update(subject, worst, regain, businessWhy(worst));
            }
        }
    }

    /** The wait Meta estimates in {@code X-Business-Use-Case-Usage} ({@code estimated_time_to_regain_access}, minutes). */
    @Nullable
    Duration regainAccess(HttpHeaders headers) {
        JsonNode business = read(headers.getFirst("x-business-use-case-usage"));
        if (business == null) {
            return null;
        }
        long minutes = 0;
        for (JsonNode entries : business) {
            for (JsonNode usage : entries) {
                minutes = Math.max(
                        minutes, usage.path("estimated_time_to_regain_access").asLong(0));
            }
        }
        return minutes > 0 ? Duration.ofMinutes(minutes) : null;
    }

    private void update(String key, double percent, long regainMinutes, String reason) {
        if (percent < threshold && regainMinutes <= 0) {
            blockedUntil.remove(key);
            why.remove(key);
            return;
        }
        Duration wait = Duration.ofMinutes(regainMinutes);
        // Usage is counted over a rolling window: calls leave it evenly, so falling from p% below the threshold
        // takes about window × (p − threshold) / p. At least a minute, so a call at the threshold does not spin.
        Duration computed =
                Duration.ofMillis((long) (window.toMillis() * (percent - threshold) / Math.max(percent, 1)));
        if (computed.compareTo(wait) > 0) {
            wait = computed;
        }
        if (wait.compareTo(Duration.ofMinutes(1)) < 0) {
            wait = Duration.ofMinutes(1);
        }
        blockedUntil.put(key, clock.instant().plus(wait));
        why.put(key, reason);
    }

    private static String businessWhy(double percent) {
        return "the account's usage at " + Math.round(percent) + "% (X-Business-Use-Case-Usage)";
    }

    private static double percent(JsonNode usage) {
        return Math.max(
                usage.path("call_count").asDouble(0),
                Math.max(
                        usage.path("total_cputime").asDouble(0),
                        usage.path("total_time").asDouble(0)));
    }

    private @Nullable JsonNode read(@Nullable String header) {
        return ProviderJson.tree(json, header);
    }
}
