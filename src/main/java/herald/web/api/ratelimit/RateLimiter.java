package herald.web.api.ratelimit;

import herald.shared.WorkspaceId;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * One token bucket per workspace in Postgres, so every node draws from the same bucket. A bucket holds the plan's
 * hourly allowance and refills smoothly over the hour. Its key includes the allowance, so a plan change starts a
 * bucket of the new size. A bucket row expires a few minutes after it would be full again. Other hourly limits (the
 * public review pages') draw from buckets of their own keys through {@link #consume(String, int)}.
 */
@Component
public class RateLimiter {

    private static final Duration WINDOW = Duration.ofHours(1);

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

    RateLimiter(DataSource dataSource) {
        // Row locks (SELECT ... FOR UPDATE) rather than advisory locks: the key is text, and the lock lasts exactly
        // as long as Bucket4j's own short transaction.
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_buckets")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(5)))
                .build();
    }

    /** What one request cost and what is left. */
    public record Outcome(boolean allowed, long limit, long remaining, long secondsToReset, long secondsToRetry) {}

    Outcome consume(WorkspaceId workspace, int perHour) {
        return consume("api:" + workspace, perHour);
    }

    /**
     * Takes one request from the bucket {@code key} (never a secret: it is stored as it is), which holds {@code perHour}
     * and refills over the hour.
     */
    public Outcome consume(String key, int perHour) {
        var configuration = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(perHour)
                        .refillGreedy(perHour, WINDOW)
                        .build())
                .build();
        ConsumptionProbe probe = buckets.builder()
                .build(key + ":" + perHour, () -> configuration)
                .tryConsumeAndReturnRemaining(1);
        return new Outcome(
                probe.isConsumed(),
                perHour,
                probe.getRemainingTokens(),
                seconds(probe.getNanosToWaitForReset()),
                Math.max(1, seconds(probe.getNanosToWaitForRefill())));
    }

    /** Deletes up to {@code batch} buckets that have been full for a while; returns how many. */
    int removeExpired(int batch) {
        return buckets.removeExpired(batch);
    }

    private static long seconds(long nanos) {
        return (nanos + 999_999_999L) / 1_000_000_000L;
    }
}
