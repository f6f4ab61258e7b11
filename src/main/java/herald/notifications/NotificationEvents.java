package herald.notifications;

import herald.connections.Connection;
import herald.connections.ConnectionNeedsReconnect;
import herald.connections.Connections;
import herald.providers.SocialProvider;
import herald.publishing.Post;
import herald.publishing.PostAwaitingApproval;
import herald.publishing.PostFailed;
import herald.publishing.PostId;
import herald.publishing.PostNeedsAttention;
import herald.publishing.Posts;
import herald.publishing.Provenance;
import herald.publishing.TargetId;
import herald.shared.NotFound;
import herald.shared.UserId;
import herald.shared.WorkspaceId;
import herald.tenancy.Member;
import herald.tenancy.Memberships;
import herald.tenancy.Workspace;
import herald.tenancy.Workspaces;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Turns the events that need a person into notifications, once their transaction committed. The publishing thread
 * only queues the event; one worker thread of this node reads what the words need (the post, the account, the
 * workspace's members and mutes) and stores one notification per member who can act, so a publish never waits for
 * this and a failure here never reaches it. An event still queued when its node dies is not notified (the post's page
 * and the posts list show its state all the same); a full queue drops events with a warning. {@code PostPublished} is
 * left out on purpose: it needs nobody.
 */
@Component
class NotificationEvents implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NotificationEvents.class);
    static final int QUEUE = 10_000;
    static final int BATCH = 200;

    private final Notifications notifications;
    private final NotificationMutes mutes;
    private final Workspaces workspaces;
    private final Memberships memberships;
    private final Posts posts;
    private final Connections connections;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicInteger unfinished = new AtomicInteger();
    private final Thread worker;
    private volatile boolean running = true;

    NotificationEvents(
            Notifications notifications,
            NotificationMutes mutes,
            Workspaces workspaces,
            Memberships memberships,
            Posts posts,
            Connections connections) {
        this.notifications = notifications;
        this.mutes = mutes;
        this.workspaces = workspaces;
        this.memberships = memberships;
        this.posts = posts;
        this.connections = connections;
        this.worker = Thread.ofPlatform().daemon().name("notification-events").start(this::work);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PostFailed event) {
        raise(event);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PostNeedsAttention event) {
        raise(event);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PostAwaitingApproval event) {
        raise(event);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ConnectionNeedsReconnect event) {
        raise(event);
    }

    /** Whether every event raised so far has been turned into notifications (for tests). */
    boolean idle() {
        return unfinished.get() == 0;
    }

    private void raise(Object event) {
        unfinished.incrementAndGet();
        if (!queue.offer(event)) {
            unfinished.decrementAndGet();
            log.warn(
                    "Dropped a {} notification: {} events are waiting",
                    event.getClass().getSimpleName(),
                    QUEUE);
        }
    }

    /**
     * Takes the events in batches of up to {@value #BATCH}: a burst of failures in one workspace reads its members
     * and mutes once, not once per event.
     */
    private void work() {
        while (running) {
            Object first;
            try {
                first = queue.poll(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (first == null) {
                continue;
            }
            var events = new ArrayList<Object>(BATCH);
            events.add(first);
            queue.drainTo(events, BATCH - 1);
            var batch = new Batch();
            for (Object event : events) {
                try {
                    tell(event, batch);
                } catch (RuntimeException e) {
                    log.warn(
                            "Could not store the notifications of a {}: {}",
                            event.getClass().getSimpleName(),
                            e.toString());
                } finally {
                    unfinished.decrementAndGet();
                }
            }
        }
    }

    /** What one batch reads once per workspace; the next batch reads again, so a new member is seen soon. */
    private final class Batch {

        private final Map<WorkspaceId, Optional<Workspace>> found = new HashMap<>();
        private final Map<WorkspaceId, List<Member>> members = new HashMap<>();
        private final Map<WorkspaceId, Map<NotificationKind, Set<UserId>>> muted = new HashMap<>();

        Optional<Workspace> workspace(WorkspaceId workspace) {
            return found.computeIfAbsent(workspace, workspaces::find);
        }

        List<Member> members(WorkspaceId workspace) {
            return members.computeIfAbsent(workspace, memberships::list);
        }

        Set<UserId> mutedBy(WorkspaceId workspace, NotificationKind kind) {
            return muted.computeIfAbsent(workspace, w -> new EnumMap<>(NotificationKind.class))
                    .computeIfAbsent(kind, k -> mutes.mutedBy(workspace, k));
        }
    }

    /** Stores the event's notification for every member it reaches. */
    private void tell(Object event, Batch batch) {
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
            case PostAwaitingApproval e -> awaitingApproval(batch, e);
            case ConnectionNeedsReconnect e -> needsReconnect(batch, e);
            default -> throw new IllegalArgumentException("Not a notified event: " + event.getClass());
        }
    }

    private interface PostWording {
        NewNotification of(String slug, Post post, String account);
    }

    private void aboutPost(Batch batch, WorkspaceId workspace, PostId id, TargetId target, PostWording wording) {
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

    private void awaitingApproval(Batch batch, PostAwaitingApproval event) {
        Optional<Workspace> found = batch.workspace(event.workspace());
        Optional<Post> post = post(event.workspace(), event.post());
        if (found.isEmpty() || post.isEmpty()) {
            return;
        }
        // A member who created it in the UI and still needs someone's approval is not told of their own post.
        String author = Provenance.Origin.UI.value().equals(event.origin()) ? event.createdBy() : null;
        deliver(
                batch,
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

    private void needsReconnect(Batch batch, ConnectionNeedsReconnect event) {
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
    private void deliver(Batch batch, WorkspaceId workspace, NewNotification notification, @Nullable String author) {
        Set<UserId> muted = batch.mutedBy(workspace, notification.kind());
        List<UserId> recipients = batch.members(workspace).stream()
                .filter(m -> notification.kind().reaches(m.role()))
                .filter(m -> !muted.contains(m.user()))
                .filter(m -> author == null || !author.equalsIgnoreCase(m.email()))
                .map(Member::user)
                .toList();
        notifications.deliver(workspace, notification, recipients);
    }

    private Optional<Post> post(WorkspaceId workspace, PostId id) {
        try {
            return Optional.of(posts.get(workspace, id));
        } catch (NotFound e) {
            return Optional.empty();
        }
    }

    @Override
    public void destroy() {
        running = false;
        worker.interrupt();
    }
}
