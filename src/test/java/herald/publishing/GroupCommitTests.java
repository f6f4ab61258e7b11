package herald.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Group commit without a database: items queued while a write runs become the next batch, each thread gets its own
 * item's result, and a failed batch is written item by item.
 */
class GroupCommitTests {

    final ExecutorService threads = Executors.newFixedThreadPool(4);
    final CountDownLatch firstMayFinish = new CountDownLatch(1);
    final List<List<Integer>> batches = new CopyOnWriteArrayList<>();
    final List<Integer> alone = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    /** Item 0 is written alone and holds the write until the test lets it go; the others wait meanwhile. */
    Function<Integer, Integer> aloneTimesTen() {
        return item -> {
            alone.add(item);
            if (item == 0) {
                await(firstMayFinish);
            }
            return item * 10;
        };
    }

    @Test
    void itemsQueuedWhileAWriteRunsAreWrittenTogetherAndEachThreadGetsItsOwnResult() throws Exception {
        var group = new GroupCommit<Integer, Integer>(
                16,
                items -> {
                    batches.add(items);
                    return items.stream().map(i -> i * 10).toList();
                },
                aloneTimesTen());

        Future<Integer> first = threads.submit(() -> group.run(0));
        waitFor(() -> alone.contains(0));
        List<Future<Integer>> others = List.of(
                threads.submit(() -> group.run(1)),
                threads.submit(() -> group.run(2)),
                threads.submit(() -> group.run(3)));
        waitFor(() -> group.queued() == 3);
        firstMayFinish.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(0);
        assertThat(others.get(0).get(10, TimeUnit.SECONDS)).isEqualTo(10);
        assertThat(others.get(1).get(10, TimeUnit.SECONDS)).isEqualTo(20);
        assertThat(others.get(2).get(10, TimeUnit.SECONDS)).isEqualTo(30);
        assertThat(alone)
                .as("only the first, which found nothing running, was written alone")
                .containsExactly(0);
        assertThat(batches).hasSize(1);
        assertThat(batches.getFirst()).containsExactlyInAnyOrder(1, 2, 3);
    }

    @Test
    void aBatchThatFailsIsWrittenItemByItemByEachItemsOwnThread() throws Exception {
        var group = new GroupCommit<Integer, Integer>(
                16,
                items -> {
                    batches.add(items);
                    throw new IllegalStateException("deadlock detected");
                },
                aloneTimesTen());

        Future<Integer> first = threads.submit(() -> group.run(0));
        waitFor(() -> alone.contains(0));
        Future<Integer> second = threads.submit(() -> group.run(1));
        Future<Integer> third = threads.submit(() -> group.run(2));
        waitFor(() -> group.queued() == 2);
        firstMayFinish.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(0);
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(10);
        assertThat(third.get(10, TimeUnit.SECONDS)).isEqualTo(20);
        assertThat(batches).hasSize(1);
        assertThat(alone).containsExactlyInAnyOrder(0, 1, 2);
    }

    @Test
    void aBatchOfAtMostOneWritesEveryItemAlone() {
        var group = new GroupCommit<Integer, Integer>(
                1,
                items -> {
                    throw new AssertionError("no batch when batches hold one item");
                },
                item -> item + 1);

        assertThat(group.run(41)).isEqualTo(42);
        assertThat(group.queued()).isZero();
    }

    static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits for other threads to reach a state; fails after ten seconds rather than hanging the build. */
    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited ten seconds").isLessThan(until);
            Thread.sleep(5);
        }
    }
}
