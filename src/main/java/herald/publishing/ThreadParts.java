package herald.publishing;

import herald.audit.AuditLog;
import herald.database.TenantScope;
import herald.providers.Providers;
import herald.providers.PublishedPost;
import herald.providers.SocialProvider;
import herald.shared.Conflict;
import herald.shared.InvalidInput;
import herald.shared.NotFound;
import herald.shared.WorkspaceId;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Publishes the parts of each threaded target's thread (docs/threads.md), in order, each as a reply to the one before
 * (the first to the post itself), effectively once, the way {@link FirstComments} writes a comment: a short
 * transaction claims the part with the next fence and a lease; the platform is called outside any transaction
 * ({@link ThreadCall}); the outcome is written only under the same fence. An attempt that died holding the lease or
 * ended without an answer makes the next one look for the part on the account first, and publish it only when the
 * platform provably has none; when the platform cannot tell, the part ends {@code unknown} for a person. A part that
 * did not go out stops the thread there: the parts after it are skipped, and wait again when a person publishes it
 * again. The post is published whatever becomes of its thread.
 */
@Component
public class ThreadParts {

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
    private final TenantScope tenants;
    private final ShortLinks shortLinks;
    private final DailyQuota days;
    private final AuditLog audit;
    private final Providers providers;
    private final PublishingSettings settings;
    private final PostReads reads;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** The platforms this node publishes on: the others' parts are left to nodes that can. */
    private final String[] platforms;

