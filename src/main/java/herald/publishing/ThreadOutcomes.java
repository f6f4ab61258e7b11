package herald.publishing;

import herald.audit.AuditLog;
import herald.database.TenantScope;
import herald.providers.PublishedPost;
import herald.publishing.ThreadParts.Claim;
import herald.shared.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Writes a thread part's attempt's outcome, only under the fence its claim took (a newer attempt overtakes it), as
 * {@link CommentOutcomes} does a first comment's; once written, tells the audit log and, for a part that failed or
 * ended unknown, the listeners of {@link PostThreadFailed}.
 */
@Component
class ThreadOutcomes {

    private static final Logger log = LoggerFactory.getLogger(ThreadOutcomes.class);

    private final ThreadRows rows;
    private final TenantScope tenants;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ThreadOutcomes(
            ThreadRows rows, TenantScope tenants, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.rows = rows;
        this.tenants = tenants;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Writes the outcome if the claim still holds the part; then records it in the audit log and, for a part that
     * failed or ended unknown, tells the listeners of {@link PostThreadFailed}.
     */
    void complete(Claim claim, StepOutcome<PublishedPost> outcome) {
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

    /**
     * Fails a part at once, before any attempt (what it answers has no id Herald knows), records it and tells the
     * listeners. Called inside the caller's transaction: they hear of it once that commits.
     */
    void failNow(WorkspaceId workspace, ThreadRows.Open open, TargetId target, String reason, Instant at) {
        int position = open.position();
        rows.settle(workspace, target, position, CommentStatus.FAILED, reason);
        audit.record(
                workspace,
                "post.thread_part_failed",
                "post",
                open.post().toString(),
                Map.of("target", target.toString(), "part", String.valueOf(position + 1), "reason", reason));
        events.publishEvent(
                new PostThreadFailed(workspace, open.post(), target, open.provider(), position + 1, reason, false, at));
    }
}
