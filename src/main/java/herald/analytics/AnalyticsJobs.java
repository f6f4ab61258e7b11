package herald.analytics;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code post-metrics-sweep} and the {@code audience-snapshot}: db-scheduler recurring tasks, so one node at a time
 * runs each however many run Herald. {@code herald.analytics.collect=false} leaves them out of this node.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AnalyticsSettings.class)
class AnalyticsJobs {

    private static final Logger log = LoggerFactory.getLogger(AnalyticsJobs.class);

    @Bean
    @ConditionalOnBooleanProperty(name = "herald.analytics.collect", matchIfMissing = true)
    RecurringTask<Void> postMetricsSweep(MetricsCollector collector, AnalyticsSettings settings, Clock clock) {
        return Tasks.recurring("post-metrics-sweep", FixedDelay.of(settings.sweepEvery()))
                .execute((instance, context) -> {
                    MetricsCollector.Sweep sweep = collector.sweep(clock.instant());
                    if (sweep.read() + sweep.failed() > 0 || sweep.tracked() > 0) {
                        log.debug(
                                "Post figures: {} targets tracked, {} read, {} not read",
                                sweep.tracked(),
                                sweep.read(),
                                sweep.failed());
                    }
                });
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "herald.analytics.collect", matchIfMissing = true)
    RecurringTask<Void> audienceSnapshot(AudienceCollector collector, AnalyticsSettings settings, Clock clock) {
        return Tasks.recurring("audience-snapshot", FixedDelay.of(settings.audienceEvery()))
                .execute((instance, context) -> {
                    AudienceCollector.Sweep sweep = collector.sweep(clock.instant());
                    if (sweep.read() + sweep.failed() > 0) {
                        log.debug("Audience: {} snapshots taken, {} not", sweep.read(), sweep.failed());
                    }
                });
    }
}
