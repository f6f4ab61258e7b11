package herald.publishing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** How the engine's batching threads ({@link BatchedClaims}, {@link PublishedOutcomes}) take their next batch. */
final class Batches {

    private Batches() {}

    /**
     * Moves the next batch into {@code taken}: the first item to arrive within 200 ms, what queued with it, then what
     * arrives within {@code linger} of it, up to {@code batch} items, lingering no longer once {@code enough} says so.
     * False, with nothing taken, when nothing arrived.
     */
    static <T> boolean take(
            BlockingQueue<T> queue, List<T> taken, int batch, Duration linger, Predicate<List<T>> enough)
            throws InterruptedException {
        T first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
            return false;
        }
        taken.add(first);
        queue.drainTo(taken, batch - 1);
        long until = System.nanoTime() + linger.toNanos();
        while (taken.size() < batch && !enough.test(taken)) {
            long left = until - System.nanoTime();
            T next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
            if (next == null) {
                break;
            }
            taken.add(next);
            queue.drainTo(taken, batch - taken.size());
        }
        return true;
    }
}
