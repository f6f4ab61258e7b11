package herald.notifications;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The notifications' retention: every hour, on one node, notifications created before {@code
 * herald.notifications.retention} are deleted in every workspace, read or not, a batch per transaction.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationSettings.class)
class NotificationJobs {

    private static final Logger log = LoggerFactory.getLogger(NotificationJobs.class);
    static final String PRUNE = "notifications-prune";
    static final int BATCH = 5_000;

    @Bean
    RecurringTask<Void> notificationsPrune(Notifications notifications, NotificationSettings settings, Clock clock) {
        return Tasks.recurring(PRUNE, FixedDelay.ofHours(1)).execute((instance, context) -> {
            int pruned = notifications.prune(clock.instant().minus(settings.retention()), BATCH);
            if (pruned > 0) {
                log.info("Deleted {} notifications older than {}", pruned, settings.retention());
            }
        });
    }
}
