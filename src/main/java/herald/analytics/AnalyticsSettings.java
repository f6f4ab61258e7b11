package herald.analytics;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code herald.analytics.*}: when a published post's figures are read, and how much one sweep reads.
 *
 * @param collect whether this node runs the sweep (tests turn it off and call it themselves)
 * @param sweepEvery the pause between two sweeps
 * @param reads the ages of a post at which its figures are read, ascending; after the last, no more
 * @param batch the most readings one sweep makes
 * @param perConnection the most readings one sweep makes with one connection's token (the platforms' read limits)
 * @param retryAfter the wait before reading again after a transient failure or a rate limit without a time
 * @param backfill how far back the sweep looks in a workspace it has not tracked before
 * @param refreshEvery how soon a person may ask for a post's figures again
 * @param audienceEvery the pause between two runs of the audience snapshot (one snapshot per connection and day)
 * @param audienceBatch the most accounts one run reads
 */
@ConfigurationProperties("herald.analytics")
record AnalyticsSettings(
        @DefaultValue("true") boolean collect,
        @DefaultValue("1m") Duration sweepEvery,
        @DefaultValue({"1h", "6h", "1d", "3d", "7d", "30d"}) List<Duration> reads,
        @DefaultValue("200") int batch,
        @DefaultValue("50") int perConnection,
        @DefaultValue("15m") Duration retryAfter,
        @DefaultValue("31d") Duration backfill,
        @DefaultValue("5m") Duration refreshEvery,
        @DefaultValue("1h") Duration audienceEvery,
        @DefaultValue("500") int audienceBatch) {

    AnalyticsSettings {
        reads = List.copyOf(reads);
        if (reads.isEmpty()) {
            throw new IllegalArgumentException("herald.analytics.reads needs at least one age");
        }
        for (int i = 1; i < reads.size(); i++) {
            if (reads.get(i).compareTo(reads.get(i - 1)) <= 0) {
                throw new IllegalArgumentException("herald.analytics.reads must be ascending: " + reads);
            }
        }
    }
}
