package herald.inbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code herald.inbox.*}: when the comments under a published post are read, and how much one sweep reads. A post is
 * read {@code firstRead} after it is published, then again after a twelfth of its age, but no sooner than {@code
 * soonest} and no later than {@code latest}, until it is {@code window} old: every 2 minutes in its first half hour,
 * every 2 hours on its first day, every 6 hours after three days.
 *
 * @param collect whether this node runs the sweep (tests turn it off and call it themselves)
 * @param sweepEvery the pause between two sweeps
 * @param firstRead how long after publishing the first reading is made
 * @param soonest the shortest wait between two readings of a post
 * @param latest the longest wait between two readings of a post
 * @param window how long after publishing its comments are read; none after
 * @param backfill how far back the sweep looks in a workspace it has not watched before
 * @param batch the most posts one sweep reads
 * @param perConnection the most posts one sweep reads with one connection's token (the platforms' read limits)
 * @param perPost the most comments read in one reading of a post (the newest)
 * @param retryAfter the wait before reading again after a transient failure or a rate limit without a time
 * @param checkEvery how soon a person may ask to check the workspace's inbox again
 */
@ConfigurationProperties("herald.inbox")
record InboxSettings(
        @DefaultValue("true") boolean collect,
        @DefaultValue("1m") Duration sweepEvery,
        @DefaultValue("2m") Duration firstRead,
        @DefaultValue("2m") Duration soonest,
        @DefaultValue("6h") Duration latest,
        @DefaultValue("14d") Duration window,
        @DefaultValue("3d") Duration backfill,
        @DefaultValue("200") int batch,
        @DefaultValue("25") int perConnection,
        @DefaultValue("50") int perPost,
        @DefaultValue("15m") Duration retryAfter,
        @DefaultValue("1m") Duration checkEvery) {

    InboxSettings {
        if (soonest.compareTo(latest) > 0) {
            throw new IllegalArgumentException("herald.inbox.soonest must not be after herald.inbox.latest");
        }
        if (perPost < 1 || perPost > 100) {
            throw new IllegalArgumentException("herald.inbox.per-post must be 1 to 100");
        }
    }
}
