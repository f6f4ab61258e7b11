package herald.publishing;

import herald.audit.AuditLog;
import herald.connections.ConnectionId;
import herald.shared.InvalidInput;
import herald.shared.WorkspaceId;
import herald.tenancy.ApprovalRule;
import herald.tenancy.WorkspaceRules;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The steps of creating a post, shared by {@link Posts#create} (one post) and {@link ScheduledBatch} (many, all or
 * none): {@link #check} before any transaction, {@link #store} and {@link #audit} inside the workspace's transaction,
 * and {@link #release} (the dispatch jobs and the events) only once that transaction committed.
 */
@Component
class PostCreation {

    /** A post that passed its checks and has its id, status and targets, but is not stored yet. */
    record Checked(
            PostId id,
            NewPost post,
            PostStatus status,
            @Nullable String link,
            @Nullable PublishTime asked,
            List<TargetRows.NewTargetRow> targets,
            List<String> tags,
            @Nullable UtmValues utm,
            boolean shortLinks) {}

    /**
     * A stored post and the instant it is due (its time, its queue slot, or now).
     *
     * @param paused its accounts whose publishing is paused: its targets on them were stored held
     */
    record Stored(Checked post, @Nullable PublishTime time, Instant due, Set<ConnectionId> paused) {

        PostId id() {
            return post.id();
        }
    }

    private final PostRows rows;
    private final TargetRows targetRows;
    private final Validation validation;
    private final WorkspaceLinkTagging linkTagging;
    private final ShortLinks shortLinks;
    private final WorkspaceRules workspaceRules;
    private final PostingSchedule schedule;
    private final DailyQuota quota;
    private final AuditLog audit;
    private final Dispatch dispatch;
    private final ApplicationEventPublisher events;
    private final ApprovalRule approvals;
    private final RepeatRows repeats;

    PostCreation(
            PostRows rows,
            TargetRows targetRows,
            Validation validation,
            WorkspaceLinkTagging linkTagging,
            ShortLinks shortLinks,
            WorkspaceRules workspaceRules,
            PostingSchedule schedule,
            DailyQuota quota,
            AuditLog audit,
            Dispatch dispatch,
            ApplicationEventPublisher events,
            ApprovalRule approvals,
            RepeatRows repeats) {
        this.approvals = approvals;
        this.repeats = repeats;
        this.rows = rows;
        this.targetRows = targetRows;
        this.validation = validation;
        this.linkTagging = linkTagging;
        this.shortLinks = shortLinks;
        this.workspaceRules = workspaceRules;
        this.schedule = schedule;
        this.quota = quota;
        this.audit = audit;
        this.dispatch = dispatch;
        this.events = events;
    }

    /**
     * Whether what {@code by} schedules waits for approval by the workspace's rule (its editors' posts wait for an
     * owner's or admin's approval when its approval workflow is on). An agent's grant decides for the agent's posts.
     */
    boolean needsApproval(WorkspaceId workspace, Provenance by) {
        return approvals.needsApproval(workspace, by.actor());
    }

    /**
     * Its time (unless it is queued) and every target's rules.
     *
     * @throws PostRejected naming each target and rule it breaks
     * @throws InvalidInput for a time that is in the past or does not exist in its zone, or tags {@link PostTags}
     *     refuses
     */
    Checked check(WorkspaceId workspace, NewPost post, Instant now, boolean awaitingApproval) {
        if (awaitingApproval && post.draft()) {
            throw new InvalidInput("draft", "A post awaiting approval cannot be a draft.");
        }
        PublishTime asked = post.scheduledAt() == null || post.queued()
                ? null
                : PublishTime.read(post.scheduledAt(), post.timezone(), now);
        String link = Posts.blankToNull(post.link());
        PostId id = PostId.random();
        var tagging = linkTagging.plan(workspace, post.tagLinks(), id, now);
        // Its own choice, else the workspace's setting when the post is created, kept with it: edits check it as it was
        // accepted.
        var shortening = shortLinks.plan(
                post.shortenLinks() != null ? post.shortenLinks() : workspaceRules.shortensLinks(workspace));
        var targets = validation.check(
                workspace,
                post.body(),
                link,
                post.media(),
                post.targets(),
                post.draft(),
                tagging,
                shortening,
                post.firstComment(),
                post.threadContent());
        PostStatus status =
                post.draft() ? PostStatus.DRAFT : awaitingApproval ? PostStatus.PENDING_APPROVAL : PostStatus.SCHEDULED;
        return new Checked(
                id,
                post,
                status,
                link,
                asked,
                targets,
                PostTags.read(post.tags()),
                tagging == null ? null : tagging.values(),
                shortening != null);
    }

    /**
     * Takes its queue slot, checks the plan's posts on the day it is due, and writes it. Must run inside the tenant
     * transaction that stores it: the slot and the count see the posts stored before it in that transaction.
     *
     * @throws InvalidInput when it is queued and the queue has no free slot
     * @throws herald.shared.LimitReached when the plan's posts per day are used up that day
     */
    Stored store(WorkspaceId workspace, Checked checked, Instant now, Provenance provenance) {
        NewPost post = checked.post();
        PublishTime at = post.queued()
                ? schedule.take(
                        workspace,
                        post.targets().stream()
                                .map(NewPost.NewTarget::connection)
                                .toList(),
                        now)
                : checked.asked();
        Instant due = at == null ? now : at.instant();
        if (!post.draft()) {
            quota.requireRoom(workspace, due, null);
        }
        rows.insert(
                workspace,
                checked.id(),
                post.body(),
                checked.link(),
                post.media(),
                checked.status(),
                at,
                now,
                provenance,
                checked.tags(),
                checked.utm(),
                checked.shortLinks(),
                post.firstComment(),
                post.threadContent(),
                post.language());
        if (post.repeat() != null) {
            repeats.set(workspace, checked.id(), post.repeat(), at == null ? now : at.instant(), post.timezone());
        }
        Set<ConnectionId> paused = targetRows.insert(
                workspace,
                checked.id(),
                checked.targets(),
                dispatched(checked) ? due : null,
                post.firstComment() != null,
                now);
        return new Stored(checked, at, due, paused);
    }

    /** The {@code post.created} entry of the audit log (in the storing transaction when called inside it). */
    void audit(WorkspaceId workspace, Stored stored, Provenance provenance) {
        Checked checked = stored.post();
        var details = new HashMap<>(details(checked.status(), checked.targets().size(), stored.due()));
        details.put("origin", provenance.origin().value());
        if (!checked.tags().isEmpty()) {
            details.put("tags", String.join(", ", checked.tags()));
        }
        audit.record(workspace, "post.created", "post", checked.id().toString(), details);
    }

    /** Once stored for good: a job per target of a scheduled post, and the events of what it became. */
    void release(WorkspaceId workspace, Stored stored, Provenance provenance) {
        Checked checked = stored.post();
        if (dispatched(checked)) {
            checked.targets().stream()
                    .filter(target -> !stored.paused().contains(target.connection()))
                    .forEach(target -> dispatch.schedule(workspace, target.id(), stored.due()));
        }
        if (checked.status() != PostStatus.DRAFT) {
            events.publishEvent(
                    new PostScheduled(workspace, checked.id(), checked.post().body(), stored.due()));
        }
        if (checked.status() == PostStatus.PENDING_APPROVAL) {
            events.publishEvent(new PostAwaitingApproval(
                    workspace, checked.id(), provenance.origin().value(), provenance.actorLabel(), stored.due()));
        }
    }

    private static boolean dispatched(Checked checked) {
        return checked.status() == PostStatus.SCHEDULED;
    }

    /** The audit details of a post created or edited: its status, how many targets, when it is due (UTC, seconds). */
    static Map<String, String> details(PostStatus status, int targets, Instant due) {
        return Map.of(
                "status", status.value(),
                "targets", "" + targets,
                "due",
                        due.atOffset(java.time.ZoneOffset.UTC)
                                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                                .toString());
    }
}
