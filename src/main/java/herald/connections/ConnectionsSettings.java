package herald.connections;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The token lifecycle's timing.
 *
 * @param refreshAhead a token expiring within this is refreshed before it is used
 * @param stateLifetime how long a started connect may be completed
 * @param sweepInterval how often the sweep looks for tokens to refresh ahead of expiry
 * @param refreshAttempts attempts of a refresh triggered by a use before a transient failure is given up
 * @param refreshBackoff the wait after the first failed attempt, doubled after each
 * @param maxRetryDelay the longest the sweep waits before trying a failing connection again
 * @param refreshLease how long one node's claim to refresh a connection holds; longer than any provider call can
 *     take (connect plus read timeout), so a claim never lapses while its call may still succeed
 * @param reconnectWarning how long before a token that cannot be refreshed expires people are asked to reconnect
 */
@ConfigurationProperties("herald.connections")
public record ConnectionsSettings(
        @DefaultValue("10m") Duration refreshAhead,
        @DefaultValue("10m") Duration stateLifetime,
        @DefaultValue("5m") Duration sweepInterval,
        @DefaultValue("3") int refreshAttempts,
        @DefaultValue("500ms") Duration refreshBackoff,
        @DefaultValue("1h") Duration maxRetryDelay,
        @DefaultValue("1m") Duration refreshLease,
        @DefaultValue("7d") Duration reconnectWarning) {

    /** The sweep refreshes what would otherwise become due for a use-triggered refresh before it next runs. */
    Duration sweepHorizon() {
        return refreshAhead.plus(sweepInterval).plus(sweepInterval);
    }
}
