package herald.content;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The similarity catch-up: at start (db-scheduler runs a new recurring job at once) and then every {@code
 * herald.content.similarity-catch-up}, on one node, every workspace's posts without a current vector are embedded.
 */
@Configuration(proxyBeanMethods = false)
class SimilarityJobs {

    @Bean
    RecurringTask<Void> similarityCatchUp(PostIndex index, SimilaritySettings settings) {
        return Tasks.recurring("content-similarity-catch-up", FixedDelay.of(settings.similarityCatchUp()))
                .execute((instance, context) -> index.catchUpAll());
    }
}
