package herald.sandbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The fault knobs, kept in one database row so that every node serving the Sandbox applies the same faults. Each
 * node reads the row at most once per {@link #CACHE}; the node that changes them sees the change at once.
 */
@Component
class Faults {

    static final Duration CACHE = Duration.ofMillis(500);

    /** The faults in force; {@link #NONE} when nothing is set. */
    record Settings(
            int latencyMs,
            double errorRate,
            @Nullable Instant rateLimitedUntil,
            boolean timeoutAfterCreate,
            boolean refuseRefresh) {

        static final Settings NONE = new Settings(0, 0, null, false, false);
    }

    private record Cached(Settings settings, Instant readAt) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile @Nullable Cached cached;

    Faults(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Settings current() {
        Cached last = cached;
        Instant now = Instant.now();
        if (last != null && last.readAt().plus(CACHE).isAfter(now)) {
            return last.settings();
        }
        Settings settings = jdbc.sql(
                        """
                        select latency_ms, error_rate, rate_limited_until, timeout_after_create, refuse_refresh
                        from sandbox_faults where id = 1""")
                .query((rs, row) -> new Settings(
                        rs.getInt("latency_ms"),
                        rs.getDouble("error_rate"),
                        rs.getTimestamp("rate_limited_until") == null
                                ? null
                                : rs.getTimestamp("rate_limited_until").toInstant(),
                        rs.getBoolean("timeout_after_create"),
                        rs.getBoolean("refuse_refresh")))
                .optional()
                .orElse(Settings.NONE);
        cached = new Cached(settings, now);
        return settings;
    }

    /** Whether the rate-limit fault is in force now. */
    boolean rateLimitedNow(Settings settings) {
        return settings.rateLimitedUntil() != null
                && settings.rateLimitedUntil().isAfter(clock.instant());
    }

    /** Replaces the faults: a PUT states all of them, and what it leaves out is off. */
    void set(Settings settings) {
        jdbc.sql(
                        """
                        insert into sandbox_faults
                            (id, latency_ms, error_rate, rate_limited_until, timeout_after_create, refuse_refresh)
                        values (1, :latency, :errorRate, :until, :timeout, :refuse)
                        on conflict (id) do update set latency_ms = excluded.latency_ms,
                            error_rate = excluded.error_rate, rate_limited_until = excluded.rate_limited_until,
                            timeout_after_create = excluded.timeout_after_create,
                            refuse_refresh = excluded.refuse_refresh""")
                .param("latency", settings.latencyMs())
                .param("errorRate", settings.errorRate())
                .param(
                        "until",
                        settings.rateLimitedUntil() == null ? null : Timestamp.from(settings.rateLimitedUntil()))
                .param("timeout", settings.timeoutAfterCreate())
                .param("refuse", settings.refuseRefresh())
                .update();
        cached = null;
    }

    void clear() {
        jdbc.sql("delete from sandbox_faults").update();
        cached = null;
    }
}
