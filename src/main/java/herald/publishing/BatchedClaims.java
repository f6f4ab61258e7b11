package herald.publishing;

import herald.shared.WorkspaceId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Makes the claims of this node's dispatcher threads in batches (docs/adr/0011, "the claim half"): a thread about to
 * call a platform queues its claim here and waits; one claimer thread takes whatever has queued, waiting up to {@code
 * herald.publishing.claim-linger} for more when it finds fewer than {@code herald.publishing.claim-batch}, and has
 * {@link ClaimBatch} make them in one transaction, where each claim alone took six round trips and a transaction
 * ({@link Claims}).
 *
 * <p>The unit of correctness stays one target: each item is claimed with its own fence and journal entry, under its
 * own post's lock, with the caps and the day's quota counted as claims one after the other would count them. A batch
 * that fails (a deadlock, say) is rolled back as a whole, a set of claims that never happened, and each of its threads
 * then claims alone; so does an item the batch hands back as {@code single} (its post shortens its links).
 */
@Component
class BatchedClaims implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BatchedClaims.class);

    private static final Object ALONE = ClaimBatch.ALONE;

    /** A target to claim, in its workspace. */
    record Request(WorkspaceId workspace, TargetId target) {}

    private record Queued(Request request, CompletableFuture<Object> claimed) {}

    private final Claims claims;
    private final ClaimBatch batch;
    private final PublishingSettings settings;
    private final BlockingQueue<Queued> queue = new ArrayBlockingQueue<>(1_000);
    private final DistributionSummary batchSizes;
    private final Counter unmade;
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong claimed = new AtomicLong();
    private final @Nullable Thread claimer;
    private volatile boolean running = true;

    BatchedClaims(Claims claims, ClaimBatch batch, PublishingSettings settings, MeterRegistry meters) {
        this.claims = claims;
        this.batch = batch;
        this.settings = settings;
        this.batchSizes = DistributionSummary.builder("herald.publishing.claim.batch")
                .description("Claims made by one call")
                .baseUnit("claims")
                .register(meters);
        Gauge.builder("herald.publishing.claim.queue", queue, BlockingQueue::size)
                .description("Claims waiting for their batch")
                .register(meters);
        this.unmade = Counter.builder("herald.publishing.claim.unmade")
                .description("Claims of batches that failed, made alone by their threads instead")
                .register(meters);
        this.claimer = settings.claimBatch() > 1
                ? Thread.ofPlatform().daemon().name("batched-claims").start(this::work)
                : null;
    }

    /**
     * Either a {@link Claim} to call the platform with, or the {@link Publisher.Next} step when there is nothing to
     * call, as {@link Claims#claim}: made with the other claims queued meanwhile, or alone when batching is off.
     */
    Object claim(WorkspaceId workspace, TargetId target) {
        if (claimer == null || !running) {
            return claims.claim(workspace, target);
        }
        var queued = new Queued(new Request(workspace, target), new CompletableFuture<>());
        if (!queue.offer(queued)) {
            return claims.claim(workspace, target);
        }
        Object result = awaitClaim(queued);
        return result == ALONE ? claims.claim(workspace, target) : result;
    }

    /**
     * Waits for the batch that takes the claim, without giving up when interrupted (a claim made for a thread that left
     * would hold its target in an attempt nobody calls for); should the claimer have stopped with the claim still
     * queued, the claim is made alone.
     */
    private Object awaitClaim(Queued queued) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return queued.claimed().get(200, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    if (claimer != null && !claimer.isAlive() && queue.remove(queued)) {
                        return ALONE;
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    return ALONE;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void work() {
        int most = settings.claimBatch();
        var taken = new ArrayList<Queued>(most);
        while (running) {
            try {
                if (!Batches.take(queue, taken, most, settings.claimLinger(), queued -> !running)) {
                    continue;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
            if (!taken.isEmpty()) {
                claimAll(taken);
                taken.clear();
            }
        }
        // Whoever queued after the end claims alone.
        var left = new ArrayList<Queued>();
        queue.drainTo(left);
        left.forEach(queued -> queued.claimed().complete(ALONE));
    }

    private void claimAll(List<Queued> taken) {
        Object @Nullable [] results = null;
        try {
            results = made(taken.stream().map(Queued::request).toList());
        } finally {
            // Whatever happened, no thread is left waiting: without a result, each claims alone.
            for (int i = 0; i < taken.size(); i++) {
                taken.get(i).claimed().complete(results == null ? ALONE : results[i]);
            }
        }
    }

    /**
     * The claims of {@code requests} made together now, in the caller's thread, each as its dispatcher thread would
     * end up with it (alone when the batch did not make it).
     */
    List<Object> claimTogether(List<Request> requests) {
        Object @Nullable [] results = made(requests);
        List<Object> claims = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            Request request = requests.get(i);
            claims.add(
                    results == null || results[i] == ALONE
                            ? this.claims.claim(request.workspace(), request.target())
                            : results[i]);
        }
        return claims;
    }

    /** Each request's claim, step or {@link ClaimBatch#ALONE}; null when the batch failed and none was made. */
    private Object @Nullable [] made(List<Request> requests) {
        Object @Nullable [] results = batch.make(requests);
        if (results == null) {
            unmade.increment(requests.size());
        }
        batchSizes.record(requests.size());
        long batchesSoFar = batches.incrementAndGet();
        long claimedSoFar = claimed.addAndGet(requests.size());
        if (claimedSoFar / 10_000 != (claimedSoFar - requests.size()) / 10_000) {
            log.info(
                    "Made {} claims in {} batches ({} a batch)",
                    claimedSoFar,
                    batchesSoFar,
                    String.format("%.1f", (double) claimedSoFar / batchesSoFar));
        }
        return results;
    }

    @Override
    public void destroy() throws InterruptedException {
        if (claimer == null) {
            return;
        }
        running = false;
        claimer.join(Duration.ofSeconds(10));
    }
}
