package herald.publishing;

import herald.audit.AuditLog;
import herald.database.TenantScope;
import herald.providers.PublishedComment;
import herald.publishing.FirstComments.Claim;
import herald.shared.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Writes a first comment's attempt's outcome, only under the fence its claim took (a newer attempt overtakes it), and
 * once written tells the audit log and, for a comment that failed or ended unknown, the listeners of {@link
 * PostCommentFailed}.
 */
@Component
class CommentOutcomes {

    private static final Logger log = LoggerFactory.getLogger(CommentOutcomes.class);

    private final CommentRows rows;
    private final TenantScope tenants;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CommentOutcomes(
            CommentRows rows, TenantScope tenants, AuditLog audit, ApplicationEventPublisher events, Clock clock) {
        this.rows = rows;
        this.tenants = tenants;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Writes the outcome if the claim still holds the comment; then records it and tells the listeners. */
    void complete(Claim claim, StepOutcome<PublishedComment> outcome) {
        Instant now = clock.instant();
        WorkspaceId workspace = claim.workspace();
        boolean applied = tenants.call(workspace, () -> switch (outcome) {
            case StepOutcome.Posted<PublishedComment> p ->
                rows.complete(
                        workspace,
                        claim.target(),
                        claim.fence(),
                        CommentStatus.POSTED,
                        null,
                        null,
                        p.result().id(),
                        p.result().url() == null ? null : p.result().url().toString(),
                        null,
                        now);
            case StepOutcome.Retry<PublishedComment> r ->
                rows.complete(
                        workspace,
                        claim.target(),
                        claim.fence(),
                        CommentStatus.POSTING,
                        r.at(),
                        r.ambiguous()
                                ? (claim.reconcileSince() != null ? claim.reconcileSince() : claim.startedAt())
                                : null,
                        null,
                        null,
                        r.reason(),
                        now);
            case StepOutcome.Failed<PublishedComment> f ->
                rows.complete(
                        workspace,
                        claim.target(),
                        claim.fence(),
                        CommentStatus.FAILED,
                        null,
                        null,
                        null,
                        null,
                        f.reason(),
                        now);
            case StepOutcome.Unknown<PublishedComment> u ->
                rows.complete(
                        workspace,
                        claim.target(),
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
                    "A first comment's attempt {} on post {} was overtaken by a newer one",
                    claim.fence(),
                    claim.comment().post());
            return;
        }
        String post = claim.comment().post().toString();
        switch (outcome) {
            case StepOutcome.Posted<PublishedComment> p ->
                audit.record(
                        workspace,
                        "post.comment_posted",
                        "post",
                        post,
                        Map.of("target", claim.target().toString()));
            case StepOutcome.Failed<PublishedComment> f ->
                failed(
                        workspace,
                        claim.comment().post(),
                        claim.target(),
                        claim.comment().provider(),
                        f.reason(),
                        now);
            case StepOutcome.Unknown<PublishedComment> u -> {
                audit.record(
                        workspace,
                        "post.comment_unknown",
                        "post",
                        post,
                        Map.of("target", claim.target().toString()));
                events.publishEvent(new PostCommentFailed(
                        workspace,
                        claim.comment().post(),
                        claim.target(),
                        claim.comment().provider(),
                        u.explanation(),
                        true,
                        now));
            }
            case StepOutcome.Retry<PublishedComment> r -> {}
        }
    }

    /**
     * Fails {@code target}'s first comment at once, before any attempt (its post's id on the platform is unknown),
     * records it and tells the listeners. Called inside the caller's transaction: they hear of it once that commits.
     */
    void failNow(WorkspaceId workspace, PostId post, TargetId target, String provider, String reason, Instant at) {
        rows.settle(workspace, target, CommentStatus.FAILED, reason, at);
        failed(workspace, post, target, provider, reason, at);
    }

    private void failed(
            WorkspaceId workspace, PostId post, TargetId target, String provider, String reason, Instant at) {
        audit.record(
                workspace,
                "post.comment_failed",
                "post",
                post.toString(),
                Map.of("target", target.toString(), "reason", reason));
        events.publishEvent(new PostCommentFailed(workspace, post, target, provider, reason, false, at));
    }
}
