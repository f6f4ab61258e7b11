package herald.publishing;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes that threads make at about the same time, run as one batch (group commit, docs/adr/0011). One batch runs at a
 * time: a thread that finds none running takes everything queued, its own item among it, up to {@code max}, and runs
 * it; threads that come meanwhile queue their items and wait, and when the batch ends one of them takes the queue as
 * the next batch, while those whose items were taken have their results. There is no timer: a thread that finds
 * nothing running and nothing queued runs its item alone at once, as it would without this class, so an idle system
 * pays nothing and batches grow with the load.
 *
 * <p>A batch that fails is not retried as a batch: each of its items is then run alone by its own thread, so that one
 * bad item never fails its neighbours (the batch's transaction rolled back as a whole).
 */
final class GroupCommit<I, O> {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    private final int max;
    private final Function<List<I>, List<O>> batch;
    private final Function<I, O> alone;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition settled = lock.newCondition();
    private final ArrayDeque<Pending<I, O>> queue = new ArrayDeque<>();
    private boolean running;

    /**
     * @param max the most items in one batch; 1 runs every item alone
     * @param batch runs several items in one transaction and returns their results in their order
     * @param alone runs one item on its own
     */
    GroupCommit(int max, Function<List<I>, List<O>> batch, Function<I, O> alone) {
        if (max < 1) {
            throw new IllegalArgumentException("A batch holds at least one item: " + max);
        }
        this.max = max;
        this.batch = batch;
        this.alone = alone;
    }

    private static final class Pending<I, O> {
        private final I item;
        private O result;
        private boolean done;
        private boolean runAlone;

        private Pending(I item) {
            this.item = item;
        }
    }

    /** The item's result, from a batch or from running it alone; what {@code alone} throws, for an item run alone. */
    O run(I item) {
        if (max == 1) {
            return alone.apply(item);
        }
        Pending<I, O> mine = new Pending<>(item);
        lock.lock();
        try {
            queue.add(mine);
        } finally {
            lock.unlock();
        }
        while (true) {
            List<Pending<I, O>> taken;
            lock.lock();
            try {
                while (running && !mine.done && !mine.runAlone) {
                    // Uninterruptibly: the item is an outcome that must be written whatever happens to its thread.
                    settled.awaitUninterruptibly();
                }
                if (mine.done) {
                    return mine.result;
                }
                if (mine.runAlone) {
                    taken = List.of();
                } else {
                    taken = new ArrayList<>(Math.min(max, queue.size()));
                    while (!queue.isEmpty() && taken.size() < max) {
                        taken.add(queue.poll());
                    }
                    running = true;
                }
            } finally {
                lock.unlock();
            }
            if (taken.isEmpty()) {
                return alone.apply(item); // its batch failed
            }
            if (taken.size() == 1) {
                // Nothing else was queued, so the one item is this thread's own: written alone, as without batches.
                try {
                    return alone.apply(item);
                } finally {
                    settle(taken, null);
                }
            }
            lead(taken);
        }
    }

    /** Items queued and not yet taken by a batch: for tests, which wait for threads to line up. */
    int queued() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    private void lead(List<Pending<I, O>> taken) {
        List<O> results = null;
        try {
            results = batch.apply(taken.stream().map(p -> p.item).toList());
            if (results.size() != taken.size()) {
                throw new IllegalStateException(
                        "A batch of " + taken.size() + " items returned " + results.size() + " results");
            }
        } catch (RuntimeException e) {
            results = null;
            log.warn("A batch of {} writes failed; each is written alone instead", taken.size(), e);
        } finally {
            settle(taken, results);
        }
    }

    /** Hands each taken item its result, or back to its thread to run alone when there is none, and ends the batch. */
    private void settle(List<Pending<I, O>> taken, @Nullable List<O> results) {
        lock.lock();
        try {
            for (int i = 0; i < taken.size(); i++) {
                Pending<I, O> pending = taken.get(i);
                if (results == null) {
                    pending.runAlone = true;
                } else {
                    pending.result = results.get(i);
                    pending.done = true;
                }
            }
            running = false;
            settled.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
