package herald.publishing;

import herald.audit.AuditLog;
import herald.connections.ConnectionId;
import herald.connections.ConnectionPauses;
import herald.database.TenantScope;
import herald.providers.Providers;
import herald.providers.SocialProvider;
import herald.shared.Conflict;
import herald.shared.InvalidInput;
import herald.shared.WorkspaceId;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What a person does about targets that did not publish: retry the failed ones, and settle the ones whose outcome
 * Herald could not tell (docs/adr/0008), either as published at the address the person found or by publishing again
 * without asking the platform first. Each change is one tenant transaction under the post's lock, and a rejected one
 * changes nothing. Once a change committed, {@link PostTroubleSettled} says which kinds of trouble of the post nobody
 * needs to act on any more.
 */
@Component
public class PostRecovery {

    private final PostRows rows;
    private final TargetRows targetRows;
    private final PauseRows pauseRows;
    private final ConnectionPauses pauses;
    private final CommentRows comments;
    private final CommentOutcomes commentOutcomes;
    private final PostReads reads;
    private final Posts posts;
    private final TenantScope tenants;
    private final AuditLog audit;
    private final Dispatch dispatch;
    private final Providers providers;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PostRecovery(
            PostRows rows,
            TargetRows targetRows,
            PauseRows pauseRows,
            ConnectionPauses pauses,
            CommentRows comments,
            CommentOutcomes commentOutcomes,
            PostReads reads,
            Posts posts,
            TenantScope tenants,
            AuditLog audit,
            Dispatch dispatch,
            Providers providers,
            ApplicationEventPublisher events,
            Clock clock) {
        this.rows = rows;
        this.targetRows = targetRows;
        this.pauseRows = pauseRows;
        this.pauses = pauses;
        this.comments = comments;
        this.commentOutcomes = commentOutcomes;
        this.reads = reads;
        this.posts = posts;
        this.tenants = tenants;
        this.audit = audit;
        this.dispatch = dispatch;
        this.providers = providers;
        this.events = events;
        this.clock = clock;
    }

    /** A change's own answer, and the kinds of trouble of the post that no target is in once it is made. */
    private record Changed<T>(T answer, Set<PostTrouble> settled) {}

    /** Publishes the post's failed targets again, now. @throws Conflict when none failed */
    public Post retry(WorkspaceId workspace, PostId id) {
        Instant now = clock.instant();
        Changed<List<Target>> again = tenants.call(workspace, () -> {
            PostStatus status = rows.lock(workspace, id).orElseThrow(() -> PostRefusals.notFound(id));
            List<Target> failed = reads.find(workspace, id).orElseThrow().targets().stream()
                    .filter(t -> t.status() == TargetStatus.FAILED)
                    .toList();
            if (failed.isEmpty() || !status.canTransitionTo(PostStatus.PUBLISHING)) {
                throw new Conflict("status", "The post has no failed target to retry.");
            }
            Set<ConnectionId> paused = pausedAmong(workspace, failed);
            targetRows.move(workspace, id, List.of(TargetStatus.FAILED), TargetStatus.SCHEDULED, now, now);
            hold(workspace, id, paused, now);
            rows.setStatus(workspace, id, PostStatus.PUBLISHING, now);
            List<Target> dispatched = failed.stream()
                    .filter(t -> !paused.contains(t.connection()))
                    .toList();
            return new Changed<>(dispatched, reads.settledTroubles(workspace, id));
        });
        audit.record(
                workspace,
                "post.retried",
                "post",
                id.toString(),
                Map.of("targets", "" + again.answer().size()));
        again.answer().forEach(target -> dispatch.schedule(workspace, target.id(), now));
        settled(workspace, id, again.settled());
        return posts.get(workspace, id);
    }

