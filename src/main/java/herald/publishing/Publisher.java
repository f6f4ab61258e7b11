package herald.publishing;

import herald.connections.AccessTokens;
import herald.connections.ConnectionNotActive;
import herald.database.TenantScope;
import herald.providers.Providers;
import herald.providers.PublishedPost;
import herald.shared.NotFound;
import herald.shared.WorkspaceId;
import herald.vault.VaultException;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Publishes one target, effectively once (docs/adr/0008): claim and journal the attempt with the next fence in one
 * short transaction; call the platform outside any transaction ({@link PlatformCall}); write the outcome in a second one, only if the fence
 * is still this attempt's. An attempt found unfinished (its node died mid-call) or that ended without an answer makes
 * every later attempt reconcile first: the platform's recent posts are searched for this one, and it is published
 * again only when provably absent.
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

    private final Attempts attempts;
    private final DailyQuota quota;
    private final TenantScope tenants;
    private final AccessTokens tokens;
    private final Providers providers;
    private final PlatformCall platform;
    private final ShortLinks shortLinks;
    private final OutcomeEntries entries;
    private final PublishedOutcomes published;
    private final ApplicationEventPublisher events;
    private final PublishingSettings settings;
    private final Clock clock;
    private final String node = ManagementFactory.getRuntimeMXBean().getName();

    Publisher(
            Attempts attempts,
            DailyQuota quota,
            TenantScope tenants,
            AccessTokens tokens,
            Providers providers,
            PlatformCall platform,
            ShortLinks shortLinks,
            OutcomeEntries entries,
            PublishedOutcomes published,
            ApplicationEventPublisher events,
            PublishingSettings settings,
            Clock clock) {
        this.attempts = attempts;
        this.quota = quota;
        this.tenants = tenants;
        this.tokens = tokens;
        this.providers = providers;
        this.platform = platform;
        this.shortLinks = shortLinks;
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
        Object claimed = claim(workspace, target);
        if (claimed instanceof Next next && next.early() && waitUntil(next.at())) {
            claimed = claim(workspace, target);
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
        Instant now = clock.instant();
        try {
            return tenants.call(workspace, () -> claimLocked(workspace, target, now));
        } catch (NothingWritten unwritten) {
            return unwritten.next;
        }
    }

    /**
     * Ends a claim that wrote nothing (the target is done, not yet due, or held back by a cap) by rolling its
     * transaction back: it only took row locks, and a commit would flush them to the WAL for nothing.
     */
    private static final class NothingWritten extends RuntimeException {
        private final Next next;

        NothingWritten(Next next) {
            super(null, null, false, false);
            this.next = next;
        }
    }

    private Object claimLocked(WorkspaceId workspace, TargetId target, Instant now) {
        var found = attempts.lockDue(workspace, target);
        if (found.isEmpty()) {
            throw new NothingWritten(Next.DONE); // edited away or deleted: the edit scheduled new targets
        }
        Attempts.Due due = found.get();
        // A held target waits for its account's resume, which dispatches it again (Pausing): this job ends here.
        if (due.status().finished()
                || due.status() == TargetStatus.HELD
                || due.postStatus() == PostStatus.CANCELLED
                || due.postStatus() == PostStatus.DRAFT
                || due.postStatus() == PostStatus.PENDING_APPROVAL) {
            throw new NothingWritten(Next.DONE);
        }
        if (due.dueAt() != null && due.dueAt().isAfter(now.plusMillis(20))) {
            // Picked up ahead of its instant (jobs are due a polling interval early, see Dispatch), or
            // rescheduled later by an edit.
            throw new NothingWritten(new Next(due.dueAt(), true));
        }
        int fence = due.fence() + 1;
        DailyQuota.Day day = quota.day(workspace, now);
        Attempts.Claimed claimed = attempts.claim(
                workspace,
                due.post(),
                target,
                due.connection(),
                due.provider(),
                fence,
                due.reconcileSince(),
                new Attempts.Caps(settings.perAccount(), settings.perWorkspace(), settings.capOf(due.provider())),
                now.minus(settings.inFlightFor()),
                day.from(),
                day.to(),
                node,
                now);
        if (!claimed.taken()) {
            // Deferred behind the targets due meanwhile: other workspaces' due posts run first (fairness).
            throw new NothingWritten(
                    new Next(now.plusMillis(500 + ThreadLocalRandom.current().nextLong(1000))));
        }
        // Reconciling from the target's own reconcile_since, else from the start of an attempt that began and
        // never finished (its call may have reached the platform). A post that may already be on the platform is
        // reconciled whatever today's count: it was counted then.
        Instant reconcileSince = claimed.reconcileSince();
        String refused = reconcileSince == null
                ? quota.refusal(day, claimed.postsToday()).orElse(null)
                : null;
        AccessTokens.@Nullable Opened token = null;
        String tokenRefused = null;
        if (refused == null && providers.find(due.provider()).isPresent()) {
            // The token is read and opened here, so that its read and its audit entry commit with the claim, in
            // the one commit the claim needs anyway (a token due for a refresh is left to the call).
            try {
                token = tokens.openInTransaction(workspace, due.connection()).orElse(null);
            } catch (ConnectionNotActive | NotFound e) {
                tokenRefused = e.getMessage();
            } catch (VaultException e) {
                // Nothing was opened or recorded; the call tries again outside and retries as before.
                log.warn("The token of a target of post {} did not open in the claim", due.post());
            }
        }
        LinkTagging.Tagged content =
                PlatformCall.content(due, reconcileSince == null ? now : reconcileSince, day.zone());
        if (due.shortLinks()
                && due.format() == herald.providers.PostFormat.POST
                && refused == null
                && tokenRefused == null) {
            // Written with the claim: every attempt finds the same codes, and publishes the same text. A story
            // publishes no text, so it gets no short links.
            content = shortLinks.shorten(workspace, due.post(), target, due.provider(), content);
        }
        return new Claim(
                due.post(),
                target,
                fence,
                due.attempts() + 1,
                due,
                reconcileSince,
                now,
                refused,
                token,
                tokenRefused,
                day.zone(),
                content);
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
        boolean applied = attempts.complete(
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
                events.publishEvent(new PostPublished(
                        workspace,
                        claim.post(),
                        target,
                        due.provider(),
                        p.post().url(),
                        now,
                        due.format()));
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
