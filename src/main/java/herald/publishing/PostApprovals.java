package herald.publishing;

import herald.audit.Actor;
import herald.audit.AuditContext;
import herald.audit.AuditLog;
import herald.database.TenantScope;
import herald.shared.UserId;
import herald.shared.WorkspaceId;
import herald.tenancy.ApprovalRule;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Decisions about posts waiting for approval (docs/approvals.md). Approved, a post is validated again and scheduled.
 * Rejected, a post a person wrote goes back to their drafts with the decider's note, to change and submit again; a
 * post from an agent or a program (an API key) is cancelled and never published, and its author learns why from the
 * {@code post.approval_decided} webhook. Who may decide is {@link ApprovalRule}'s to say.
 */
@Component
public class PostApprovals {

    private final Posts posts;
    private final PostRows rows;
    private final TargetRows targetRows;
    private final PostReads reads;
    private final SentBackRows sentBack;
    private final TenantScope tenants;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final ApprovalRule rule;
    private final Clock clock;

    PostApprovals(
            Posts posts,
            PostRows rows,
            TargetRows targetRows,
            PostReads reads,
            SentBackRows sentBack,
            TenantScope tenants,
            AuditLog audit,
            ApplicationEventPublisher events,
            ApprovalRule rule,
            Clock clock) {
        this.posts = posts;
        this.rows = rows;
        this.targetRows = targetRows;
        this.reads = reads;
        this.sentBack = sentBack;
        this.tenants = tenants;
        this.audit = audit;
        this.events = events;
        this.rule = rule;
        this.clock = clock;
    }

    /**
     * Approves a post waiting for approval, with the decider's changes if any: it is validated again and scheduled
     * (published now when its time has passed).
     *
     * @throws herald.shared.Conflict unless the post is waiting for approval
     * @throws herald.shared.NotPermitted when the workspace's approval workflow leaves the decision to others
     */
    public Post approve(WorkspaceId workspace, PostId id, @Nullable PostChanges changes) {
        rule.requireDecider(workspace, AuditContext.actor());
        PostChanges approved = changes == null
                ? new PostChanges(null, null, null, null, null, null, false)
                : new PostChanges(
                        changes.body(),
                        changes.link(),
                        changes.media(),
                        changes.targets(),
                        changes.scheduledAt(),
                        changes.timezone(),
                        false,
                        changes.tagLinks(),
                        null,
                        null,
                        null,
                        null,
                        null);
        Post post = posts.change(workspace, id, approved, true);
        events.publishEvent(new PostApprovalDecided(workspace, id, true, AuditContext.actor(), null, post.status()));
        return post;
    }

    /**
     * Rejects a post waiting for approval with a note saying why: a person's post becomes their draft again, with the
     * note ({@link #sentBack}); any other is cancelled. Either way nothing of it is published.
     *
     * @throws herald.shared.Conflict unless the post is waiting for approval
     * @throws herald.shared.NotPermitted when the workspace's approval workflow leaves the decision to others
     */
    public Post reject(WorkspaceId workspace, PostId id, String note) {
        Actor by = AuditContext.actor();
        rule.requireDecider(workspace, by);
        Instant now = clock.instant();
        PostStatus outcome = tenants.call(workspace, () -> {
            PostStatus status = rows.lock(workspace, id).orElseThrow(() -> PostRefusals.notFound(id));
            if (status != PostStatus.PENDING_APPROVAL) {
                throw PostRefusals.notAwaitingApproval(status);
            }
            if (byAPerson(workspace, id)) {
                // Its targets stay as a draft's are: not dispatched, and checked again when it is submitted.
                rows.setStatus(workspace, id, PostStatus.DRAFT, now);
                sentBack.put(workspace, id, new SentBack(note, by.label() == null ? "Herald" : by.label(), now));
                return PostStatus.DRAFT;
            }
            rows.setStatus(workspace, id, PostStatus.CANCELLED, now);
            targetRows.move(workspace, id, Posts.WAITING, TargetStatus.CANCELLED, null, now);
            return PostStatus.CANCELLED;
        });
        audit.record(
                workspace, "post.rejected", "post", id.toString(), Map.of("note", note, "status", outcome.value()));
        events.publishEvent(new PostApprovalDecided(workspace, id, false, by, note, outcome));
        return posts.get(workspace, id);
    }

    /** Why the post is a draft again, while it is one: the note of the rejection that sent it back. */
    public Optional<SentBack> sentBack(WorkspaceId workspace, PostId id) {
        return tenants.read(workspace, () -> sentBack.ofDraft(workspace, id));
    }

    /** {@link #sentBack} of each of these posts that has one. */
    public Map<PostId, SentBack> sentBack(WorkspaceId workspace, Collection<PostId> ids) {
        return ids.isEmpty() ? Map.of() : tenants.read(workspace, () -> sentBack.ofDrafts(workspace, ids));
    }

    /** A member's draft that a decider sent back, with why. */
    public record Returned(Post post, SentBack why) {}

    /** The drafts {@code author} wrote that were sent back and wait for their changes, the latest first. */
    public List<Returned> sentBackTo(WorkspaceId workspace, UserId author, int limit) {
        return returned(workspace, author.value().toString(), limit);
    }

    /** Every draft that was sent back and waits for its author's changes, the latest first. */
    public List<Returned> sentBack(WorkspaceId workspace, int limit) {
        return returned(workspace, null, limit);
    }

    private List<Returned> returned(WorkspaceId workspace, @Nullable String author, int limit) {
        return tenants.read(workspace, () -> {
            Map<PostId, SentBack> found = sentBack.toAuthor(workspace, author, limit);
            Map<PostId, Post> drafts = new java.util.HashMap<>();
            reads.byIds(workspace, found.keySet()).forEach(p -> drafts.put(p.id(), p));
            return found.entrySet().stream()
                    .filter(e -> drafts.containsKey(e.getKey()))
                    .map(e -> new Returned(drafts.get(e.getKey()), e.getValue()))
                    .toList();
        });
    }

    /** How many posts wait for a decision. */
    public int countAwaiting(WorkspaceId workspace) {
        return tenants.call(workspace, () -> reads.countWithStatus(workspace, PostStatus.PENDING_APPROVAL));
    }

    private boolean byAPerson(WorkspaceId workspace, PostId id) {
        Provenance created = reads.find(workspace, id).map(Post::provenance).orElse(null);
        return created != null && Actor.Type.USER.value().equals(created.actorType());
    }
}
