package herald.publishing;

import herald.audit.AuditLog;
import herald.connections.AccessTokens;
import herald.connections.ConnectionNotActive;
import herald.database.TenantContext;
import herald.providers.Providers;
import herald.shared.NotFound;
import herald.shared.WorkspaceId;
import herald.vault.VaultException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the claims of this node's dispatcher threads in batches (docs/adr/0011, "the claim half"): a thread about to
 * call a platform queues its claim here and waits; one claimer thread takes whatever has queued, waiting up to {@code
 * herald.publishing.claim-linger} for more when it finds fewer than {@code herald.publishing.claim-batch}, and claims
 * them in one transaction of three statements whatever their number ({@link ClaimRows}, then the tokens' audit entries,
 * then the commit), where each claim alone took six round trips and a transaction ({@link Claims}).
 *
 * <p>The unit of correctness stays one target: each item is claimed with its own fence and journal entry, under its
 * own post's lock, with the caps and the day's quota counted as claims one after the other would count them. A batch
 * that fails (a deadlock, say) is rolled back as a whole, a set of claims that never happened, and each of its threads
 * then claims alone; so does an item the batch hands back as {@code single} (its post shortens its links).
 */
@Component
class BatchedClaims implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BatchedClaims.class);

    /** What a claim the batch did not make leaves to its thread: claiming alone. */
    private static final Object ALONE = new Object();

    /** A target to claim, in its workspace. */
    record Request(WorkspaceId workspace, TargetId target) {}

    private record Queued(Request request, CompletableFuture<Object> claimed) {}

    private final Claims claims;
    private final ClaimRows rows;
    private final DailyQuota quota;
    private final AccessTokens tokens;
    private final AuditLog audit;
    private final Providers providers;
    private final PublishingSettings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String node = ManagementFactory.getRuntimeMXBean().getName();
    private final BlockingQueue<Queued> queue = new ArrayBlockingQueue<>(1_000);
    private final DistributionSummary batchSizes;
    private final Counter unmade;
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong claimed = new AtomicLong();
    private final @Nullable Thread claimer;
    private volatile boolean running = true;

    BatchedClaims(
            Claims claims,
            ClaimRows rows,
            DailyQuota quota,
            AccessTokens tokens,
            AuditLog audit,
            Providers providers,
            PublishingSettings settings,
            PlatformTransactionManager transactionManager,
            MeterRegistry meters,
            Clock clock) {
        this.claims = claims;
        this.rows = rows;
        this.quota = quota;
        this.tokens = tokens;
        this.audit = audit;
        this.providers = providers;
        this.settings = settings;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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

    /** Batches made so far, and the claims in them: their ratio is the mean batch. */
    long[] made() {
        return new long[] {batches.get(), claimed.get()};
    }

    private void work() {
        int batch = settings.claimBatch();
        var taken = new ArrayList<Queued>(batch);
        while (running) {
            try {
                if (!Batches.take(queue, taken, batch, settings.claimLinger(), queued -> !running)) {
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

    /** Each request's claim, step or {@link #ALONE}; null when the batch failed and none was made. */
    private Object @Nullable [] made(List<Request> requests) {
        Object[] results;
        try {
            // Each workspace's day first, outside the transaction: an uncached one is read in its own.
            Instant now = clock.instant();
            List<DailyQuota.Day> days = new ArrayList<>(requests.size());
            for (Request request : requests) {
                days.add(quota.day(request.workspace(), now));
            }
            results = transactions.execute(status -> claimInTransaction(requests, days, now));
        } catch (RuntimeException e) {
            // Rolled back: none of these claims happened. Each thread claims alone, as it would without batches.
            log.warn("A batch of {} claims failed; claiming each alone", requests.size(), e);
            unmade.increment(requests.size());
            results = null;
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

    /** The batch's transaction: the claims, each taken item's token opened, their audit entries appended. */
    private Object[] claimInTransaction(List<Request> taken, List<DailyQuota.Day> days, Instant now) {
        if (TenantContext.current().isPresent()) {
            throw new IllegalStateException("A batch of claims runs in no workspace's scope");
        }
        List<ClaimRows.Item> items = new ArrayList<>(taken.size());
        for (int i = 0; i < taken.size(); i++) {
            DailyQuota.Day day = days.get(i);
            items.add(new ClaimRows.Item(taken.get(i).workspace(), taken.get(i).target(), day.from(), day.to()));
        }
        var terms = new ClaimRows.Terms(
                now,
                now.plusMillis(Claims.EARLY_MILLIS),
                now.minus(settings.inFlightFor()),
                tokens.staleBefore(now),
                settings.perAccount(),
                settings.perWorkspace(),
                settings.perPlatform(),
                settings.perPlatformDefault(),
                node);
        // An item with no row has no target in its workspace (edited away or deleted): its job ends.
        Object[] results = new Object[taken.size()];
        Arrays.fill(results, Publisher.Next.DONE);
        List<AuditLog.Pending> records = new ArrayList<>();
        for (ClaimRows.Row row : rows.claim(items, terms)) {
            Request queued = taken.get(row.item());
            results[row.item()] = result(queued.workspace(), queued.target(), row, days.get(row.item()), now, records);
        }
        audit.appendAll(records);
        return results;
    }

    private Object result(
            WorkspaceId workspace,
            TargetId target,
            ClaimRows.Row row,
            DailyQuota.Day day,
            Instant now,
            List<AuditLog.Pending> records) {
        if (row.single()) {
            return ALONE;
        }
        Attempts.Due due = row.due();
        if (!row.taken()) {
            return Claims.unclaimable(due, now).orElseGet(() -> Claims.deferred(now));
        }
        Instant reconcileSince = row.since();
        String refused =
                reconcileSince == null ? quota.refusal(day, row.postsToday()).orElse(null) : null;
        AccessTokens.@Nullable Opened token = null;
        String tokenRefused = null;
        if (refused == null && providers.find(due.provider()).isPresent()) {
            try {
                token = tokens.openClaimed(
                                workspace,
                                due.connection(),
                                row.connectionStatus(),
                                row.connectionReason(),
                                row.connectionUsername(),
                                row.accessToken(),
                                now,
                                records)
                        .orElse(null);
            } catch (ConnectionNotActive | NotFound e) {
                tokenRefused = e.getMessage();
            } catch (VaultException e) {
                log.warn("The token of a target of post {} did not open in the claim", due.post());
            }
        }
        return new Claim(
                due.post(),
                target,
                due.fence() + 1,
                due.attempts() + 1,
                due,
                reconcileSince,
                now,
                refused,
                token,
                tokenRefused,
                day.zone(),
                PlatformCall.content(due, reconcileSince == null ? now : reconcileSince, day.zone()));
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
