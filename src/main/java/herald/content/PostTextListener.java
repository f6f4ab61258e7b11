package herald.content;

import herald.publishing.PostPublished;
import herald.publishing.PostScheduled;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
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

    private final PostIndex index;
    private final ThreadPoolExecutor executor;
    private final AtomicLong dropped = new AtomicLong();

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

    @TransactionalEventListener(fallbackExecution = true)
    void on(PostPublished published) {
        submit(() -> index.published(published.workspace(), published.post(), published.publishedAt()));
    }

    private void submit(Runnable work) {
        try {
            executor.execute(() -> {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    log.warn("Could not store a post's vector (the catch-up job will): {}", e.toString());
                }
            });
        } catch (RejectedExecutionException full) {
            if (dropped.incrementAndGet() % 100 == 1) {
                log.warn("The post vector queue is full; {} events left to the catch-up job", dropped.get());
            }
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
            if (executor.getQueue().isEmpty() && executor.getActiveCount() == 0) {
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
