package herald.feeds;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code herald.feeds.*}: how often feeds are checked, and what a fetch may reach and take.
 *
 * @param poll whether this node runs the sweep that checks due feeds (tests turn it off and check feeds themselves)
 * @param sweepEvery how often the sweep looks for due feeds
 * @param every how long after a good check a feed is checked again
 * @param maxBackoff the longest wait after failed checks (the wait doubles with each failure in a row)
 * @param maxFailures failed checks in a row after which a feed is paused with the reason
 * @param perSweep feeds one sweep checks at most
 * @param maxItemsPerCheck new items turned into posts by one check, oldest first; the rest wait for the next
 * @param maxFeeds feeds one workspace may have
 * @param allowedHosts hosts a feed may be fetched from although they resolve to internal addresses (a feed on the
 *     operator's own network, a test's stub); any other internal address is refused
 * @param maxBytes the largest feed document read
 * @param connectTimeout how long connecting may take
 * @param readTimeout how long the server may be silent while answering
 * @param fetchTimeout how long one fetch may take in all, however slowly the body trickles in
 */
@ConfigurationProperties("herald.feeds")
record FeedSettings(
        @DefaultValue("true") boolean poll,
        @DefaultValue("1m") Duration sweepEvery,
        @DefaultValue("15m") Duration every,
        @DefaultValue("24h") Duration maxBackoff,
        @DefaultValue("10") int maxFailures,
        @DefaultValue("100") int perSweep,
        @DefaultValue("5") int maxItemsPerCheck,
        @DefaultValue("50") int maxFeeds,
        @DefaultValue List<String> allowedHosts,
        @DefaultValue("2097152") int maxBytes,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("20s") Duration fetchTimeout) {

    /** The wait before the next check after {@code failures} failed checks in a row (none: the usual interval). */
    Duration waitAfter(int failures) {
        Duration wait = every;
        for (int i = 0; i < failures && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
