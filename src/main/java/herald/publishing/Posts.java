package herald.publishing;

import herald.audit.AuditLog;
import herald.database.TenantScope;
import herald.shared.Conflict;
import herald.shared.LimitReached;
import herald.shared.NotFound;
import herald.shared.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The publishing API: create, schedule, edit, approve, cancel and list posts ({@link PostRecovery} retries failed
 * targets and settles the ones whose outcome Herald cannot know). A rejected request changes nothing. Each target is
 * published by its own durable job at its instant (see docs/adr/0008).
 */
// Named: the sandbox module has a bean called posts too.
@Component("publishingPosts")
public class Posts {

    /** The targets a cancel or a rejection cancels: those not started, held ones included. */
    static final List<TargetStatus> WAITING = List.of(TargetStatus.SCHEDULED, TargetStatus.HELD);

    private final PostRows rows;
    private final TargetRows targetRows;
    private final PostReads reads;
    private final PostCreation creation;
    private final PostEdits edits;
    private final TenantScope tenants;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Posts(
            PostRows rows,
            TargetRows targetRows,
            PostReads reads,
            PostCreation creation,
            PostEdits edits,
            TenantScope tenants,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.rows = rows;
        this.targetRows = targetRows;
        this.reads = reads;
        this.creation = creation;
        this.edits = edits;
        this.tenants = tenants;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Creates a post: a draft (checked only for its accounts and media), or scheduled at its time (now when none, the
     * first free slot of the posting schedule for {@link NewPost#QUEUE}),
     * validated against every target's rules.
     *
     * @throws PostRejected naming each target and rule it breaks
     * @throws herald.shared.InvalidInput for a time that is in the past or does not exist in its zone
     * @throws LimitReached when the plan's posts per day are used up that day
     */
    public Post create(WorkspaceId workspace, NewPost post) {
        return create(workspace, post, Provenance.ofCurrentActor(), false);
    }

    /**
     * Creates a post as {@link #create(WorkspaceId, NewPost)} does, recording how and by whom. With {@code
     * awaitingApproval} it is validated and counted like a scheduled post but waits as {@code pending_approval}, and
     * nothing is dispatched until a member {@link PostApprovals#approve approves} it. A post that is not a draft also waits when the
     * workspace's approval workflow holds {@code provenance}'s posts ({@link herald.tenancy.ApprovalRule}).
     */
    public Post create(WorkspaceId workspace, NewPost post, Provenance provenance, boolean awaitingApproval) {
        Instant now = clock.instant();
        boolean awaiting = awaitingApproval || (!post.draft() && creation.needsApproval(workspace, provenance));
        var checked = creation.check(workspace, post, now, awaiting);
        var stored = tenants.call(workspace, () -> creation.store(workspace, checked, now, provenance));
        creation.audit(workspace, stored, provenance);
        creation.release(workspace, stored, provenance);
        return get(workspace, stored.id());
    }

    /** @throws NotFound when the workspace has no such post */
    public Post get(WorkspaceId workspace, PostId id) {
        // One snapshot: the post's status and its targets' are read by two statements, and an outcome committing
        // between them showed a published target under a post still publishing.
        return tenants.read(workspace, () -> reads.find(workspace, id)).orElseThrow(() -> PostRefusals.notFound(id));
    }

    /** These of the workspace's posts, by id, in one snapshot; ids it has no post for are absent. */
    public Map<PostId, Post> getAll(WorkspaceId workspace, Collection<PostId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return tenants.read(workspace, () -> reads.byIds(workspace, ids)).stream()
                .collect(java.util.stream.Collectors.toMap(Post::id, p -> p, (a, b) -> a, LinkedHashMap::new));
    }

    /** Posts newest due first, {@link PostQuery#limit()} of them after the query's position. */
    public List<Post> list(WorkspaceId workspace, PostQuery query) {
        return tenants.read(workspace, () -> reads.list(workspace, query));
    }

    /** The posts of {@code window}, the soonest due first. */
    public List<Post> within(WorkspaceId workspace, PostWindow window) {
        return tenants.read(workspace, () -> reads.within(workspace, window));
    }

    /**
     * Changes a post that has not started publishing; a scheduled post is validated again.
     *
     * @throws Conflict once it is publishing or finished
     */
    public Post edit(WorkspaceId workspace, PostId id, PostChanges changes) {
        return change(workspace, id, changes, false);
    }

    /** Edits, or approves when {@code approving}: {@link PostApprovals#approve}. */
    Post change(WorkspaceId workspace, PostId id, PostChanges changes, boolean approving) {
        edits.apply(workspace, get(workspace, id), changes, approving);
        return get(workspace, id);
    }

    /**
     * Publishes a scheduled post now instead of at its time (Buffer's "Share now"): a move in time, so a post the
     * approval workflow approved needs no approval again, and a repeating post's series goes on from now.
     *
     * @throws Conflict unless it is scheduled
     */
    public Post publishNow(WorkspaceId workspace, PostId id) {
        Post current = get(workspace, id);
        if (current.status() != PostStatus.SCHEDULED) {
            throw PostRefusals.notPublishableNow(current.status());
        }
        return change(
                workspace,
                id,
                new PostChanges(null, null, null, null, PublishTime.NOW, current.timezone(), null),
                false);
    }

    /** Cancels a post that has not started publishing. @throws Conflict once it is publishing or finished */
    public Post cancel(WorkspaceId workspace, PostId id) {
        Instant now = clock.instant();
        tenants.run(workspace, () -> {
            PostStatus status = rows.lock(workspace, id).orElseThrow(() -> PostRefusals.notFound(id));
            if (!status.canTransitionTo(PostStatus.CANCELLED)) {
                throw new Conflict(
                        "status",
                        "The post is " + status.value().replace('_', ' ') + "; it can no longer be cancelled.");
            }
            rows.setStatus(workspace, id, PostStatus.CANCELLED, now);
            targetRows.move(workspace, id, WAITING, TargetStatus.CANCELLED, null, now);
        });
        audit.record(workspace, "post.cancelled", "post", id.toString(), Map.of());
        events.publishEvent(new PostTroubleSettled(workspace, id, EnumSet.allOf(PostTrouble.class)));
        return get(workspace, id);
    }

    static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
