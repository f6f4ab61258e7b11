package herald.notifications;

import herald.connections.ConnectionNeedsReconnect;
import herald.inbox.InboxCommentReceived;
import herald.inbox.InboxPostSettled;
import herald.publishing.PostApprovalDecided;
import herald.publishing.PostAwaitingApproval;
import herald.publishing.PostCommentFailed;
import herald.publishing.PostFailed;
import herald.publishing.PostNeedsAttention;
import herald.publishing.PostRepeatStopped;
import herald.publishing.PostThreadFailed;
import herald.publishing.PostTrouble;
import herald.publishing.PostTroubleSettled;
import herald.reviews.ReviewFeedback;
import java.util.ArrayList;
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
 * Hands the events that need a person to the {@link Notifier}, once their transaction committed. The publishing
 * thread only queues the event; one worker thread of this node takes them in batches, so a publish never waits for
 * this and a failure here never reaches it. An event still queued when its node dies is not notified (the post's page
 * and the posts list show its state all the same); a full queue drops events with a warning. {@code PostPublished} is
 * left out on purpose: it needs nobody.
 */
@Component
class NotificationEvents implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NotificationEvents.class);
    static final int QUEUE = 10_000;
    static final int BATCH = 200;

    private final Notifier notifier;
    private final Notifications notifications;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicInteger unfinished = new AtomicInteger();
    private final Thread worker;
    private volatile boolean running = true;

    NotificationEvents(Notifier notifier, Notifications notifications) {
        this.notifier = notifier;
        this.notifications = notifications;
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
    void on(PostCommentFailed event) {
        raise(event);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PostThreadFailed event) {
        raise(event);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PostAwaitingApproval event) {
        raise(event);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PostRepeatStopped event) {
        raise(event);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ConnectionNeedsReconnect event) {
        raise(event);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ReviewFeedback event) {
        raise(event);
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(InboxCommentReceived event) {
        raise(event);
    }

    /** Every comment under the post is dealt with: everyone's notifications of its comments are read, as above. */
    @TransactionalEventListener(fallbackExecution = true)
    void on(InboxPostSettled event) {
        try {
            notifications.settle(event.workspace(), event.post(), NotificationKind.INBOX_COMMENT);
        } catch (RuntimeException e) {
            log.warn("Could not mark the comment notifications of post {} read: {}", event.post(), e.toString());
        }
    }

    /**
     * Once someone approved or rejected a post (on the approvals page, through a review link, by API), everyone's
     * "awaits approval" notification about it is read: nobody else is sent to act on it. After the decision committed,
     * on the deciding thread (one statement); a failure is only logged. The member who created the post is then told
     * of the decision, as other notifications are, by the worker.
     */
    @TransactionalEventListener(fallbackExecution = true)
    void on(PostApprovalDecided event) {
        try {
            notifications.settle(event.workspace(), event.post(), NotificationKind.POST_AWAITING_APPROVAL);
        } catch (RuntimeException e) {
            log.warn("Could not mark the approval notifications of post {} read: {}", event.post(), e.toString());
        }
        raise(event);
    }

    /**
     * Once a person dealt with a post's trouble (retried it, settled a target or a first comment, cancelled it),
     * everyone's unread notifications of the kinds that no target of the post is in any more are read, as for a decided
     * approval: on the deciding thread, one statement, a failure only logged. A failure after this makes a new, unread
     * one (coalescing joins unread notifications only).
     */
    @TransactionalEventListener(fallbackExecution = true)
    void on(PostTroubleSettled event) {
        var kinds = event.settled().stream().map(NotificationEvents::kind).toList();
        try {
            notifications.settle(event.workspace(), event.post(), kinds);
        } catch (RuntimeException e) {
            log.warn("Could not mark the notifications {} of post {} read: {}", kinds, event.post(), e.toString());
        }
    }

    static NotificationKind kind(PostTrouble trouble) {
        return switch (trouble) {
            case FAILED -> NotificationKind.POST_FAILED;
            case UNKNOWN -> NotificationKind.POST_NEEDS_ATTENTION;
            case COMMENT_FAILED -> NotificationKind.POST_COMMENT_FAILED;
            case COMMENT_UNKNOWN -> NotificationKind.POST_COMMENT_UNKNOWN;
            case THREAD_FAILED -> NotificationKind.POST_THREAD_FAILED;
        };
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

    /** Takes the events in batches of up to {@value #BATCH} ({@link Notifier#tell} says why). */
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
            try {
                notifier.tell(events);
            } catch (RuntimeException e) {
                log.warn("Could not store the notifications of {} events: {}", events.size(), e.toString());
            } finally {
                unfinished.addAndGet(-events.size());
            }
        }
    }

    @Override
    public void destroy() {
        running = false;
        worker.interrupt();
    }
}
