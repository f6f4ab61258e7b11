package herald.webhooks;

import herald.connections.ConnectionNeedsReconnect;
import herald.publishing.PostAwaitingApproval;
import herald.publishing.PostFailed;
import herald.publishing.PostNeedsAttention;
import herald.publishing.PostPublished;
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
 * the others; one worker thread of this node looks up the workspace's endpoints and records the deliveries, so a
 * publish never waits for this, and never writes inside a transaction that has already committed. Between events the
 * worker keeps the node's set of workspaces with endpoints fresh. An event still queued when its node dies is not delivered (the deliveries themselves are durable from the
 * moment they are recorded); a full queue drops events with a warning.
 */
@Component
class WebhookEvents implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WebhookEvents.class);
    private static final int QUEUE = 50_000;

    private record Raised(WorkspaceId workspace, WebhookEventType type, Map<String, Object> data) {}

    private final Subscriptions subscriptions;
    private final WebhookDeliveries deliveries;
    private final BlockingQueue<Raised> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Thread worker;
    private final AtomicInteger unfinished = new AtomicInteger();
    private volatile boolean running = true;

    WebhookEvents(Subscriptions subscriptions, WebhookDeliveries deliveries) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.worker = Thread.ofPlatform().daemon().name("webhook-events").start(this::work);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PostPublished event) {
        if (!subscriptions.mayHave(event.workspace())) {
            return;
        }
        var data =
                post(event.workspace(), event.post().toString(), event.target().toString(), event.provider());
        data.put("url", event.url().toString());
        data.put("publishedAt", event.publishedAt().toString());
        raise(event.workspace(), WebhookEventType.POST_PUBLISHED, data);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PostFailed event) {
        if (!subscriptions.mayHave(event.workspace())) {
            return;
        }
        var data =
                post(event.workspace(), event.post().toString(), event.target().toString(), event.provider());
        data.put("reason", event.reason());
        data.put("failedAt", event.failedAt().toString());
        raise(event.workspace(), WebhookEventType.POST_FAILED, data);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PostNeedsAttention event) {
        if (!subscriptions.mayHave(event.workspace())) {
            return;
        }
        var data =
                post(event.workspace(), event.post().toString(), event.target().toString(), event.provider());
        data.put("explanation", event.explanation());
        data.put("at", event.at().toString());
        raise(event.workspace(), WebhookEventType.POST_NEEDS_ATTENTION, data);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PostAwaitingApproval event) {
        if (!subscriptions.mayHave(event.workspace())) {
            return;
        }
        var data = new LinkedHashMap<String, Object>();
        data.put("workspaceId", event.workspace().toString());
        data.put("postId", event.post().toString());
        data.put("origin", event.origin());
        data.put("createdBy", event.createdBy());
        data.put("due", event.due().toString());
        raise(event.workspace(), WebhookEventType.POST_AWAITING_APPROVAL, data);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ConnectionNeedsReconnect event) {
        if (!subscriptions.mayHave(event.workspace())) {
            return;
        }
        var data = new LinkedHashMap<String, Object>();
        data.put("workspaceId", event.workspace().toString());
        data.put("connectionId", event.connection().value().toString());
        data.put("platform", event.provider());
        data.put("reason", event.reason());
        data.put("at", event.at().toString());
        raise(event.workspace(), WebhookEventType.CONNECTION_NEEDS_RECONNECT, data);
    }

    /** Whether every event raised so far has been turned into deliveries (for tests). */
    boolean idle() {
        return unfinished.get() == 0;
    }

    private static LinkedHashMap<String, Object> post(
            WorkspaceId workspace, String post, String target, String provider) {
        var data = new LinkedHashMap<String, Object>();
        data.put("workspaceId", workspace.toString());
        data.put("postId", post);
        data.put("targetId", target);
        data.put("platform", provider);
        return data;
    }

    private void raise(WorkspaceId workspace, WebhookEventType type, Map<String, Object> data) {
        unfinished.incrementAndGet();
        if (!queue.offer(new Raised(workspace, type, data))) {
            unfinished.decrementAndGet();
            log.warn(
                    "Dropped a {} webhook event of workspace {}: {} events are waiting",
                    type.value(),
                    workspace,
                    QUEUE);
        }
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
                        raised.data());
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
