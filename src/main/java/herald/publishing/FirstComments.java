package herald.publishing;

import herald.database.TenantScope;
import herald.providers.Providers;
import herald.providers.PublishedComment;
import herald.shared.WorkspaceId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes each published target's first comment, effectively once, the way {@link Publisher} publishes the target
 * (docs/adr/0008): a short transaction claims the comment with the next fence and a lease; the platform is called
 * outside any transaction; the outcome is written only under the same fence ({@link CommentOutcomes}). An attempt
 * that died holding the lease or ended without an answer makes the next one look for the comment on the platform
 * first, and write it only when the platform provably has none; when the platform cannot tell, the comment ends
 * {@code unknown} for a person.
 * A comment never holds its post back: the post is published whatever becomes of its comment.
 */
@Component
class FirstComments {

    private static final Logger log = LoggerFactory.getLogger(FirstComments.class);

    /** How long a target still publishing holds its comment back before the comment is looked at again. */
    static final Duration NOT_YET = Duration.ofSeconds(5);

    /** How long a target whose outcome is unknown holds it back (a person settling the target makes it due at once). */
    static final Duration UNSETTLED = Duration.ofHours(1);

    /**
     * A claimed attempt: the fence it holds, its number, and where an earlier attempt may have written it from.
     *
     * @param text the comment as the platform gets it ({@link CommentCall#text}): what is written, and what a look for
     *     an earlier attempt's comment compares
     */
    record Claim(
            WorkspaceId workspace,
            TargetId target,
            CommentRows.Open comment,
            String text,
            int fence,
            int attempt,
            @Nullable Instant reconcileSince,
            Instant startedAt) {}

    private final CommentRows rows;
    private final CommentCall calls;
    private final TenantScope tenants;
    private final CommentOutcomes outcomes;
    private final ShortLinks shortLinks;
    private final DailyQuota days;
    private final PublishingSettings settings;
    private final Clock clock;

    /** The platforms this node writes comments on: the others' comments are left to nodes that can. */
    private final String[] platforms;

    FirstComments(
            CommentRows rows,
            CommentCall calls,
            TenantScope tenants,
            CommentOutcomes outcomes,
            ShortLinks shortLinks,
            DailyQuota days,
            PublishingSettings settings,
            Providers providers,
            Clock clock) {
        this.rows = rows;
        this.calls = calls;
        this.tenants = tenants;
        this.outcomes = outcomes;
        this.shortLinks = shortLinks;
        this.days = days;
        this.settings = settings;
        this.clock = clock;
        this.platforms = providers.all().stream().map(provider -> provider.id()).toArray(String[]::new);
    }

    /** Writes the comments due now, batch after batch while batches come full (at most 20 batches a run). */
    void sweepAll() {
        for (int round = 0; round < 20; round++) {
            if (sweep(BATCH) < BATCH) {
                return;
            }
        }
    }

    private static final int BATCH = 100;

    /**
     * Writes the comments due now, at most {@code limit}, {@code herald.publishing.comment-concurrency} at a time (each
     * in its own transactions, none held over a platform call); answers how many it looked at once all are done.
     */
    int sweep(int limit) {
        var due = rows.due(clock.instant(), limit, platforms);
        Semaphore permits = new Semaphore(settings.commentConcurrency());
        try (var writers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (CommentRows.DueComment comment : due) {
                permits.acquireUninterruptibly();
                writers.submit(() -> {
                    try {
                        write(comment.workspace(), comment.target());
                    } catch (RuntimeException e) {
                        // Herald's own failure (the database away): a lease taken runs out, a later sweep retries.
                        log.warn("The first comment of target {} could not be written now", comment.target(), e);
                    } finally {
                        permits.release();
                    }
                });
            }
        }
        return due.size();
    }

    /** Claims, calls and completes one target's comment, if it is due. */
    void write(WorkspaceId workspace, TargetId target) {
        Optional<Claim> claim = tenants.call(workspace, () -> claim(workspace, target, clock.instant()));
        if (claim.isEmpty()) {
            return;
        }
        StepOutcome<PublishedComment> outcome = calls.call(claim.get());
        outcomes.complete(claim.get(), outcome);
    }

    private Optional<Claim> claim(WorkspaceId workspace, TargetId target, Instant now) {
        CommentRows.Open open = rows.lock(workspace, target).orElse(null);
        if (open == null
                || open.status().finished()
                || (open.dueAt() != null && open.dueAt().isAfter(now))) {
            return Optional.empty();
        }
        switch (open.targetStatus()) {
            case PUBLISHED -> {}
            case FAILED, CANCELLED -> {
                rows.settle(
                        workspace, target, CommentStatus.SKIPPED, "The post was not published on this account.", now);
                return Optional.empty();
            }
            case UNKNOWN -> {
                rows.postpone(workspace, target, now.plus(UNSETTLED));
                return Optional.empty();
            }
            default -> {
                rows.postpone(workspace, target, now.plus(NOT_YET));
                return Optional.empty();
            }
        }
        String comment = open.text();
        if (comment == null) {
            rows.settle(workspace, target, CommentStatus.SKIPPED, "The post no longer has a first comment.", now);
            return Optional.empty();
        }
        if (open.platformPostId() == null) {
            // PostRecovery.markPublished fails such a comment at once; this catches any other way to get here.
            String reason = "Herald does not know this post's id on the platform (it was marked published by hand), so"
                    + " it cannot comment under it. Add the comment on the platform yourself.";
            outcomes.failNow(workspace, open.post(), target, open.provider(), reason, now);
            return Optional.empty();
        }
        // An attempt that still held the comment died mid-call: its call may have reached the platform, which cannot
        // have had the comment before the post itself was published.
        Instant reconcileSince = open.status() == CommentStatus.POSTING && open.reconcileSince() == null
                ? open.publishedAt()
                : open.reconcileSince();
        int fence = open.fence() + 1;
        rows.claim(workspace, target, fence, reconcileSince, now.plus(settings.inFlightFor()), now);
        // The workspace's zone (cached) is read only for a post that tags its links: the day its links name.
        String text = open.tagging() == null
                ? comment
                : CommentCall.text(comment, open, days.day(workspace, now).zone());
        if (open.shortLinks()) {
            // Written with the claim, as a target's links are: every attempt writes, and looks for, the same text.
            text = shortLinks.shortenComment(workspace, open.post(), target, open.provider(), text);
        }
        return Optional.of(new Claim(workspace, target, open, text, fence, open.attempts() + 1, reconcileSince, now));
    }
}
