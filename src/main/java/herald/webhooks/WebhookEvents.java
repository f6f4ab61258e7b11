package herald.webhooks;

import herald.connections.ConnectionNeedsReconnect;
import herald.inbox.InboxCommentReceived;
import herald.publishing.PostApprovalDecided;
import herald.publishing.PostAwaitingApproval;
import herald.publishing.PostCommentFailed;
import herald.publishing.PostFailed;
import herald.publishing.PostId;
import herald.publishing.PostNeedsAttention;
import herald.publishing.PostPublished;
import herald.publishing.PostThreadFailed;
import herald.publishing.TargetId;
import herald.reviews.ReviewFeedback;
import herald.shared.WorkspaceId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Turns the events other modules raise into deliveries, once their transaction committed. The publishing thread drops
 * the event of a workspace without endpoints after a look-up in memory ({@link Subscriptions#mayHave}) and only queues
 * the others as they are; one worker thread of this node builds their data, looks up the workspace's endpoints and
 * records the deliveries, so a publish never waits for this, and never writes inside a transaction that has already
 * committed. Between events the worker keeps the node's set of workspaces with endpoints fresh. An event still queued
 * when its node dies is not delivered (the deliveries themselves are durable from the moment they are recorded); a
 * full queue drops events with a warning.
 */
@Component
class WebhookEvents implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WebhookEvents.class);
    private static final int QUEUE = 50_000;

    private record Raised(WorkspaceId workspace, WebhookEventType type, Object event) {}

    private final Subscriptions subscriptions;
    private final WebhookDeliveries deliveries;
    private final BlockingQueue<Raised> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Thread worker;
    private final AtomicInteger unfinished = new AtomicInteger();
    private volatile boolean running = true;

    private final PostTagsOf tags;

    WebhookEvents(Subscriptions subscriptions, WebhookDeliveries deliveries, herald.publishing.Posts posts) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.tags = (workspace, post) -> {
            try {
                return posts.get(workspace, post).tags();
            } catch (herald.shared.NotFound e) {
                return java.util.List.of();
            }
        };
        this.worker = Thread.ofPlatform().daemon().name("webhook-events").start(this::work);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PostPublished event) {
        raise(event.workspace(), WebhookEventType.POST_PUBLISHED, event);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PostFailed event) {
        raise(event.workspace(), WebhookEventType.POST_FAILED, event);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PostNeedsAttention event) {
        raise(event.workspace(), WebhookEventType.POST_NEEDS_ATTENTION, event);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PostCommentFailed event) {
        raise(event.workspace(), WebhookEventType.POST_COMMENT_FAILED, event);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PostThreadFailed event) {
        raise(event.workspace(), WebhookEventType.POST_THREAD_FAILED, event);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PostAwaitingApproval event) {
        raise(event.workspace(), WebhookEventType.POST_AWAITING_APPROVAL, event);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PostApprovalDecided event) {
        raise(event.workspace(), WebhookEventType.POST_APPROVAL_DECIDED, event);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ReviewFeedback event) {
        raise(event.workspace(), WebhookEventType.REVIEW_FEEDBACK, event);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(InboxCommentReceived event) {
        raise(event.workspace(), WebhookEventType.INBOX_COMMENT, event);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ConnectionNeedsReconnect event) {
        raise(event.workspace(), WebhookEventType.CONNECTION_NEEDS_RECONNECT, event);
    }

    /** Whether every event raised so far has been turned into deliveries (for tests). */
    boolean idle() {
        return unfinished.get() == 0;
    }

    /** Queues the event for the worker, unless its workspace has no endpoint: then nothing is built or woken. */
    private void raise(WorkspaceId workspace, WebhookEventType type, Object event) {
        if (!subscriptions.mayHave(workspace)) {
            return;
        }
        unfinished.incrementAndGet();
        if (!queue.offer(new Raised(workspace, type, event))) {
            unfinished.decrementAndGet();
            log.warn(
                    "Dropped a {} webhook event of workspace {}: {} events are waiting",
                    type.value(),
                    workspace,
                    QUEUE);
        }
    }

    /** A post's tags, read by the worker for the events of workspaces that have endpoints. */
    interface PostTagsOf {
        java.util.List<String> of(WorkspaceId workspace, PostId post);
    }

    /** The event's {@code data}, with the post's tags for the events of a post. */
    Map<String, Object> data(Object event) {
        return data(event, tags);
    }

    static Map<String, Object> data(Object event, PostTagsOf tags) {
        var data = new LinkedHashMap<String, Object>();
        switch (event) {
            case PostPublished e -> {
                post(data, e.workspace(), e.post(), e.target(), e.provider(), tags);
                data.put("format", e.format().value());
                data.put("url", e.url().toString());
                data.put("publishedAt", e.publishedAt().toString());
            }
            case PostFailed e -> {
                post(data, e.workspace(), e.post(), e.target(), e.provider(), tags);
                data.put("format", e.format().value());
                data.put("reason", e.reason());
                data.put("failedAt", e.failedAt().toString());
            }
            case PostNeedsAttention e -> {
                post(data, e.workspace(), e.post(), e.target(), e.provider(), tags);
                data.put("format", e.format().value());
                data.put("explanation", e.explanation());
                data.put("at", e.at().toString());
            }
            case PostCommentFailed e -> {
                post(data, e.workspace(), e.post(), e.target(), e.provider(), tags);
                data.put("reason", e.reason());
                data.put("unknown", e.unknown());
                data.put("failedAt", e.failedAt().toString());
            }
            case PostThreadFailed e -> {
                post(data, e.workspace(), e.post(), e.target(), e.provider(), tags);
                data.put("part", e.part());
                data.put("reason", e.reason());
                data.put("unknown", e.unknown());
                data.put("failedAt", e.failedAt().toString());
            }
            case PostAwaitingApproval e -> {
                data.put("workspaceId", e.workspace().toString());
                data.put("postId", e.post().toString());
                data.put("origin", e.origin());
                data.put("createdBy", e.createdBy());
                data.put("due", e.due().toString());
                data.put("tags", tags.of(e.workspace(), e.post()));
            }
            case PostApprovalDecided e -> {
                data.put("workspaceId", e.workspace().toString());
                data.put("postId", e.post().toString());
                data.put("approved", e.approved());
                data.put("status", e.status().value());
                if (e.note() != null) {
                    data.put("note", e.note());
                }
                data.put("tags", tags.of(e.workspace(), e.post()));
            }
            case ReviewFeedback e -> {
                data.put("workspaceId", e.workspace().toString());
                data.put("postId", e.post().toString());
                data.put("reviewer", e.reviewer());
                data.put("feedback", e.kind().name().toLowerCase(java.util.Locale.ROOT));
                data.put("text", e.text());
                data.put("tags", tags.of(e.workspace(), e.post()));
            }
            case InboxCommentReceived e -> {
                data.put("workspaceId", e.workspace().toString());
                data.put("commentId", e.id().toString());
                data.put("postId", e.post().toString());
                data.put("connectionId", e.connection().value().toString());
                data.put("platform", e.provider());
                data.put("account", e.account());
                Map<String, Object> author = new LinkedHashMap<>();
                author.put("handle", e.authorHandle());
                author.put("name", e.authorName());
                data.put("author", author);
                data.put("text", e.text());
                data.put("url", e.url() == null ? null : e.url().toString());
                data.put("replyTo", e.replyTo());
                data.put("writtenAt", e.writtenAt().toString());
                data.put("tags", tags.of(e.workspace(), e.post()));
            }
            case ConnectionNeedsReconnect e -> {
                data.put("workspaceId", e.workspace().toString());
                data.put("connectionId", e.connection().value().toString());
                data.put("platform", e.provider());
                data.put("reason", e.reason());
                data.put("at", e.at().toString());
            }
            default -> throw new IllegalArgumentException("Not a webhook event: " + event.getClass());
        }
        return data;
    }

    private static void post(
            Map<String, Object> data,
            WorkspaceId workspace,
            PostId post,
            TargetId target,
            String provider,
            PostTagsOf tags) {
        data.put("workspaceId", workspace.toString());
        data.put("postId", post.toString());
        data.put("targetId", target.toString());
        data.put("platform", provider);
        data.put("tags", tags.of(workspace, post));
    }

    private void work() {
        while (running) {
            Raised raised;
            try {
                raised = queue.poll(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (raised == null) {
                try {
                    subscriptions.refreshIfDue();
                } catch (RuntimeException e) {
                    log.warn("Could not read which workspaces have webhook endpoints: {}", e.toString());
                }
                continue;
            }
            try {
                deliveries.enqueue(
                        raised.workspace(),
                        subscriptions.of(raised.workspace(), raised.type()),
                        raised.type(),
                        data(raised.event()));
            } catch (RuntimeException e) {
                log.warn(
                        "Could not record the {} webhook deliveries of workspace {}: {}",
                        raised.type().value(),
                        raised.workspace(),
                        e.toString());
            } finally {
                unfinished.decrementAndGet();
            }
        }
    }

    @Override
    public void destroy() {
        running = false;
        worker.interrupt();
    }
}
