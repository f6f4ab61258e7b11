package herald.notifications;

import herald.connections.Connection;
import herald.connections.ConnectionNeedsReconnect;
import herald.connections.Connections;
import herald.inbox.InboxCommentReceived;
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
import herald.publishing.TargetId;
import herald.publishing.TargetStatus;
import herald.reviews.ReviewFeedback;
import herald.shared.NotFound;
import herald.shared.WorkspaceId;
import herald.tenancy.Workspace;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What to tell about an event: reads what the words need (the post and its account, the connection, the workspace) and
 * hands the notification to {@link Recipients}, which stores it for the members it reaches.
 */
@Component
class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    private final Recipients recipients;
    private final Posts posts;
    private final Connections connections;

    Notifier(Recipients recipients, Posts posts, Connections connections) {
        this.recipients = recipients;
        this.posts = posts;
        this.connections = connections;
    }

    /**
     * Stores the notifications of a batch of events, each for every member it reaches. A burst of failures in one
     * workspace reads its members and mutes once, not once per event; an event that cannot be told (its post gone, the
     * database away) is logged and the others go on.
     */
    void tell(List<Object> events) {
        var batch = recipients.batch();
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
            case InboxCommentReceived e ->
                aboutWholePost(
                        batch,
                        e.workspace(),
                        e.post(),
                        (slug, post) -> Wording.inboxComment(slug, e.post(), Wording.excerpt(post.body()), e));
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
            recipients.deliver(batch, workspace, wording.apply(found.get().slug(), post.get()), null);
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
        recipients.deliver(batch, workspace, wording.of(found.get().slug(), post.get(), account), null);
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
        recipients.deliverAwaitingApproval(
                batch,
                event,
                Wording.awaitingApproval(
                        found.get().slug(),
                        event.post(),
                        Wording.excerpt(post.get().body()),
                        event.createdBy(),
                        event.due(),
                        found.get().timezone()));
    }

    private void decided(Audience batch, PostApprovalDecided event) {
        Optional<Workspace> found = batch.workspace(event.workspace());
        Optional<Post> post = post(event.workspace(), event.post());
        if (found.isEmpty() || post.isEmpty()) {
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
        recipients.deliverDecided(batch, event, post.get().provenance(), notification);
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
        recipients.deliver(
                batch,
                event.workspace(),
                Wording.needsReconnect(
                        found.get().slug(),
                        event.connection(),
                        platform + " @" + connection.get().username(),
                        event.reason()),
                null);
    }

    private Optional<Post> post(WorkspaceId workspace, PostId id) {
        try {
            return Optional.of(posts.get(workspace, id));
        } catch (NotFound e) {
            return Optional.empty();
        }
    }
}
