package herald.publishing;

import herald.shared.WorkspaceId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Writes the published outcomes of this node's dispatcher threads in batches (docs/adr/0011, "a batch made on
 * purpose"): a thread whose call published hands its outcome here and goes on to its next job, and one writer thread
 * writes whatever has queued meanwhile in one call ({@link OutcomeRows}), up to {@code
 * herald.publishing.outcome-batch} outcomes, waiting up to {@code herald.publishing.outcome-linger} for more when
 * the first finds few. Each outcome still applies only while its target carries its attempt's fence, and the
 * target's job ends in the same transaction; then its {@link PostPublished} is raised.
 *
 * <p>Nothing is lost by writing later: until its outcome commits, a target is an attempt that started and did not
 * finish, as if its node had died after the call. Should the node die with outcomes queued, or a batch and each of
 * its outcomes alone fail to write, their jobs, no longer heartbeated, are taken over as dead executions and the next
 * attempt of each reconciles from the platform before anything is published again (docs/adr/0008). Failed, unknown
 * and retried outcomes are not batched: they are rare, and each commits durably before its job goes on.
 */
@Component
class PublishedOutcomes implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PublishedOutcomes.class);
    private static final int QUEUE = 10_000;

    /** An outcome waiting for its batch, and who hears whether it was applied. */
    private record Queued(
            OutcomeRows.Published outcome, PostPublished event, boolean waited, CompletableFuture<Boolean> applied) {}

    private final OutcomeRows rows;
    private final OutcomeEntries entries;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int batch;
    private final Duration linger;
    private final BlockingQueue<Queued> queue = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final DistributionSummary batchSizes;
    private final Counter appliedOutcomes;
    private final Counter overtakenOutcomes;
    private final Counter unwrittenOutcomes;
    private final @Nullable Thread writer;
    private volatile boolean running = true;

    @Autowired
    PublishedOutcomes(
            OutcomeRows rows,
            OutcomeEntries entries,
            ApplicationEventPublisher events,
            PublishingSettings settings,
            MeterRegistry meters,
            Clock clock) {
        this(rows, entries, events, meters, clock, settings.outcomeBatch(), settings.outcomeLinger());
    }

    PublishedOutcomes(
            OutcomeRows rows,
            OutcomeEntries entries,
            ApplicationEventPublisher events,
            MeterRegistry meters,
            Clock clock,
            int batch,
            Duration linger) {
        this.rows = rows;
        this.entries = entries;
        this.events = events;
        this.clock = clock;
        this.batch = batch;
        this.linger = linger;
        this.batchSizes = DistributionSummary.builder("herald.publishing.outcome.batch")
                .description("Published outcomes written by one call")
                .baseUnit("outcomes")
                .register(meters);
        Gauge.builder("herald.publishing.outcome.queue", queue, BlockingQueue::size)
                .description("Published outcomes waiting for their batch")
                .register(meters);
        this.appliedOutcomes = outcomes(meters, "applied");
        this.overtakenOutcomes = outcomes(meters, "overtaken");
        this.unwrittenOutcomes = outcomes(meters, "unwritten");
        this.writer = batch > 1
                ? Thread.ofPlatform().daemon().name("published-outcomes").start(this::work)
                : null;
    }

    private static Counter outcomes(MeterRegistry meters, String result) {
        return Counter.builder("herald.publishing.outcome.written")
                .description("Published outcomes the writer ended: applied, overtaken by a newer attempt, or unwritten")
                .tag("result", result)
                .register(meters);
    }

    /** Whether outcomes are written in batches here ({@code herald.publishing.outcome-batch} above 1). */
    boolean batching() {
        return writer != null;
    }

    /**
     * Queues a published outcome for the next batch, waiting only while the queue is full. The future completes once
     * its batch committed: true when the outcome was applied, false when a newer attempt had taken the target over.
     */
    CompletableFuture<Boolean> submit(
            WorkspaceId workspace,
            TargetId target,
            Claim claim,
            Publisher.Outcome.Published published,
            boolean waited) {
        Instant now = clock.instant();
        return submit(
                new OutcomeRows.Published(
                        workspace,
                        claim.post(),
                        target,
                        claim.fence(),
                        published.reconciled(),
                        published.post().id(),
                        published.post().url(),
                        now,
                        entries.of(workspace, target, claim, published)),
                PostPublished.of(workspace, target, claim, published.post().url(), now),
                waited);
    }

    CompletableFuture<Boolean> submit(OutcomeRows.Published outcome, PostPublished event, boolean waited) {
        var applied = new CompletableFuture<Boolean>();
        try {
            queue.put(new Queued(outcome, event, waited, applied));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            applied.completeExceptionally(e);
        }
        return applied;
    }

    /** Batches written so far, and the outcomes in them: their ratio is the mean batch. */
    long[] written() {
        return new long[] {batches.get(), written.get()};
    }

    private void work() {
        var taken = new ArrayList<Queued>(batch);
        while (running || !queue.isEmpty()) {
            try {
                if (!Batches.take(queue, taken, batch, linger, queued -> !running || waitedFor(queued))) {
                    continue;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
            if (!taken.isEmpty()) {
                write(taken);
                taken.clear();
            }
        }
    }

    /** Whether a thread waits for one of these: then the batch is written without lingering for more. */
    private static boolean waitedFor(List<Queued> taken) {
        for (Queued queued : taken) {
            if (queued.waited()) {
                return true;
            }
        }
        return false;
    }

    private void write(List<Queued> taken) {
        List<OutcomeRows.Published> outcomes = new ArrayList<>(taken.size());
        for (Queued queued : taken) {
            outcomes.add(queued.outcome());
        }
        @Nullable Boolean[] applied = new Boolean[taken.size()];
        try {
            BitSet written = rows.completePublished(outcomes, clock.instant());
            for (int i = 0; i < applied.length; i++) {
                applied[i] = written.get(i);
            }
        } catch (RuntimeException e) {
            // One outcome the batch cannot take (say a deadlock with an edit) must not fail its neighbours: each is
            // written alone, as an attempt of its own would.
            log.warn("A batch of {} published outcomes did not write; writing each alone", taken.size(), e);
            applied = alone(outcomes);
        }
        batchSizes.record(taken.size());
        long batchesSoFar = batches.incrementAndGet();
        long writtenSoFar = this.written.addAndGet(taken.size());
        if (writtenSoFar / 10_000 != (writtenSoFar - taken.size()) / 10_000) {
            log.info(
                    "Wrote {} published outcomes in {} batches ({} a batch)",
                    writtenSoFar,
                    batchesSoFar,
                    String.format("%.1f", (double) writtenSoFar / batchesSoFar));
        }
        for (int i = 0; i < taken.size(); i++) {
            Queued queued = taken.get(i);
            Boolean outcome = applied[i];
            (outcome == null ? unwrittenOutcomes : outcome ? appliedOutcomes : overtakenOutcomes).increment();
            if (outcome == null) {
                queued.applied().completeExceptionally(new IllegalStateException("The outcome was not written"));
                continue;
            }
            if (outcome) {
                try {
                    events.publishEvent(queued.event());
                } catch (RuntimeException e) {
                    log.warn(
                            "A listener of post {}'s publication failed",
                            queued.outcome().post(),
                            e);
                }
            } else {
                log.info(
                        "Attempt {} of a target of post {} was overtaken by a newer one; its outcome was not applied",
                        queued.outcome().fence(),
                        queued.outcome().post());
            }
            queued.applied().complete(outcome);
        }
    }

    /** Each outcome in a transaction of its own: applied, overtaken, or null when it could not be written at all. */
    private @Nullable Boolean[] alone(List<OutcomeRows.Published> outcomes) {
        @Nullable Boolean[] applied = new Boolean[outcomes.size()];
        for (int i = 0; i < outcomes.size(); i++) {
            OutcomeRows.Published o = outcomes.get(i);
            try {
                applied[i] = rows.complete(
                        false,
                        o.workspace(),
                        o.post(),
                        o.target(),
                        o.fence(),
                        AttemptOutcome.published(o.reconciled(), o.platformId(), o.url()),
                        o.at(),
                        o.audit());
            } catch (RuntimeException e) {
                // Its attempt stays unfinished: the job, no longer heartbeated, is taken over and reconciles.
                log.error("The published outcome of a target of post {} could not be written", o.post(), e);
            }
        }
        return applied;
    }

    @Override
    public void destroy() throws InterruptedException {
        if (writer == null) {
            return;
        }
        running = false;
        writer.join(Duration.ofSeconds(10));
    }
}
