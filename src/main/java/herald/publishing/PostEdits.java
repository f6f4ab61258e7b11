package herald.publishing;

import herald.assets.AssetId;
import herald.audit.AuditLog;
import herald.connections.ConnectionId;
import herald.database.TenantScope;
import herald.shared.Conflict;
import herald.shared.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Edits and approvals of a post that has not started publishing ({@link Posts#edit}, {@link PostApprovals}): the
 * changed post is validated as a new one would be, written under its row lock with new targets, and its new targets'
 * jobs are scheduled; the old targets' jobs find nothing to do.
 */
@Component
class PostEdits {

    private final PostRows rows;
    private final TargetRows targetRows;
    private final Validation validation;
    private final WorkspaceLinkTagging linkTagging;
    private final ShortLinks shortLinks;
    private final TenantScope tenants;
    private final DailyQuota quota;
    private final AuditLog audit;
    private final Dispatch dispatch;
    private final ApplicationEventPublisher events;
    private final SentBackRows sentBack;
    private final RepeatRows repeats;
    private final EditedStatus statuses;
    private final Clock clock;

    PostEdits(
            PostRows rows,
            TargetRows targetRows,
            Validation validation,
            WorkspaceLinkTagging linkTagging,
            ShortLinks shortLinks,
            TenantScope tenants,
            DailyQuota quota,
            AuditLog audit,
            Dispatch dispatch,
            ApplicationEventPublisher events,
            SentBackRows sentBack,
            RepeatRows repeats,
            EditedStatus statuses,
            Clock clock) {
        this.rows = rows;
        this.targetRows = targetRows;
        this.validation = validation;
        this.linkTagging = linkTagging;
        this.shortLinks = shortLinks;
        this.tenants = tenants;
        this.quota = quota;
        this.audit = audit;
        this.dispatch = dispatch;
        this.events = events;
        this.sentBack = sentBack;
        this.repeats = repeats;
        this.statuses = statuses;
        this.clock = clock;
    }

    /**
     * Applies {@code changes} to {@code current}, or approves it with them when {@code approving}; a scheduled post is
     * validated again, and its new targets are dispatched.
     *
     * @throws Conflict once it is publishing or finished, or (approving) no longer awaiting approval
     */
    void apply(WorkspaceId workspace, Post current, PostChanges changes, boolean approving) {
        PostId id = current.id();
        if (approving && current.status() != PostStatus.PENDING_APPROVAL) {
            throw PostRefusals.notAwaitingApproval(current.status());
        }
        PostRefusals.requireEditable(current);
        Instant now = clock.instant();
        boolean draft = changes.draft() != null ? changes.draft() : current.status() == PostStatus.DRAFT;
        String body = changes.body() == null ? current.body() : changes.body();
        String link = changes.link() == null ? current.link() : Posts.blankToNull(changes.link());
        List<AssetId> media = changes.media() == null ? current.media() : List.copyOf(changes.media());
        List<NewPost.NewTarget> wanted = changes.targets() != null
                ? changes.targets()
                : current.targets().stream().map(NewPost.NewTarget::of).toList();
        String timezone = changes.timezone() == null ? current.timezone() : changes.timezone();
        Instant scheduledAt = current.scheduledAt();
        if (changes.scheduledAt() != null) {
            PublishTime time = PublishTime.read(changes.scheduledAt(), timezone, now);
            scheduledAt = time.instant();
            timezone = time.timezone();
        }
        var tagging = linkTagging.plan(
                workspace, changes.tagLinks() == null ? current.tagLinks() : changes.tagLinks(), id, now);
        String firstComment =
                changes.firstComment() == null ? current.firstComment() : Posts.blankToNull(changes.firstComment());
        boolean shorten = changes.shortenLinks() == null ? current.shortLinks() : changes.shortenLinks();
        ThreadContent thread = ThreadContent.edited(current, changes);
        String language = changes.language() == null
                ? current.language()
                : herald.shared.LanguageTag.of(changes.language(), "language");
        var targets = validation.check(
                workspace, body, link, media, wanted, draft, tagging, shortLinks.plan(shorten), firstComment, thread);
        Instant due = scheduledAt == null || scheduledAt.isBefore(now) ? now : scheduledAt;
        PostStatus status = statuses.of(
                workspace,
                current,
                changes,
                draft,
                approving,
                new EditedStatus.Content(
                        body,
                        link,
                        media,
                        wanted,
                        firstComment,
                        changes.tagLinks(),
                        changes.shortenLinks(),
                        thread,
                        language));
        Instant at = scheduledAt;
        String zone = timezone;
        Set<ConnectionId> held = tenants.call(workspace, () -> {
            // Under the post's row lock: a dispatcher claiming it meanwhile either ran first (and the edit is
            // refused) or waits for this edit and finds new targets.
            PostStatus locked = rows.lock(workspace, id).orElseThrow(() -> PostRefusals.notFound(id));
            if (!locked.editable()) {
                throw PostRefusals.notEditable(locked);
            }
            if (approving && locked != PostStatus.PENDING_APPROVAL) {
                throw PostRefusals.notAwaitingApproval(locked);
            }
            if (!draft) {
                quota.requireRoom(workspace, due, id);
            }
            rows.update(
                    workspace,
                    id,
                    body,
                    link,
                    media,
                    status,
                    at,
                    zone,
                    tagging == null ? null : tagging.values(),
                    shorten,
                    firstComment,
                    thread,
                    language,
                    now);
            if (status != PostStatus.DRAFT) {
                sentBack.clear(workspace, id); // submitted again: the rejection's note is answered
            }
            if (changes.repeat() != null) {
                repeats.set(workspace, id, changes.repeat(), at == null ? now : at, zone);
            } else if (changes.scheduledAt() != null && at != null) {
                repeats.restart(workspace, id, at, zone);
            }
            // New targets, new jobs: the old targets' jobs find nothing to do.
            return targetRows.replace(
                    workspace, id, targets, status == PostStatus.SCHEDULED ? due : null, firstComment != null, now);
        });
        audit.record(
                workspace,
                approving ? "post.approved" : "post.edited",
                "post",
                id.toString(),
                PostCreation.details(status, targets.size(), due));
        if (status == PostStatus.SCHEDULED) {
            targets.stream()
                    .filter(target -> !held.contains(target.connection()))
                    .forEach(target -> dispatch.schedule(workspace, target.id(), due));
        }
        if (status != PostStatus.DRAFT) {
            events.publishEvent(new PostScheduled(workspace, id, body, due));
        }
        if (status == PostStatus.PENDING_APPROVAL && current.status() != PostStatus.PENDING_APPROVAL) {
            Provenance by = Provenance.ofCurrentActor();
            events.publishEvent(
                    new PostAwaitingApproval(workspace, id, by.origin().value(), by.actorLabel(), due));
        }
    }
}
