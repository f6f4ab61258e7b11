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
 * The notifications' jobs, each on one node at a time. Retention: every hour, notifications created before {@code
 * herald.notifications.retention} are deleted in every workspace, read or not, a batch per transaction. E-mail: every
 * few seconds ({@code herald.notifications.email.every}), what is due is sent; the queue is the table {@code
 * notification_emails}, so a node that dies loses nothing (db-scheduler runs the job on another node, and the rows it
 * had claimed come due again after their backoff). Without {@code spring.mail.host} nothing is queued and the job only
 * looks.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationSettings.class)
class NotificationJobs {

    private static final Logger log = LoggerFactory.getLogger(NotificationJobs.class);
    static final String PRUNE = "notifications-prune";
    static final String EMAIL = "notification-emails";
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

    @Bean
    RecurringTask<Void> notificationEmailsSend(
            NotificationMailer mailer, MailServer mail, NotificationSettings settings) {
        return Tasks.recurring(EMAIL, FixedDelay.of(settings.email().every())).execute((instance, context) -> {
            if (mail.enabled()) {
                mailer.sendDue();
            }
        });
    }
}
