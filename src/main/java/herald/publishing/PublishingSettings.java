package herald.publishing;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code herald.publishing.*}: how the dispatcher retries, and how many calls it has in flight at once.
 *
 * @param maxAttempts calls to the platform per target before it fails (or, when unsure, becomes unknown)
 * @param backoff the first wait after a transient failure; doubled per attempt, with jitter, up to {@code maxBackoff}
 * @param rateLimitWait the wait after a 429 that named no reset time
 * @param perAccount calls in flight per connected account, across all nodes
 * @param perWorkspace calls in flight per workspace, across all nodes: what keeps a workspace with thousands of due
 *     posts from holding every dispatcher thread while another's few wait
 * @param perPlatform calls in flight per platform (provider id → cap), across all workspaces and nodes: what keeps
 *     Herald inside a platform's app-wide limits
 * @param perPlatformDefault the cap of a platform not named in {@code perPlatform}
 * @param inFlightFor how long an unfinished attempt counts as in flight (longer than any platform call)
 * @param overdueSweep how often the safety net looks for targets whose job was lost
 * @param lead how long before its instant a target's job is due: about db-scheduler's polling interval, so that the
 *     polling node waits for the instant instead of finding the job up to one interval late
 * @param mediaLinkLifetime how long the signed media URLs given to a platform stay valid
 * @param commentPoll how often a node looks for first comments to write under posts just published
 * @param commentConcurrency how many first comments the node writing them has in flight at once
 * @param outcomeBatch the most published outcomes one call writes ({@link PublishedOutcomes}); 1 writes each in its
 *     dispatcher thread, as its own call
 * @param outcomeLinger how long the outcomes' writer waits for more when it finds fewer than a batch queued
 * @param claimBatch the most claims of dispatcher threads one call makes ({@link BatchedClaims}); 1 claims each in its
 *     own thread and transaction
 * @param claimLinger how long the claimer waits for more claims when it finds fewer than a batch queued
 */
@ConfigurationProperties("herald.publishing")
record PublishingSettings(
        @DefaultValue("6") int maxAttempts,
        @DefaultValue("2s") Duration backoff,
        @DefaultValue("5m") Duration maxBackoff,
        @DefaultValue("60s") Duration rateLimitWait,
        @DefaultValue("2") int perAccount,
        @DefaultValue("4") int perWorkspace,
        @DefaultValue Map<String, Integer> perPlatform,
        @DefaultValue("50") int perPlatformDefault,
        @DefaultValue("2m") Duration inFlightFor,
        @DefaultValue("30s") Duration overdueSweep,
        @DefaultValue("1h") Duration mediaLinkLifetime,
        @DefaultValue("1s") Duration lead,
        @DefaultValue("2s") Duration commentPoll,
        @DefaultValue("8") int commentConcurrency,
        @DefaultValue("32") int outcomeBatch,
        @DefaultValue("20ms") Duration outcomeLinger,
        @DefaultValue("32") int claimBatch,
        @DefaultValue("2ms") Duration claimLinger) {

    int capOf(String provider) {
        return perPlatform.getOrDefault(provider, perPlatformDefault);
    }
}
