package herald.publishing;

import java.net.URI;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An outcome as {@link OutcomeRows#complete} writes it: the target's status, the journal's word for it and its detail, the
 * platform's post, the next attempt's instant (a retry) and the instant a later attempt reconciles from, and
 * whether it ends the target's job (a final outcome).
 */
record AttemptOutcome(
        TargetStatus status,
        String outcome,
        @Nullable String detail,
        @Nullable String platformId,
        @Nullable URI url,
        @Nullable Instant dueAt,
        @Nullable Instant reconcileSince,
        boolean endJob) {

    static AttemptOutcome published(boolean reconciled, String platformId, URI url) {
        return new AttemptOutcome(
                TargetStatus.PUBLISHED,
                reconciled ? "reconciled" : "published",
                null,
                platformId,
                url,
                null,
                null,
                true);
    }

    static AttemptOutcome retry(String reason, Instant at, @Nullable Instant reconcileSince) {
        return new AttemptOutcome(TargetStatus.SCHEDULED, "retry", reason, null, null, at, reconcileSince, false);
    }

    static AttemptOutcome failed(String reason) {
        return new AttemptOutcome(TargetStatus.FAILED, "failed", reason, null, null, null, null, true);
    }

    static AttemptOutcome unknown(String explanation, Instant reconcileSince) {
        return new AttemptOutcome(TargetStatus.UNKNOWN, "unknown", explanation, null, null, null, reconcileSince, true);
    }
}
