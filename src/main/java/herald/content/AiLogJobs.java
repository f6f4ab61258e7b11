package herald.content;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The generation log's retention: every hour, on one node, calls logged before {@code herald.content.ai.log-retention}
 * are deleted, in every workspace (ADR 0010, addendum of 2026-12-02).
 */
@Configuration(proxyBeanMethods = false)
class AiLogJobs {

    private static final Logger log = LoggerFactory.getLogger(AiLogJobs.class);
    private static final int BATCH = 5_000;

    @Bean
    RecurringTask<Void> aiGenerationsPurge(AiGenerations generations, AiSettings settings, Clock clock) {
        return Tasks.recurring("ai-generations-purge", FixedDelay.ofHours(1)).execute((instance, context) -> {
            int purged = generations.purge(clock.instant().minus(settings.logRetention()), BATCH);
            if (purged > 0) {
                log.info("Deleted {} logged AI calls older than {}", purged, settings.logRetention());
            }
        });
    }
}
