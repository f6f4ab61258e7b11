package herald.webhooks;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import herald.shared.WorkspaceId;
import herald.vault.EncryptedColumn;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The delivery jobs: one durable {@code webhook-delivery} execution per delivery, rescheduled by itself after a failed
 * attempt and revived on another node when its node dies (db-scheduler's dead-execution check: the attempt is then
 * made again, which is why receivers dedupe by {@code webhook-id}); a sweep that schedules again any pending delivery
 * whose job is overdue by a minute; and the hourly removal of ended deliveries older than the retention. {@code
 * herald.webhooks.deliver=false} leaves all three out of this node.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookSettings.class)
class WebhookJobs {

    @Bean
    EncryptedColumn webhookSecretColumn() {
        return WebhookEndpoints.SECRET;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "herald.webhooks.deliver", matchIfMissing = true)
    static class Delivering {

        private static final Logger log = LoggerFactory.getLogger(WebhookJobs.class);
        private static final Duration OVERDUE = Duration.ofMinutes(1);

        @Bean
        CustomTask<String> webhookDeliveryTask(WebhookSender sender) {
            return Tasks.custom(WebhookDeliveries.TASK, String.class)
                    // An exception here is Herald's own (the database was away): the attempt is made again shortly.
                    .onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofSeconds(30)))
                    .execute((instance, context) -> {
                        String data = instance.getData();
                        WebhookSender.Next next =
                                sender.attempt(WebhookDeliveries.workspaceOf(data), WebhookDeliveries.deliveryOf(data));
                        if (next.at() == null) {
                            return new CompletionHandler.OnCompleteRemove<>();
                        }
                        return (complete, operations) -> operations.reschedule(complete, next.at());
                    });
        }

        @Bean
        RecurringTask<Void> webhookOverdueSweep(JdbcClient jdbc, WebhookDeliveries deliveries, Clock clock) {
            return Tasks.recurring("webhook-overdue-sweep", FixedDelay.of(OVERDUE))
                    .execute((instance, context) -> jdbc.sql(
                                    "select * from herald_webhook_deliveries_overdue(:before, 500)")
                            .param("before", Timestamp.from(clock.instant().minus(OVERDUE)))
                            .query((rs, n) -> {
                                deliveries.schedule(
                                        new WorkspaceId(rs.getObject(1, UUID.class)),
                                        new WebhookDeliveryId(rs.getObject(2, UUID.class)),
                                        clock.instant());
                                return null;
                            })
                            .list());
        }

        @Bean
        RecurringTask<Void> webhookPrune(JdbcClient jdbc, WebhookSettings settings, Clock clock) {
            return Tasks.recurring("webhook-prune", FixedDelay.of(Duration.ofHours(1)))
                    .execute((instance, context) -> {
                        Integer removed = jdbc.sql("select herald_webhook_deliveries_prune(:before, 10000)")
                                .param("before", Timestamp.from(clock.instant().minus(settings.retention())))
                                .query(Integer.class)
                                .single();
                        if (removed != null && removed > 0) {
                            log.info("Removed {} webhook deliveries older than {}", removed, settings.retention());
                        }
                    });
        }
    }
}
