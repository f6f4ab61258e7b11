package herald.web.api.idempotency;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import herald.web.api.ApiFilterOrder;
import herald.web.api.ApiSettings;
import herald.web.api.problems.ProblemWriter;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyConfiguration.class);

    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(
            IdempotencyStore store, ApiSettings settings, ProblemWriter problems, ResponseRedaction redaction) {
        var registration = new FilterRegistrationBean<>(new IdempotencyFilter(store, settings, problems, redaction));
        registration.setOrder(ApiFilterOrder.IDEMPOTENCY);
        registration.addUrlPatterns("/api/*");
        return registration;
    }

    /** Deletes keys past their retention; db-scheduler runs it on one node of the cluster at a time. */
    @Bean
    RecurringTask<Void> idempotencyKeysPurge(IdempotencyStore store, ApiSettings settings, Clock clock) {
        return Tasks.recurring(
                        "api-idempotency-keys-purge",
                        FixedDelay.of(settings.idempotency().purgeInterval()))
                .execute((instance, context) -> {
                    int purged = store.purge(
                            clock.instant().minus(settings.idempotency().retention()));
                    if (purged > 0) {
                        log.info("Purged {} expired idempotency keys", purged);
                    }
                });
    }
}
