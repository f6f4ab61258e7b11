package herald.inbox;

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
 * The {@code inbox-sweep}: a db-scheduler recurring task, so one node at a time runs it however many run Herald.
 * {@code herald.inbox.collect=false} leaves it out of this node.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(InboxSettings.class)
class InboxJobs {

    private static final Logger log = LoggerFactory.getLogger(InboxJobs.class);

    @Bean
    @ConditionalOnBooleanProperty(name = "herald.inbox.collect", matchIfMissing = true)
    RecurringTask<Void> inboxSweep(InboxCollector collector, InboxSettings settings, Clock clock) {
        return Tasks.recurring("inbox-sweep", FixedDelay.of(settings.sweepEvery()))
                .execute((instance, context) -> {
                    InboxCollector.Sweep sweep = collector.sweep(clock.instant());
                    if (sweep.read() + sweep.failed() > 0 || sweep.tracked() > 0) {
                        log.debug(
                                "Inbox: {} posts watched, {} read, {} comments found, {} not read",
                                sweep.tracked(),
                                sweep.read(),
                                sweep.found(),
                                sweep.failed());
                    }
                });
    }
}
