package herald.publishing;

import herald.database.TenantScope;
import herald.providers.Providers;
import herald.providers.SocialProvider;
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
 * Publishes the parts of each threaded target's thread (docs/threads.md), in order, each as a reply to the one before
 * (the first to the post itself), effectively once, the way {@link FirstComments} writes a comment: a short
 * transaction claims the part with the next fence and a lease; the platform is called outside any transaction
 * ({@link ThreadCall}); the outcome is written only under the same fence. An attempt that died holding the lease or
 * ended without an answer makes the next one look for the part on the account first, and publish it only when the
 * platform provably has none; when the platform cannot tell, the part ends {@code unknown} for a person. A part that
 * did not go out stops the thread there: the parts after it are skipped, and wait again when a person publishes it
 * again ({@link ThreadRecovery}). The post is published whatever becomes of its thread.
 */
@Component
class ThreadParts {

    private static final Logger log = LoggerFactory.getLogger(ThreadParts.class);

    /** How long a part whose post or part before is not out yet is left before it is looked at again. */
    static final Duration NOT_YET = Duration.ofSeconds(5);

    /**
     * A claimed attempt.
     *
     * @param answers the platform's id of the post this part replies to
     * @param text the part as the platform gets it (tagged, its links short, when the post says so): what is
     *     published, and what a look for an earlier attempt's part compares
     */
    record Claim(
            WorkspaceId workspace,
            TargetId target,
            ThreadRows.Open part,
            String answers,
            String text,
            int fence,
            int attempt,
            @Nullable Instant reconcileSince,
            Instant startedAt) {

        int position() {
            return part.position();
        }
    }

    private static final int BATCH = 100;

    private final ThreadRows rows;
    private final ThreadCall calls;
    private final ThreadOutcomes outcomes;
    private final TenantScope tenants;
    private final ShortLinks shortLinks;
    private final DailyQuota days;
    private final PublishingSettings settings;
    private final Clock clock;

    /** The platforms this node publishes on: the others' parts are left to nodes that can. */
    private final String[] platforms;

    ThreadParts(
            ThreadRows rows,
            ThreadCall calls,
            ThreadOutcomes outcomes,
            TenantScope tenants,
            ShortLinks shortLinks,
            DailyQuota days,
            Providers providers,
            PublishingSettings settings,
            Clock clock) {
        this.rows = rows;
        this.calls = calls;
        this.outcomes = outcomes;
        this.tenants = tenants;
        this.shortLinks = shortLinks;
        this.days = days;
        this.settings = settings;
        this.clock = clock;
        this.platforms = providers.all().stream().map(SocialProvider::id).toArray(String[]::new);
    }

    /** Publishes the parts due now, batch after batch while batches come full (at most 20 batches a run). */
    void sweepAll() {
        for (int round = 0; round < 20; round++) {
            if (sweep(BATCH) < BATCH) {
                return;
            }
        }
    }

    /**
     * Publishes the parts due now, at most {@code limit}, {@code herald.publishing.comment-concurrency} at a time (at
     * most one part of a thread is ever due at once); answers how many it looked at once all are done.
     */
    int sweep(int limit) {
        var due = rows.due(clock.instant(), limit, platforms);
        Semaphore permits = new Semaphore(settings.commentConcurrency());
        try (var writers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (ThreadRows.Due part : due) {
                permits.acquireUninterruptibly();
                writers.submit(() -> {
                    try {
                        write(part.workspace(), part.target(), part.position());
                    } catch (RuntimeException e) {
                        // Herald's own failure (the database away): a lease taken runs out, a later sweep retries.
                        log.warn(
                                "Part {} of target {}'s thread could not be published now",
                                part.position(),
                                part.target(),
                                e);
                    } finally {
                        permits.release();
                    }
                });
            }
        }
        return due.size();
    }

    /** Claims, calls and completes one part, if it is due. */
    void write(WorkspaceId workspace, TargetId target, int position) {
        Optional<Claim> claim = tenants.call(workspace, () -> claim(workspace, target, position, clock.instant()));
        if (claim.isEmpty()) {
            return;
        }
        outcomes.complete(claim.get(), calls.call(claim.get()));
    }

    private Optional<Claim> claim(WorkspaceId workspace, TargetId target, int position, Instant now) {
        ThreadRows.Open open = rows.lock(workspace, target, position).orElse(null);
        if (open == null
                || open.status().finished()
                || (open.dueAt() != null && open.dueAt().isAfter(now))) {
            return Optional.empty();
        }
        String answers;
        if (position == 1) {
            switch (open.targetStatus()) {
                case PUBLISHED -> answers = open.targetPlatformId();
                case FAILED, CANCELLED -> {
                    rows.settle(
                            workspace,
                            target,
                            position,
                            CommentStatus.SKIPPED,
                            "The post was not published on this account.");
                    return Optional.empty();
                }
                default -> {
                    rows.postpone(workspace, target, position, now.plus(NOT_YET));
                    return Optional.empty();
                }
            }
        } else {
            CommentStatus before = open.before();
            if (before == CommentStatus.POSTED) {
                answers = open.beforePlatformId();
            } else if (before == CommentStatus.FAILED || before == CommentStatus.SKIPPED || before == null) {
                rows.settle(
                        workspace,
                        target,
                        position,
                        CommentStatus.SKIPPED,
                        "Part " + position + " of the thread was not published, so the thread stops before this"
                                + " part.");
                return Optional.empty();
            } else {
                rows.postpone(workspace, target, position, now.plus(NOT_YET));
                return Optional.empty();
            }
        }
        if (open.text() == null) {
            rows.settle(workspace, target, position, CommentStatus.SKIPPED, "The post no longer has this part.");
            return Optional.empty();
        }
        if (answers == null) {
            String reason = "Herald does not know the id of the post this part answers on the platform (it was marked"
                    + " published by hand), so it cannot continue the thread. Post the rest of the thread yourself.";
            outcomes.failNow(workspace, open, target, reason, now);
            return Optional.empty();
        }
        // An attempt that still held the part died mid-call: its call may have reached the platform, which cannot have
        // had the part before the post itself was published.
        Instant reconcileSince = open.status() == CommentStatus.POSTING && open.reconcileSince() == null
                ? open.publishedAt()
                : open.reconcileSince();
        int fence = open.fence() + 1;
        rows.claim(workspace, target, position, fence, reconcileSince, now.plus(settings.inFlightFor()));
        String text = open.tagging() == null || open.taggedAt() == null
                ? open.text()
                : LinkTagging.tag(
                                open.text(),
                                null,
                                open.tagging(),
                                new LinkTagging.Context(
                                        open.provider(),
                                        open.handle(),
                                        java.time.LocalDate.ofInstant(
                                                open.taggedAt(),
                                                days.day(workspace, now).zone()),
                                        open.post()))
                        .text();
        if (open.shortLinks()) {
            // Written with the claim, as a target's links are: every attempt publishes, and looks for, the same text.
            text = shortLinks.shortenThreadPart(workspace, open.post(), target, open.provider(), text);
        }
        return Optional.of(
                new Claim(workspace, target, open, answers, text, fence, open.attempts() + 1, reconcileSince, now));
    }
}
