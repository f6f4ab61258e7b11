package herald.webhooks;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code herald.webhooks.*}: where deliveries may go, and how they are retried.
 *
 * @param deliver whether this node sends deliveries (tests turn it off so that a cached context leaves a test's
 *     deliveries alone); a node that does not still records them for the nodes that do
 * @param allowedHosts hosts an endpoint may use although they are internal or plain {@code http} (a receiver on the
 *     operator's own network, a test's stub); any other internal address is refused
 * @param maxEndpoints endpoints one workspace may have
 * @param maxAttempts attempts of one delivery before it fails for good
 * @param firstRetry the wait before the second attempt; each later wait is four times the one before, up to {@code
 *     maxRetry}
 * @param maxRetry the longest wait between two attempts
 * @param connectTimeout how long a connection to an endpoint may take
 * @param readTimeout how long an endpoint may take to answer
 * @param retention how long ended deliveries stay in the log
 * @param subscriptionsTtl how long a node trusts its copy of a workspace's endpoints (a change made on another node
 *     reaches this one within it; the node that made it knows at once)
 */
@ConfigurationProperties("herald.webhooks")
record WebhookSettings(
        @DefaultValue("true") boolean deliver,
        @DefaultValue List<String> allowedHosts,
        @DefaultValue("10") int maxEndpoints,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("30s") Duration firstRetry,
        @DefaultValue("6h") Duration maxRetry,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("30d") Duration retention,
        @DefaultValue("15s") Duration subscriptionsTtl) {

    /** The wait after the {@code attempts}-th failed attempt. */
    Duration retryAfter(int attempts) {
        Duration wait = firstRetry;
        for (int i = 1; i < attempts && wait.compareTo(maxRetry) < 0; i++) {
            wait = wait.multipliedBy(4);
        }
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }
}
