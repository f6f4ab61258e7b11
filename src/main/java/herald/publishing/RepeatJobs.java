package herald.publishing;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code repeat-sweep}: a db-scheduler recurring task, so one node at a time runs it however many run Herald. It
 * lists the repeating posts whose time has come and whose next occurrence is to be made, across workspaces by id
 * ({@code herald_repeats_due}, V145), and makes each in its workspace's scope ({@link PostRepeats#makeNext}).
 * {@code herald.publishing.repeats.sweep=false} leaves it out of this node.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RepeatJobs.Settings.class)
class RepeatJobs {

    private static final Logger log = LoggerFactory.getLogger(RepeatJobs.class);

    /**
     * {@code herald.publishing.repeats.*}.
     *
     * @param sweep whether this node runs the sweep (tests turn it off and make occurrences themselves)
     * @param sweepEvery how often it looks for occurrences to make
     * @param perSweep occurrences one sweep makes at most; the rest wait for the next
     */
    @ConfigurationProperties("herald.publishing.repeats")
    record Settings(
            @DefaultValue("true") boolean sweep,
            @DefaultValue("30s") Duration sweepEvery,
            @DefaultValue("200") int perSweep) {}

    @Bean
    @ConditionalOnBooleanProperty(name = "herald.publishing.repeats.sweep", matchIfMissing = true)
    RecurringTask<Void> repeatSweep(PostRepeats repeats, Settings settings) {
        return Tasks.recurring("repeat-sweep", FixedDelay.of(settings.sweepEvery()))
                .execute((instance, context) -> {
                    for (PostRepeats.Due due : repeats.due(settings.perSweep())) {
                        try {
                            repeats.makeNext(due.workspace(), due.post());
                        } catch (RuntimeException e) {
                            // Herald's own trouble (the database): the occurrence stays due and the next sweep tries
                            // again; the others go on.
                            log.warn(
                                    "The next occurrence of post {} of workspace {} was not made: {}",
                                    due.post(),
                                    due.workspace(),
                                    e.toString());
                        }
                    }
                });
    }
}
