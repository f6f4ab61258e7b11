package herald.publishing;

import herald.audit.AuditLog;
import herald.connections.ConnectionId;
import herald.connections.ConnectionPauses;
import herald.database.TenantScope;
import herald.shared.Conflict;
import herald.shared.InvalidInput;
import herald.shared.WorkspaceId;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What a person does about targets that did not publish: retry the failed ones, and settle the ones whose outcome
 * Herald could not tell (docs/adr/0008), either as published at the address the person found or by publishing again
 * without asking the platform first. Each change is one tenant transaction under the post's lock, and a rejected one
 * changes nothing.
 */
@Component
public class PostRecovery {

    private final PostRows rows;
    private final PauseRows pauseRows;
    private final ConnectionPauses pauses;
    private final CommentRows comments;
    private final PostReads reads;
    private final Posts posts;
    private final TenantScope tenants;
    private final AuditLog audit;
    private final Dispatch dispatch;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PostRecovery(
            PostRows rows,
            PauseRows pauseRows,
            ConnectionPauses pauses,
            CommentRows comments,
            PostReads reads,
            Posts posts,
            TenantScope tenants,
            AuditLog audit,
            Dispatch dispatch,
            ApplicationEventPublisher events,
            Clock clock) {
        this.rows = rows;
        this.pauseRows = pauseRows;
        this.pauses = pauses;
        this.comments = comments;
        this.reads = reads;
        this.posts = posts;
        this.tenants = tenants;
        this.audit = audit;
        this.dispatch = dispatch;
        this.events = events;
        this.clock = clock;
    }

    /** Publishes the post's failed targets again, now. @throws Conflict when none failed */
    public Post retry(WorkspaceId workspace, PostId id) {
        Instant now = clock.instant();
        List<Target> again = tenants.call(workspace, () -> {
            PostStatus status = rows.lock(workspace, id).orElseThrow(() -> PostRefusals.notFound(id));
            List<Target> failed = reads.find(workspace, id).orElseThrow().targets().stream()
                    .filter(t -> t.status() == TargetStatus.FAILED)
                    .toList();
            if (failed.isEmpty() || !status.canTransitionTo(PostStatus.PUBLISHING)) {
                throw new Conflict("status", "The post has no failed target to retry.");
            }
            Set<ConnectionId> paused = pausedAmong(workspace, failed);
            rows.moveTargets(workspace, id, List.of(TargetStatus.FAILED), TargetStatus.SCHEDULED, now, now);
            hold(workspace, id, paused, now);
            rows.setStatus(workspace, id, PostStatus.PUBLISHING, now);
            return failed.stream().filter(t -> !paused.contains(t.connection())).toList();
        });
        audit.record(workspace, "post.retried", "post", id.toString(), Map.of("targets", "" + again.size()));
        again.forEach(target -> dispatch.schedule(workspace, target.id(), now));
        return posts.get(workspace, id);
    }

    /**
     * A person confirms that a target whose outcome was unknown is on the platform at {@code url}.
     *
     * @throws Conflict unless the target's status is unknown
     */
    public Post markPublished(WorkspaceId workspace, PostId id, TargetId target, URI url) {
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new InvalidInput("url", "The URL must be the post's http(s) address on the platform.");
        }
        Instant now = clock.instant();
        Target settled =
                settleUnknown(workspace, id, target, now, current -> rows.markPublished(workspace, target, url, now));
        audit.record(
                workspace,
                "post.published",
                "post",
                id.toString(),
                Map.of("target", target.toString(), "by", "person"));
        events.publishEvent(new PostPublished(workspace, id, target, settled.provider(), url, now));
        return posts.get(workspace, id);
    }

    /**
     * A person confirms that a target whose outcome was unknown is not on the platform: it is published again, now,
     * without asking the platform first. @throws Conflict unless the target's status is unknown
     */
    public Post publishAgain(WorkspaceId workspace, PostId id, TargetId target) {
        Instant now = clock.instant();
        var held = new AtomicBoolean();
        settleUnknown(workspace, id, target, now, current -> {
            Set<ConnectionId> paused = pausedAmong(workspace, List.of(current));
            rows.scheduleAgain(workspace, target, now);
            hold(workspace, id, paused, now);
            held.set(!paused.isEmpty());
        });
        audit.record(workspace, "post.publish_again", "post", id.toString(), Map.of("target", target.toString()));
        if (!held.get()) {
            dispatch.schedule(workspace, target, now);
        }
        return posts.get(workspace, id);
    }

    /**
     * Writes a target's first comment again, now: one that failed, or one whose outcome was unknown and that a person
     * did not find under the post (it is then written without looking first).
     *
     * @throws Conflict unless the comment failed or its outcome is unknown
     */
    public Post writeCommentAgain(WorkspaceId workspace, PostId id, TargetId target) {
        settleComment(
                workspace,
                id,
                target,
                () -> comments.again(
                        workspace, target, List.of(CommentStatus.FAILED, CommentStatus.UNKNOWN), clock.instant()),
                "The first comment has not failed and its outcome is known; there is nothing to write again.");
        audit.record(workspace, "post.comment_again", "post", id.toString(), Map.of("target", target.toString()));
        return posts.get(workspace, id);
    }

    /**
     * A person confirms that a first comment whose outcome was unknown is under the post.
     *
     * @throws Conflict unless its outcome is unknown
     */
    public Post confirmComment(WorkspaceId workspace, PostId id, TargetId target) {
        settleComment(
                workspace,
                id,
                target,
                () -> comments.confirm(workspace, target, clock.instant()),
                "The first comment's outcome is not unknown; there is nothing to confirm.");
        audit.record(
                workspace,
                "post.comment_posted",
                "post",
                id.toString(),
                Map.of("target", target.toString(), "by", "person"));
        return posts.get(workspace, id);
    }

    private void settleComment(
            WorkspaceId workspace, PostId id, TargetId target, BooleanSupplier change, String refusal) {
        tenants.run(workspace, () -> {
            rows.lock(workspace, id).orElseThrow(() -> PostRefusals.notFound(id));
            reads.find(workspace, id).orElseThrow().target(target);
            if (!change.getAsBoolean()) {
                throw new Conflict("comment", refusal);
            }
        });
    }

    /**
     * The accounts of {@code targets} whose publishing is paused, under the lock a pause waits for (taken before any
     * target changes: a pause locks the account, then its targets).
     */
    private Set<ConnectionId> pausedAmong(WorkspaceId workspace, List<Target> targets) {
        return pauses.pausedAmong(
                workspace, targets.stream().map(Target::connection).toList());
    }

    /** Targets scheduled again on a paused account wait held, like its others ({@link Pausing}). */
    private void hold(WorkspaceId workspace, PostId post, Set<ConnectionId> paused, Instant now) {
        if (!paused.isEmpty()) {
            pauseRows.hold(workspace, post, paused, now);
        }
    }

    private Target settleUnknown(
            WorkspaceId workspace, PostId id, TargetId target, Instant now, Consumer<Target> change) {
        return tenants.call(workspace, () -> {
            rows.lock(workspace, id).orElseThrow(() -> PostRefusals.notFound(id));
            Target current = reads.find(workspace, id).orElseThrow().target(target);
            if (current.status() != TargetStatus.UNKNOWN) {
                throw new Conflict(
                        "status", "The target is " + current.status().value() + ", not unknown; nothing to settle.");
            }
            change.accept(current);
            rows.setStatus(workspace, id, Settlement.of(reads.targetStatuses(workspace, id)), now);
            return current;
        });
    }
}
