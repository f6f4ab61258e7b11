package herald.notifications;

import herald.connections.Connection;
import herald.connections.ConnectionNeedsReconnect;
import herald.connections.Connections;
import herald.providers.SocialProvider;
import herald.publishing.Post;
import herald.publishing.PostApprovalDecided;
import herald.publishing.PostAwaitingApproval;
import herald.publishing.PostCommentFailed;
import herald.publishing.PostFailed;
import herald.publishing.PostId;
import herald.publishing.PostNeedsAttention;
import herald.publishing.PostRepeatStopped;
import herald.publishing.PostStatus;
import herald.publishing.PostThreadFailed;
import herald.publishing.Posts;
import herald.publishing.Provenance;
import herald.publishing.TargetId;
import herald.publishing.TargetStatus;
import herald.reviews.ReviewFeedback;
import herald.shared.NotFound;
import herald.shared.UserId;
import herald.shared.WorkspaceId;
import herald.tenancy.Member;
import herald.tenancy.Memberships;
import herald.tenancy.Role;
import herald.tenancy.Workspace;
import herald.tenancy.WorkspaceRules;
import herald.tenancy.Workspaces;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What to tell whom about an event: reads what the words need (the post and its account, the connection, the
 * workspace) and stores the notification for every member whose role the kind reaches, but those who muted it and a
 * member who created the post awaiting approval themselves.
 */
