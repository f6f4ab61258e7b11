package herald.sandbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A fixed window of requests per key (an account), counted in one atomic upsert so that all nodes share it, like the
 * per-user windows of X's API ({@code x-rate-limit-*}).
 */
@Component
class RateWindows {

    /** One request counted: the limit, what is left of it, when the window resets, and whether this one is over. */
    record Usage(int limit, int remaining, Instant reset, boolean exceeded) {}

    private final JdbcClient jdbc;
    private final SandboxSettings settings;
    private final Clock clock;

    RateWindows(JdbcClient jdbc, SandboxSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    Usage count(String key) {
        Instant now = clock.instant();
        int limit = settings.rateLimit().requests();
        long window = settings.rateLimit().window().toMillis();
        record Row(Timestamp windowStart, int used) {}
        Row row = jdbc.sql(
                        """
                        insert into sandbox_rate_windows as w (key, window_start, used) values (:key, :now, 1)
                        on conflict (key) do update set
                            window_start = case when w.window_start + :window * interval '1 millisecond' <= :now
                                                then :now else w.window_start end,
                            used = case when w.window_start + :window * interval '1 millisecond' <= :now
                                        then 1 else w.used + 1 end
                        returning window_start, used""")
                .param("key", key)
                .param("now", Timestamp.from(now))
                .param("window", window)
                // By position: query(Row.class) looked for a column "windowStart" first, a swallowed exception a
                // request
                .query((rs, n) -> new Row(rs.getTimestamp(1), rs.getInt(2)))
                .single();
        Instant reset = row.windowStart().toInstant().plusMillis(window);
        return new Usage(limit, Math.max(0, limit - row.used()), reset, row.used() > limit);
    }
}
