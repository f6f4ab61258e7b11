package herald.notifications;

import herald.publishing.PostApprovalDecided;
import herald.publishing.PostAwaitingApproval;
import herald.publishing.Provenance;
import herald.shared.UserId;
import herald.shared.WorkspaceId;
import herald.tenancy.Member;
import herald.tenancy.Memberships;
import herald.tenancy.Role;
import herald.tenancy.WorkspaceRules;
import herald.tenancy.Workspaces;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Whom a notification is stored for ({@link Notifier} writes it): every member whose role the kind reaches, but those
 * who muted it and a member who created the post awaiting approval themselves; a decision only to the post's author.
 */
@Component
class Recipients {

    private final Notifications notifications;
    private final NotificationMutes mutes;
    private final Workspaces workspaces;
    private final WorkspaceRules workspaceRules;
    private final Memberships memberships;

    Recipients(
            Notifications notifications,
            NotificationMutes mutes,
            Workspaces workspaces,
            WorkspaceRules workspaceRules,
            Memberships memberships) {
        this.notifications = notifications;
        this.mutes = mutes;
        this.workspaces = workspaces;
        this.workspaceRules = workspaceRules;
        this.memberships = memberships;
    }

    /** The audience of a new batch of events, each workspace read once for all of them. */
    Audience batch() {
        return new Audience(workspaces, memberships, mutes);
    }

    /** To every member whose role the kind reaches, but those who muted it and the one whose e-mail is {@code author}. */
    void deliver(Audience batch, WorkspaceId workspace, NewNotification notification, @Nullable String author) {
        deliver(batch, notification.kind().audience(), workspace, notification, author);
    }

    /** A post awaiting approval: to those who may approve it, but the member who created it. */
    void deliverAwaitingApproval(Audience batch, PostAwaitingApproval event, NewNotification notification) {
        // A member who created it in the UI and still needs someone's approval is not told of their own post.
        String author = Provenance.Origin.UI.value().equals(event.origin()) ? event.createdBy() : null;
        // With the workspace's approval workflow on only owners and admins decide: editors are not sent to act.
        Role deciders = workspaceRules.requiresApproval(event.workspace())
                ? Role.ADMIN
                : NotificationKind.POST_AWAITING_APPROVAL.audience();
        deliver(batch, deciders, event.workspace(), notification, author);
    }

    /**
     * To the member who created the post ({@code created}), unless they decided themselves or muted it; agents hear by
     * webhook.
     */
    void deliverDecided(
            Audience batch, PostApprovalDecided event, @Nullable Provenance created, NewNotification notification) {
        if (created == null || !"user".equals(created.actorType()) || created.actorId() == null) {
            return;
        }
        String author = created.actorId();
        if (author.equals(event.by().id())) {
            return;
        }
        Set<UserId> muted = batch.mutedBy(event.workspace(), notification.kind());
        List<UserId> recipients = batch.members(event.workspace()).stream()
                .filter(m -> m.user().value().toString().equals(author))
                .filter(m -> notification.kind().reaches(m.role()) && !muted.contains(m.user()))
                .map(Member::user)
                .toList();
        notifications.deliver(event.workspace(), notification, recipients);
    }

    /** As {@link #deliver(Audience, WorkspaceId, NewNotification, String)}, to members with at least {@code audience}. */
    private void deliver(
            Audience batch,
            Role audience,
            WorkspaceId workspace,
            NewNotification notification,
            @Nullable String author) {
        notifications.deliver(workspace, notification, batch.of(workspace, notification.kind(), audience, author));
    }
}