@Component
class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    private final Notifications notifications;
    private final NotificationMutes mutes;
    private final Workspaces workspaces;
    private final WorkspaceRules workspaceRules;
    private final Memberships memberships;
    private final Posts posts;
    private final Connections connections;

    Notifier(
            Notifications notifications,
            NotificationMutes mutes,
            Workspaces workspaces,
            WorkspaceRules workspaceRules,
            Memberships memberships,
            Posts posts,
            Connections connections) {
        this.notifications = notifications;
        this.mutes = mutes;
        this.workspaces = workspaces;
        this.workspaceRules = workspaceRules;
        this.memberships = memberships;
        this.posts = posts;
        this.connections = connections;
    }

    /**
     * Stores the notifications of a batch of events, each for every member it reaches. A burst of failures in one
     * workspace reads its members and mutes once, not once per event; an event that cannot be told (its post gone, the
     * database away) is logged and the others go on.
     */
    void tell(List<Object> events) {
        var batch = new Audience(workspaces, memberships, mutes);
        for (Object event : events) {
            try {
                tell(event, batch);
            } catch (RuntimeException e) {
                log.warn(
                        "Could not store the notifications of a {}: {}",
                        event.getClass().getSimpleName(),
                        e.toString());
            }
        }
    }

    /** Stores the event's notification for every member it reaches. */
    private void tell(Object event, Audience batch) {
        switch (event) {
            case PostFailed e ->
                aboutPost(
                        batch,
                        e.workspace(),
                        e.post(),
                        e.target(),
                        (slug, post, account) ->
                                Wording.failed(slug, e.post(), Wording.excerpt(post.body()), account, e.reason()));
            case PostNeedsAttention e ->
                aboutPost(
                        batch,
                        e.workspace(),
                        e.post(),
                        e.target(),
                        (slug, post, account) -> Wording.needsAttention(
                                slug, e.post(), Wording.excerpt(post.body()), account, e.explanation()));
            case PostCommentFailed e ->
                aboutPost(
                        batch,
                        e.workspace(),
                        e.post(),
                        e.target(),
                        (slug, post, account) -> e.unknown()
                                ? Wording.commentUnknown(
                                        slug, e.post(), Wording.excerpt(post.body()), account, e.reason())
                                : Wording.commentFailed(
                                        slug,
                                        e.post(),
                                        Wording.excerpt(post.body()),
                                        account,
                                        e.reason(),
                                        !publishedWithoutId(post, e.target())));
            case PostThreadFailed e ->
                aboutPost(
                        batch,
                        e.workspace(),
                        e.post(),
                        e.target(),
                        (slug, post, account) -> Wording.threadFailed(
                                slug,
                                e.post(),
                                Wording.excerpt(post.body()),
                                account,
                                e.part(),
                                e.reason(),
                                e.unknown()));
            case PostAwaitingApproval e -> awaitingApproval(batch, e);
            case PostApprovalDecided e -> decided(batch, e);
            case PostRepeatStopped e ->
                aboutWholePost(
                        batch,
                        e.workspace(),
                        e.post(),
                        (slug, post) ->
                                Wording.repeatStopped(slug, e.post(), Wording.excerpt(post.body()), e.reason()));
            case ConnectionNeedsReconnect e -> needsReconnect(batch, e);
            case ReviewFeedback e ->
                aboutWholePost(
                        batch,
                        e.workspace(),
                        e.post(),
                        (slug, post) -> Wording.reviewFeedback(slug, e.post(), Wording.excerpt(post.body()), e));
            default -> throw new IllegalArgumentException("Not a notified event: " + event.getClass());
        }
    }

    private interface PostWording {
        NewNotification of(String slug, Post post, String account);
    }

    /** A notification about a post as a whole (not one of its accounts), unless the post is gone since. */
    private void aboutWholePost(
            Audience batch,
            WorkspaceId workspace,
            PostId id,
            java.util.function.BiFunction<String, Post, NewNotification> wording) {
        Optional<Workspace> found = batch.workspace(workspace);
        Optional<Post> post = post(workspace, id);
        if (found.isPresent() && post.isPresent()) {
            deliver(batch, workspace, wording.apply(found.get().slug(), post.get()), null);
        }
    }

    private void aboutPost(Audience batch, WorkspaceId workspace, PostId id, TargetId target, PostWording wording) {
        Optional<Workspace> found = batch.workspace(workspace);
        Optional<Post> post = post(workspace, id);
        if (found.isEmpty() || post.isEmpty()) {
            return; // deleted since: nothing left to act on
        }
        String account = post.get().targets().stream()
                .filter(t -> t.id().equals(target))
                .map(t -> t.account())
                .findFirst()
                .orElse("An account");
        deliver(batch, workspace, wording.of(found.get().slug(), post.get(), account), null);
    }

    /** A target marked published at an address that did not tell its id: Herald cannot write its comment again. */
    private static boolean publishedWithoutId(Post post, TargetId target) {
        return post.targets().stream()
                .anyMatch(t ->
                        t.id().equals(target) && t.status() == TargetStatus.PUBLISHED && t.platformPostId() == null);
    }

    private void awaitingApproval(Audience batch, PostAwaitingApproval event) {
        Optional<Workspace> found = batch.workspace(event.workspace());
        Optional<Post> post = post(event.workspace(), event.post());
        if (found.isEmpty() || post.isEmpty()) {
            return;
        }
        // A member who created it in the UI and still needs someone's approval is not told of their own post.
        String author = Provenance.Origin.UI.value().equals(event.origin()) ? event.createdBy() : null;
        // With the workspace's approval workflow on only owners and admins decide: editors are not sent to act.
        Role deciders = workspaceRules.requiresApproval(event.workspace())
                ? Role.ADMIN
                : NotificationKind.POST_AWAITING_APPROVAL.audience();
        deliver(
                batch,
                deciders,
                event.workspace(),
                Wording.awaitingApproval(
                        found.get().slug(),
                        event.post(),
                        Wording.excerpt(post.get().body()),
                        event.createdBy(),
                        event.due(),
                        found.get().timezone()),
                author);
    }

    /** To the member who created the post, unless they decided themselves or muted it; agents hear by webhook. */
    private void decided(Audience batch, PostApprovalDecided event) {
        Optional<Workspace> found = batch.workspace(event.workspace());
        Optional<Post> post = post(event.workspace(), event.post());
        if (found.isEmpty() || post.isEmpty()) {
            return;
        }
        Provenance created = post.get().provenance();
        if (created == null || !"user".equals(created.actorType()) || created.actorId() == null) {
            return;
        }
        String author = created.actorId();
        if (author.equals(event.by().id())) {
            return;
        }
        NewNotification notification = Wording.decided(
                found.get().slug(),
                event.post(),
                Wording.excerpt(post.get().body()),
                event.approved(),
                event.status() == PostStatus.DRAFT,
                event.by().label(),
                event.note());
        Set<UserId> muted = batch.mutedBy(event.workspace(), notification.kind());
        List<UserId> recipients = batch.members(event.workspace()).stream()
                .filter(m -> m.user().value().toString().equals(author))
                .filter(m -> notification.kind().reaches(m.role()) && !muted.contains(m.user()))
                .map(Member::user)
                .toList();
        notifications.deliver(event.workspace(), notification, recipients);
    }

    private void needsReconnect(Audience batch, ConnectionNeedsReconnect event) {
        Optional<Workspace> found = batch.workspace(event.workspace());
        Optional<Connection> connection = connections.find(event.workspace(), event.connection());
        if (found.isEmpty() || connection.isEmpty()) {
            return;
        }
        String platform = connections.providers().stream()
                .filter(p -> p.id().equals(event.provider()))
                .map(SocialProvider::displayName)
                .findFirst()
                .orElse(event.provider());
        deliver(
                batch,
                event.workspace(),
                Wording.needsReconnect(
                        found.get().slug(),
                        event.connection(),
                        platform + " @" + connection.get().username(),
                        event.reason()),
                null);
    }

    /** To every member whose role the kind reaches, but those who muted it and the one whose e-mail is {@code author}. */
    private void deliver(Audience batch, WorkspaceId workspace, NewNotification notification, @Nullable String author) {
        deliver(batch, notification.kind().audience(), workspace, notification, author);
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

    private Optional<Post> post(WorkspaceId workspace, PostId id) {
        try {
            return Optional.of(posts.get(workspace, id));
        } catch (NotFound e) {
            return Optional.empty();
        }
    }
}