    /**
     * A person confirms that a target whose outcome was unknown is on the platform at {@code url}. When the address
     * tells the post's id on the platform ({@link SocialProvider#postIdAt}), the target's first comment is written
     * under it; when it does not, a comment waiting for the target fails at once, saying to add it by hand.
     *
     * @throws Conflict unless the target's status is unknown
     */
    public Post markPublished(WorkspaceId workspace, PostId id, TargetId target, URI url) {
        if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
            throw new InvalidInput("url", "The URL must be the post's http(s) address on the platform.");
        }
        Instant now = clock.instant();
        Changed<Target> marked =
                settleUnknown(workspace, id, target, now, current -> markPublished(workspace, id, current, url, now));
        audit.record(
                workspace,
                "post.published",
                "post",
                id.toString(),
                Map.of("target", target.toString(), "by", "person"));
        events.publishEvent(new PostPublished(
                workspace,
                id,
                target,
                marked.answer().provider(),
                url,
                now,
                marked.answer().format()));
        settled(workspace, id, marked.settled());
        return posts.get(workspace, id);
    }

    /** Marks the target published; its first comment waiting for it fails at once when the address has no id. */
    private Target markPublished(WorkspaceId workspace, PostId id, Target target, URI url, Instant now) {
        SocialProvider provider = providers.find(target.provider()).orElse(null);
        String postId = provider == null ? null : provider.postIdAt(url).orElse(null);
        targetRows.markPublished(workspace, target.id(), url, postId, now);
        if (postId == null && target.comment() != null && target.comment().status() == CommentStatus.WAITING) {
            String platform = provider == null ? "the platform" : provider.displayName();
            commentOutcomes.failNow(
                    workspace,
                    id,
                    target.id(),
                    target.provider(),
                    "Herald cannot tell the post's id on " + platform + " from the address it was marked published"
                            + " at, so it cannot write the first comment under it. Add the comment on " + platform
                            + " yourself.",
                    now);
        }
        return target;
    }

    /**
     * A person confirms that a target whose outcome was unknown is not on the platform: it is published again, now,
     * without asking the platform first. @throws Conflict unless the target's status is unknown
     */
    public Post publishAgain(WorkspaceId workspace, PostId id, TargetId target) {
        Instant now = clock.instant();
        Changed<Boolean> again = settleUnknown(workspace, id, target, now, current -> {
            Set<ConnectionId> paused = pausedAmong(workspace, List.of(current));
            targetRows.scheduleAgain(workspace, target, now);
            hold(workspace, id, paused, now);
            return paused.isEmpty();
        });
        audit.record(workspace, "post.publish_again", "post", id.toString(), Map.of("target", target.toString()));
        if (again.answer()) {
            dispatch.schedule(workspace, target, now);
        }
        settled(workspace, id, again.settled());
        return posts.get(workspace, id);
    }

    /**
     * Writes a target's first comment again, now: one that failed, or one whose outcome was unknown and that a person
     * did not find under the post (it is then written without looking first).
     *
     * @throws Conflict unless the comment failed or its outcome is unknown
     */
    public Post writeCommentAgain(WorkspaceId workspace, PostId id, TargetId target) {
        Set<PostTrouble> settled = settleComment(
                workspace,
                id,
                target,
                () -> comments.again(
                        workspace, target, List.of(CommentStatus.FAILED, CommentStatus.UNKNOWN), clock.instant()),
                "The first comment has not failed and its outcome is known; there is nothing to write again.");
        audit.record(workspace, "post.comment_again", "post", id.toString(), Map.of("target", target.toString()));
        settled(workspace, id, settled);
        return posts.get(workspace, id);
    }

    /**
     * A person confirms that a first comment whose outcome was unknown is under the post.
     *
     * @throws Conflict unless its outcome is unknown
     */
    public Post confirmComment(WorkspaceId workspace, PostId id, TargetId target) {
        Set<PostTrouble> settled = settleComment(
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
        settled(workspace, id, settled);
        return posts.get(workspace, id);
    }

    private Set<PostTrouble> settleComment(
            WorkspaceId workspace, PostId id, TargetId target, BooleanSupplier change, String refusal) {
        return tenants.call(workspace, () -> {
            rows.lock(workspace, id).orElseThrow(() -> PostRefusals.notFound(id));
            reads.find(workspace, id).orElseThrow().target(target);
            if (!change.getAsBoolean()) {
                throw new Conflict("comment", refusal);
            }
            return reads.settledTroubles(workspace, id);
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

    private <T> Changed<T> settleUnknown(
            WorkspaceId workspace, PostId id, TargetId target, Instant now, Function<Target, T> change) {
        return tenants.call(workspace, () -> {
            rows.lock(workspace, id).orElseThrow(() -> PostRefusals.notFound(id));
            Target current = reads.find(workspace, id).orElseThrow().target(target);
            if (current.status() != TargetStatus.UNKNOWN) {
                throw new Conflict(
                        "status", "The target is " + current.status().value() + ", not unknown; nothing to settle.");
            }
            T answer = change.apply(current);
            rows.setStatus(workspace, id, Settlement.of(reads.targetStatuses(workspace, id)), now);
            return new Changed<>(answer, reads.settledTroubles(workspace, id));
        });
    }

    /** Tells who listens which troubles of the post are settled, when any is (after the change committed). */
    private void settled(WorkspaceId workspace, PostId id, Set<PostTrouble> settled) {
        if (!settled.isEmpty()) {
            events.publishEvent(new PostTroubleSettled(workspace, id, settled));
        }
    }
}
