package herald.sandbox;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Deletes what can no longer be used: expired authorization codes, expired tokens (a spent refresh token is kept until
 * it expires, so that its replay is still recognised and revokes its family), families with no token left, and
 * stale rate windows. Runs every 10 minutes on one node of the cluster (db-scheduler).
 */
@Configuration(proxyBeanMethods = false)
class Cleanup {

    private static final Logger log = LoggerFactory.getLogger(Cleanup.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    Cleanup(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Bean
    RecurringTask<Void> sandboxCleanup() {
        return Tasks.recurring("sandbox-cleanup", FixedDelay.ofMinutes(10)).execute((instance, context) -> run());
    }

    /** Returns how many rows went. */
    int run() {
        Timestamp now = Timestamp.from(clock.instant());
        int codes = jdbc.sql("delete from sandbox_authorization_codes where expires_at < :now")
                .param("now", now)
                .update();
        int tokens = jdbc.sql("delete from sandbox_tokens where expires_at < :now")
                .param("now", now)
                .update();
        int families = jdbc.sql(
                        """
                        delete from sandbox_token_families f
                        where not exists (select 1 from sandbox_tokens t where t.family_id = f.id)
                          and f.created_at < :now""")
                .param("now", now)
                .update();
        int windows = jdbc.sql("delete from sandbox_rate_windows where window_start < :dayAgo")
                .param("dayAgo", Timestamp.from(Instant.from(now.toInstant()).minusSeconds(86_400)))
                .update();
        int total = codes + tokens + families + windows;
        if (total > 0) {
            log.info(
                    "Sandbox cleanup deleted {} codes, {} tokens, {} token families, {} rate windows",
                    codes,
                    tokens,
                    families,
                    windows);
        }
        return total;
    }
}
