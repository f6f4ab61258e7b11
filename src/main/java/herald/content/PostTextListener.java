package herald.content;

import herald.publishing.PostPublished;
import herald.publishing.PostScheduled;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Learns what text goes out: {@link PostScheduled} (created, edited, approved) and {@link PostPublished} (one per
 * target). Nothing runs on the publisher's thread or in its transaction: after the commit (or at once when there is
 * none) the event is handed to one background thread with a bounded queue. When the queue is full the event is
 * dropped, and a lost event (a full queue, a node that stopped) is harmless: the catch-up job embeds whatever posts
 * have no vector or a stale one.
 */
@Component
class PostTextListener implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PostTextListener.class);
    static final int QUEUE = 1000;
    static final int BATCH = 200;

    /**
     * How long a drain lets published events gather before it takes a batch that is not full. Without it, a burst of
     * a few hundred targets a second reached the drain one or two at a time (7,500 checks for 10,000 targets, each
     * planned afresh), which cost more than the single-target transactions the batches replaced.
     */
    static final Duration LINGER = Duration.ofMillis(100);

    private final PostIndex index;
    private final ThreadPoolExecutor executor;
    private final AtomicLong dropped = new AtomicLong();
    private final LinkedBlockingQueue<PostPublished> published = new LinkedBlockingQueue<>(QUEUE);
    private final AtomicBoolean draining = new AtomicBoolean();

    PostTextListener(PostIndex index) {
        this.index = index;
        this.executor = new ThreadPoolExecutor(
                1,
                1,
                0,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE),
                Thread.ofPlatform().daemon().name("post-vectors-", 0).factory(),
                new ThreadPoolExecutor.AbortPolicy());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(PostScheduled scheduled) {
        submit(() -> index.index(scheduled.workspace(), scheduled.post(), scheduled.body(), scheduled.due(), false));
    }

    /**
     * Published targets wait in their own bounded queue, and one task drains it in batches of up to {@link #BATCH}: in a
     * burst, one statement then tells which of a batch's posts lack a vector (almost none), instead of a transaction per
     * target. At most one drain is queued or running at a time; it is queued behind the events that came before.
     */
    @TransactionalEventListener(fallbackExecution = true)
    void on(PostPublished event) {
        if (!published.offer(event)) {
            drop();
            return;
        }
        if (draining.compareAndSet(false, true) && !submit(this::drain)) {
            draining.set(false); // the next event queues the drain, or the catch-up job has the posts
        }
    }

    private void drain() {
        while (true) {
            linger();
            List<PostPublished> batch = new ArrayList<>(BATCH);
            published.drainTo(batch, BATCH);
            if (batch.isEmpty()) {
                draining.set(false);
                // An event offered between the empty drain and the flag's reset found a drain still "running".
                if (published.isEmpty() || !draining.compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            try {
                index.published(batch);
            } catch (RuntimeException e) {
                log.warn("Could not check published posts' vectors (the catch-up job will): {}", e.toString());
            }
        }
    }

    /** Waits until a full batch is queued, at most {@link #LINGER}. */
    private void linger() {
        long until = System.nanoTime() + LINGER.toNanos();
        try {
            while (published.size() < BATCH && System.nanoTime() < until) {
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Hands the work to the background thread; false when its queue is full and the work was dropped. */
    private boolean submit(Runnable work) {
        try {
            executor.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.warn("Could not store a post's vector (the catch-up job will): {}", e.toString());
                }
            });
            return true;
        } catch (RejectedExecutionException full) {
            drop();
            return false;
        }
    }

    private void drop() {
        if (dropped.incrementAndGet() % 100 == 1) {
            log.warn("The post vector queue is full; {} events left to the catch-up job", dropped.get());
        }
    }

    /** Events dropped because the queue was full (for tests and metrics). */
    long dropped() {
        return dropped.get();
    }

    /** Waits until every event handed over so far has been handled, at most {@code millis} (for tests). */
    boolean idle(long millis) throws InterruptedException {
        long until = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < until) {
            if (executor.getQueue().isEmpty() && executor.getActiveCount() == 0 && !draining.get()) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