    ThreadParts(
            ThreadRows rows,
            ThreadCall calls,
            TenantScope tenants,
            ShortLinks shortLinks,
            DailyQuota days,
            AuditLog audit,
            Providers providers,
            PublishingSettings settings,
            PostReads reads,
            ApplicationEventPublisher events,
            Clock clock) {
        this.reads = reads;
        this.events = events;
        this.rows = rows;
        this.calls = calls;
        this.tenants = tenants;
        this.shortLinks = shortLinks;
        this.days = days;
        this.audit = audit;
        this.providers = providers;
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
        complete(claim.get(), calls.call(claim.get()));
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
            rows.settle(workspace, target, position, CommentStatus.FAILED, reason);
            audit.record(
                    workspace,
                    "post.thread_part_failed",
                    "post",
                    open.post().toString(),
                    Map.of("target", target.toString(), "part", String.valueOf(position + 1), "reason", reason));
            events.publishEvent(new PostThreadFailed(
                    workspace, open.post(), target, open.provider(), position + 1, reason, false, now));
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

    /** Writes the outcome if the claim still holds the part; then records it in the audit log. */
    private void complete(Claim claim, StepOutcome<PublishedPost> outcome) {
        Instant now = clock.instant();
        WorkspaceId workspace = claim.workspace();
        boolean applied = tenants.call(workspace, () -> switch (outcome) {
            case StepOutcome.Posted<PublishedPost> p ->
                rows.complete(
                        workspace,
                        claim.target(),
                        claim.position(),
                        claim.fence(),
                        CommentStatus.POSTED,
                        null,
                        null,
                        p.result().id(),
                        p.result().url().toString(),
                        null,
                        now);
            case StepOutcome.Retry<PublishedPost> r ->
                rows.complete(
                        workspace,
                        claim.target(),
                        claim.position(),
                        claim.fence(),
                        CommentStatus.POSTING,
                        r.at(),
                        r.ambiguous() ? ThreadCall.since(claim) : null,
                        null,
                        null,
                        r.reason(),
                        now);
            case StepOutcome.Failed<PublishedPost> f ->
                rows.complete(
                        workspace,
                        claim.target(),
                        claim.position(),
                        claim.fence(),
                        CommentStatus.FAILED,
                        null,
                        null,
                        null,
                        null,
                        f.reason(),
                        now);
            case StepOutcome.Unknown<PublishedPost> u ->
                rows.complete(
                        workspace,
                        claim.target(),
                        claim.position(),
                        claim.fence(),
                        CommentStatus.UNKNOWN,
                        null,
                        claim.reconcileSince(),
                        null,
                        null,
                        u.explanation(),
                        now);
        });
        if (!applied) {
            log.info(
                    "Attempt {} of part {} of post {}'s thread was overtaken by a newer one",
                    claim.fence(),
                    claim.position(),
                    claim.part().post());
            return;
        }
        Map<String, String> details =
                Map.of("target", claim.target().toString(), "part", String.valueOf(claim.position() + 1));
        String post = claim.part().post().toString();
        switch (outcome) {
            case StepOutcome.Posted<PublishedPost> p ->
                audit.record(workspace, "post.thread_part_posted", "post", post, details);
            case StepOutcome.Failed<PublishedPost> f -> {
                audit.record(
                        workspace,
                        "post.thread_part_failed",
                        "post",
                        post,
                        Map.of(
                                "target",
                                claim.target().toString(),
                                "part",
                                String.valueOf(claim.position() + 1),
                                "reason",
                                f.reason()));
                events.publishEvent(failed(claim, f.reason(), false, now));
            }
            case StepOutcome.Unknown<PublishedPost> u -> {
                audit.record(workspace, "post.thread_part_unknown", "post", post, details);
                events.publishEvent(failed(claim, u.explanation(), true, now));
            }
            case StepOutcome.Retry<PublishedPost> r -> {}
        }
    }

    private static PostThreadFailed failed(Claim claim, String reason, boolean unknown, Instant at) {
        return new PostThreadFailed(
                claim.workspace(),
                claim.part().post(),
                claim.target(),
                claim.part().provider(),
                claim.position() + 1,
                reason,
                unknown,
                at);
    }

    /** Once a person settled a part: when no part of the post is failed or unknown any more, who listens hears so. */
    private void settled(WorkspaceId workspace, PostId post) {
        var settled = tenants.read(workspace, () -> reads.settledTroubles(workspace, post));
        if (settled.contains(PostTrouble.THREAD_FAILED)) {
            events.publishEvent(new PostTroubleSettled(workspace, post, settled));
        }
    }

    /**
     * Publishes a failed part again, or an unknown one a person did not find on the account, now and without looking
     * first; the parts after it that were skipped for it follow.
     *
     * @param position the part as the thread keeps it, 1 for the first after the post's own text
     * @throws NotFound when the post, target or part is not the workspace's
     * @throws Conflict unless the part failed or its outcome is unknown
     */
    public void publishAgain(WorkspaceId workspace, PostId post, TargetId target, int position) {
        tenants.run(workspace, () -> {
            requirePart(workspace, post, target, position);
            if (!rows.again(
                    workspace,
                    target,
                    position,
                    List.of(CommentStatus.FAILED, CommentStatus.UNKNOWN),
                    clock.instant())) {
                throw new Conflict(
                        "status",
                        "Only a part that failed, or that Herald could not tell was published, can be published"
                                + " again.");
            }
            audit.record(
                    workspace,
                    "post.thread_part_again",
                    "post",
                    post.toString(),
                    Map.of("target", target.toString(), "part", String.valueOf(position + 1)));
        });
        settled(workspace, post);
    }

    /**
     * A person found a part whose outcome was unknown on the account, at {@code address}: it is posted, and the thread
     * goes on from it. The address must name the part's id, as a post marked published by hand does ({@link
     * SocialProvider#postIdAt}), since the next part answers it.
     *
     * @throws InvalidInput when the address does not name a post of the platform
     * @throws Conflict unless the part's outcome is unknown
     */
    public void confirm(WorkspaceId workspace, PostId post, TargetId target, int position, URI address) {
        tenants.run(workspace, () -> {
            ThreadRows.Open open = requirePart(workspace, post, target, position);
            SocialProvider provider = providers.find(open.provider()).orElse(null);
            String id = provider == null ? null : provider.postIdAt(address).orElse(null);
            if (id == null) {
                throw new InvalidInput(
                        "url",
                        "Give the part's own address on the platform"
                                + (provider == null ? "" : ", such as " + provider.postAddressForm())
                                + ": the next part answers it.");
            }
            if (!rows.confirm(workspace, target, position, id, address.toString(), clock.instant())) {
                throw new Conflict("status", "Only a part Herald could not tell was published can be marked as there.");
            }
            audit.record(
                    workspace,
                    "post.thread_part_confirmed",
                    "post",
                    post.toString(),
                    Map.of("target", target.toString(), "part", String.valueOf(position + 1)));
        });
        settled(workspace, post);
    }

    private ThreadRows.Open requirePart(WorkspaceId workspace, PostId post, TargetId target, int position) {
        return rows.lock(workspace, target, position)
                .filter(open -> open.post().equals(post))
                .orElseThrow(() ->
                        new NotFound("This post has no part " + (position + 1) + " of a thread on that" + " account."));
    }
}
