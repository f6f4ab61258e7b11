package herald.publishing;

import herald.audit.AuditLog;
import herald.connections.AccessTokens;
import herald.database.TenantContext;
import herald.shared.WorkspaceId;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes one batch of claims ({@link BatchedClaims}) in one transaction of two calls and a commit, whatever their
 * number: {@code herald_claim_targets} ({@link ClaimRows}) claims what it can, each taken item's token is opened, and
 * their {@code secret.decrypted} entries are appended ({@link AuditLog#appendAll}) before the commit. The transaction
 * holds no workspace's scope: the functions take explicit (workspace, target) items.
 */
@Component
class ClaimBatch {

    private static final Logger log = LoggerFactory.getLogger(ClaimBatch.class);

    /** What a claim the batch did not make leaves to its thread: claiming alone. */
    static final Object ALONE = new Object();

    private final ClaimRows rows;
    private final DailyQuota quota;
    private final AccessTokens tokens;
    private final AuditLog audit;
    private final Claims claims;
    private final PublishingSettings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String node = ManagementFactory.getRuntimeMXBean().getName();

    ClaimBatch(
            ClaimRows rows,
            DailyQuota quota,
            AccessTokens tokens,
            AuditLog audit,
            Claims claims,
            PublishingSettings settings,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.rows = rows;
        this.quota = quota;
        this.tokens = tokens;
        this.audit = audit;
        this.claims = claims;
        this.settings = settings;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Each request's claim, step or {@link #ALONE}, in request order; null when the batch failed and none was made
     * (nothing of it was written).
     */
    Object @Nullable [] make(List<BatchedClaims.Request> requests) {
        try {
            // Each workspace's day first, outside the transaction: an uncached one is read in its own.
            Instant now = clock.instant();
            List<DailyQuota.Day> days = new ArrayList<>(requests.size());
            for (BatchedClaims.Request request : requests) {
                days.add(quota.day(request.workspace(), now));
            }
            return transactions.execute(status -> claimInTransaction(requests, days, now));
        } catch (RuntimeException e) {
            // Rolled back: none of these claims happened. Each thread claims alone, as it would without batches.
            log.warn("A batch of {} claims failed; claiming each alone", requests.size(), e);
            return null;
        }
    }

    /** The batch's transaction: the claims, each taken item's token opened, their audit entries appended. */
    private Object[] claimInTransaction(List<BatchedClaims.Request> taken, List<DailyQuota.Day> days, Instant now) {
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
            BatchedClaims.Request queued = taken.get(row.item());
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
        Claims.Admission admitted = claims.admit(
                due,
                day,
                reconcileSince,
                row.postsToday(),
                () -> tokens.openClaimed(
                        workspace,
                        due.connection(),
                        row.connectionStatus(),
                        row.connectionReason(),
                        row.connectionUsername(),
                        row.accessToken(),
                        now,
                        records));
        return new Claim(
                due.post(),
                target,
                due.fence() + 1,
                due.attempts() + 1,
                due,
                reconcileSince,
                now,
                admitted.refused(),
                admitted.token(),
                admitted.tokenRefused(),
                day.zone(),
                PlatformCall.content(due, reconcileSince == null ? now : reconcileSince, day.zone()));
    }
}
