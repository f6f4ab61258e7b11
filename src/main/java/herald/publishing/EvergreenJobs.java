package herald.publishing;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import herald.shared.WorkspaceId;
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
 * The {@code evergreen-fill}: a db-scheduler recurring task, so one node at a time runs it however many run Herald.
 * It visits the workspaces that refill their queue from their evergreen library ({@code herald_evergreen_workspaces},
 * V152) and fills each in its own scope ({@link EvergreenFill#fill}). {@code herald.publishing.evergreen.fill=false}
 * leaves it out of this node.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EvergreenJobs.Settings.class)
class EvergreenJobs {

    private static final Logger log = LoggerFactory.getLogger(EvergreenJobs.class);

    /**
     * {@code herald.publishing.evergreen.*}.
     *
     * @param fill whether this node runs the fill
     * @param fillEvery how often it looks for free slots to fill
     * @param perRound workspaces one round visits at most
     */
    @ConfigurationProperties("herald.publishing.evergreen")
    record Settings(
            @DefaultValue("true") boolean fill,
            @DefaultValue("10m") Duration fillEvery,
            @DefaultValue("1000") int perRound) {}

    @Bean
    @ConditionalOnBooleanProperty(name = "herald.publishing.evergreen.fill", matchIfMissing = true)
    RecurringTask<Void> evergreenFillTask(EvergreenFill evergreen, Settings settings) {
        return Tasks.recurring("evergreen-fill", FixedDelay.of(settings.fillEvery()))
                .execute((instance, context) -> {
                    for (WorkspaceId workspace : evergreen.workspaces(settings.perRound())) {
                        try {
                            evergreen.fill(workspace);
                        } catch (RuntimeException e) {
                            // Herald's own trouble (the database): the slots stay free for the next round; the
                            // other workspaces go on.
                            log.warn("The evergreen fill of workspace {} failed: {}", workspace, e.toString());
                        }
                    }
                });
    }
}
