package herald.publishing;

import herald.providers.PublishedPost;
import herald.shared.WorkspaceId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Publishes one target, effectively once (docs/adr/0008): claim and journal the attempt with the next fence in one
 * short transaction ({@link Claims}; a job's with the other claims queued meanwhile, {@link BatchedClaims}); call the
 * platform outside any transaction ({@link PlatformCall}); write the outcome in a second one, only if the fence is
 * still this attempt's (published ones in batches, {@link PublishedOutcomes}). An attempt found unfinished (its node
 * died mid-call) or that ended without an answer makes every later attempt reconcile first: the platform's recent
 * posts are searched for this one, and it is published again only when provably absent.
 */
@Component
class Publisher {

    private static final Logger log = LoggerFactory.getLogger(Publisher.class);

    /** What the job does next: nothing, or run again at a time. */
    record Next(@Nullable Instant at, boolean early, boolean jobEnded) {
        static final Next DONE = new Next(null, false, false);

        /** Done, and the target's job was deleted with the outcome, in the outcome's own transaction. */
        static final Next ENDED = new Next(null, false, true);

        Next(@Nullable Instant at) {
            this(at, false, false);
        }

        Next(@Nullable Instant at, boolean early) {
            this(at, early, false);
        }
    }

    sealed interface Outcome {
        record Published(PublishedPost post, boolean reconciled) implements Outcome {}

        record Retry(Instant at, String reason, boolean ambiguous) implements Outcome {}

        record Failed(String reason) implements Outcome {}

        record Unknown(String explanation) implements Outcome {}
    }

    private final Claims claims;
    private final BatchedClaims batched;
    private final OutcomeRows outcomes;
    private final PlatformCall platform;
    private final OutcomeEntries entries;
    private final PublishedOutcomes published;
    private final ApplicationEventPublisher events;
    private final PublishingSettings settings;
    private final Clock clock;

    Publisher(
            Claims claims,
            BatchedClaims batched,
            OutcomeRows outcomes,
            PlatformCall platform,
            OutcomeEntries entries,
            PublishedOutcomes published,
            ApplicationEventPublisher events,
            PublishingSettings settings,
            Clock clock) {
        this.claims = claims;
        this.batched = batched;
        this.outcomes = outcomes;
        this.platform = platform;
        this.entries = entries;
        this.published = published;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
    }

    /** Publishes the target, and returns once its outcome is written. */
    Next publish(WorkspaceId workspace, TargetId target) {
        return publish(workspace, target, true);
    }

    /**
     * Publishes the target as its job: a published outcome is handed to {@link PublishedOutcomes}, which writes it
     * with the others of its batch and ends the job, while this thread goes on to its next job.
     */
    Next dispatch(WorkspaceId workspace, TargetId target) {
        return publish(workspace, target, false);
    }

    private Next publish(WorkspaceId workspace, TargetId target, boolean wait) {
        // A job's claim is made with the others queued meanwhile (BatchedClaims); a caller that waits claims alone.
        Supplier<Object> claiming = wait ? () -> claim(workspace, target) : () -> batched.claim(workspace, target);
        Object claimed = claiming.get();
        if (claimed instanceof Next next && next.early() && waitUntil(next.at())) {
            claimed = claiming.get();
        }
        if (claimed instanceof Next next) {
            return next;
        }
        Claim claim = (Claim) claimed;
        Outcome outcome = platform.call(workspace, claim);
        if (outcome instanceof Outcome.Published p && published.batching()) {
            var applied = published.submit(workspace, target, claim, p, wait);
            // Not waited for by a job: the writer ends the job with the outcome; should it not, the job is taken over
            // once it is no longer heartbeated, and its next attempt reconciles.
            return !wait || applied.join() ? Next.ENDED : Next.DONE;
        }
        return complete(workspace, target, claim, outcome);
    }

    /**
     * Waits for an instant at most one lead ({@code herald.publishing.lead}, the polling interval) away, outside any
     * transaction: the job was polled early so that the platform is called on time, not up to a polling interval
     * late. False, without waiting, for anything later (an edit moved the post): the job is rescheduled instead.
     */
    private boolean waitUntil(@Nullable Instant at) {
        if (at == null) {
            return false;
        }
        long millis = Duration.between(clock.instant(), at).toMillis();
        if (millis > settings.lead().toMillis() + 250) {
            return false;
        }
        try {
            Thread.sleep(Math.max(0, millis));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Either a {@link Claim} to call the platform with, or the {@link Next} step when there is nothing to call. */
    Object claim(WorkspaceId workspace, TargetId target) {
        return claims.claim(workspace, target);
    }

    Next complete(WorkspaceId workspace, TargetId target, Claim claim, Outcome outcome) {
        Instant now = clock.instant();
        Attempts.Due due = claim.due();
        // A published outcome commits without waiting for its WAL flush: should the database lose it in a crash, the
        // target is back to an unfinished attempt, which the next attempt reconciles (the platform shows the post).
        // Every other outcome is flushed before anyone hears of it (docs/adr/0008, addendum "Speed").
        boolean durable = !(outcome instanceof Outcome.Published);
        AttemptOutcome written =
                switch (outcome) {
                    case Outcome.Published p ->
                        AttemptOutcome.published(
                                p.reconciled(), p.post().id(), p.post().url());
                    case Outcome.Retry r ->
                        AttemptOutcome.retry(r.reason(), r.at(), r.ambiguous() ? claim.reconcileFrom() : null);
                    case Outcome.Failed f -> AttemptOutcome.failed(f.reason());
                    case Outcome.Unknown u -> AttemptOutcome.unknown(u.explanation(), claim.reconcileFrom());
                };
        boolean applied = outcomes.complete(
                durable,
                workspace,
                claim.post(),
                target,
                claim.fence(),
                written,
                now,
                entries.of(workspace, target, claim, outcome));
        if (!applied) {
            log.info(
                    "Attempt {} of a target of post {} was overtaken by a newer one; its outcome was not applied",
                    claim.fence(),
                    claim.post());
            return Next.DONE;
        }
        switch (outcome) {
            case Outcome.Published p ->
                events.publishEvent(
                        PostPublished.of(workspace, target, claim, p.post().url(), now));
            case Outcome.Failed f ->
                events.publishEvent(
                        new PostFailed(workspace, claim.post(), target, due.provider(), f.reason(), now, due.format()));
            case Outcome.Unknown u ->
                events.publishEvent(new PostNeedsAttention(
                        workspace, claim.post(), target, due.provider(), u.explanation(), now, due.format()));
            case Outcome.Retry r -> {
                return new Next(r.at());
            }
        }
        return Next.ENDED;
    }
}
