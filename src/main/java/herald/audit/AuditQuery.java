package herald.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Filters for reading the log, newest first. {@code actor} matches an actor id or an actor type ({@code user},
 * {@code api_key}, ...); {@code before} is the sequence to continue below (a cursor).
 */
public record AuditQuery(
        @Nullable String action,
        @Nullable String actor,
        @Nullable Instant from,
        @Nullable Instant to,
        @Nullable Long before,
        int limit) {

    /** The most entries one query returns. */
    public static final int MAX_LIMIT = 500;

    public AuditQuery {
        limit = Math.max(1, Math.min(limit, MAX_LIMIT));
    }

    public static AuditQuery latest(int limit) {
        return new AuditQuery(null, null, null, null, null, limit);
    }
}
