package herald.publishing;

import herald.connections.AccessTokens;
import herald.connections.ConnectionNotActive;
import herald.database.TenantScope;
import herald.providers.Providers;
import herald.shared.NotFound;
import herald.shared.WorkspaceId;
import herald.vault.VaultException;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The claim of an attempt (docs/adr/0008): in one short transaction, the target and its post are locked and read, the
 * caps and the day's quota are counted, and, when the target is due and every cap has room, the attempt is journaled
 * with the next fence, the target handed to it, its token read and opened, and its short links written. A claim that
 * writes nothing rolls back.
 */
@Component
class Claims {

    private static final Logger log = LoggerFactory.getLogger(Claims.class);

    /** How far ahead of its instant a target is already due: less than a claim takes. */
    static final int EARLY_MILLIS = 20;

    private final Attempts attempts;
    private final DailyQuota quota;
    private final TenantScope tenants;
    private final AccessTokens tokens;
    private final Providers providers;
    private final ShortLinks shortLinks;
    private final PublishingSettings settings;
    private final Clock clock;
    private final String node = ManagementFactory.getRuntimeMXBean().getName();

    Claims(
            Attempts attempts,
            DailyQuota quota,
            TenantScope tenants,
            AccessTokens tokens,
            Providers providers,
            ShortLinks shortLinks,
            PublishingSettings settings,
            Clock clock) {
        this.attempts = attempts;
        this.quota = quota;
        this.tenants = tenants;
        this.tokens = tokens;
        this.providers = providers;
        this.shortLinks = shortLinks;
        this.settings = settings;
        this.clock = clock;
    }

    /** Either a {@link Claim} to call the platform with, or the {@link Publisher.Next} step when there is nothing to call. */
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
        private final Publisher.Next next;

        NothingWritten(Publisher.Next next) {
            super(null, null, false, false);
            this.next = next;
        }
    }

    /**
     * The step of a target no claim takes, whatever the caps: done when it is finished, held (it waits for its
     * account's resume, which dispatches it again, see Pausing) or its post is cancelled, a draft or awaiting approval;
     * early when it is not due yet. Empty when it may be claimed. herald_claim_targets (V174) decides the same in SQL.
     */
    static Optional<Publisher.Next> unclaimable(Attempts.Due due, Instant now) {
        if (due.status().finished()
                || due.status() == TargetStatus.HELD
                || due.postStatus() == PostStatus.CANCELLED
                || due.postStatus() == PostStatus.DRAFT
                || due.postStatus() == PostStatus.PENDING_APPROVAL) {
            return Optional.of(Publisher.Next.DONE);
        }
        if (due.dueAt() != null && due.dueAt().isAfter(now.plusMillis(EARLY_MILLIS))) {
            // Picked up ahead of its instant (jobs are due a polling interval early, see Dispatch), or
            // rescheduled later by an edit.
            return Optional.of(new Publisher.Next(due.dueAt(), true));
        }
        return Optional.empty();
    }

    /** A target a cap holds back: deferred behind the targets due meanwhile, so other workspaces' run first. */
    static Publisher.Next deferred(Instant now) {
        return new Publisher.Next(
                now.plusMillis(500 + ThreadLocalRandom.current().nextLong(1000)));
    }

    private Object claimLocked(WorkspaceId workspace, TargetId target, Instant now) {
        var found = attempts.lockDue(workspace, target);
        if (found.isEmpty()) {
            throw new NothingWritten(Publisher.Next.DONE); // edited away or deleted: the edit scheduled new targets
        }
        Attempts.Due due = found.get();
        var unclaimable = unclaimable(due, now);
        if (unclaimable.isPresent()) {
            throw new NothingWritten(unclaimable.get());
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
            throw new NothingWritten(deferred(now));
        }
        // Reconciling from the target's own reconcile_since, else from the start of an attempt that began and
        // never finished (its call may have reached the platform).
        Instant reconcileSince = claimed.reconcileSince();
        Admission admitted = admit(
                due,
                day,
                reconcileSince,
                claimed.postsToday(),
                () -> tokens.openInTransaction(workspace, due.connection()));
        LinkTagging.Tagged content =
                PlatformCall.content(due, reconcileSince == null ? now : reconcileSince, day.zone());
        if (due.shortLinks()
                && due.format() == herald.providers.PostFormat.POST
                && admitted.refused() == null
                && admitted.tokenRefused() == null) {
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
                admitted.refused(),
                admitted.token(),
                admitted.tokenRefused(),
                day.zone(),
                content);
    }

    /**
     * What a taken target may call with: the day's quota's refusal, unless it reconciles (a post that may already be on
     * the platform was counted then); else its token, opened by {@code open} in the claim's transaction so that its
     * read and its audit entry commit with the claim (a token due for a refresh is left to the call), or the
     * connection's refusal when it is gone or not active. No token either when its platform is not configured here.
     */
    record Admission(@Nullable String refused, AccessTokens.@Nullable Opened token, @Nullable String tokenRefused) {}

    /** A taken target's {@link Admission}, for a claim alone ({@link Claims}) or a batch's ({@link ClaimBatch}). */
    Admission admit(
            Attempts.Due due,
            DailyQuota.Day day,
            @Nullable Instant reconcileSince,
            int postsToday,
            Supplier<Optional<AccessTokens.Opened>> open) {
        String refused = reconcileSince == null ? quota.refusal(day, postsToday).orElse(null) : null;
        if (refused != null || providers.find(due.provider()).isEmpty()) {
            return new Admission(refused, null, null);
        }
        try {
            return new Admission(null, open.get().orElse(null), null);
        } catch (ConnectionNotActive | NotFound e) {
            return new Admission(null, null, e.getMessage());
        } catch (VaultException e) {
            // Nothing was opened or recorded; the call tries again outside and retries as before.
            log.warn("The token of a target of post {} did not open in the claim", due.post());
            return new Admission(null, null, null);
        }
    }
}
