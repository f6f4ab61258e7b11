package herald.feeds;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import herald.shared.WorkspaceId;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code feed-sweep}: a db-scheduler recurring task, so one node at a time runs it however many run Herald. It
 * lists the due feeds across workspaces by id ({@code herald_feeds_due}, V132) and checks each in its workspace's
 * scope, one after another. {@code herald.feeds.poll=false} leaves it out of this node.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FeedSettings.class)
class FeedJobs {

    private static final Logger log = LoggerFactory.getLogger(FeedJobs.class);

    @Bean
    @ConditionalOnBooleanProperty(name = "herald.feeds.poll", matchIfMissing = true)
    RecurringTask<Void> feedSweep(FeedChecker checker, JdbcClient jdbc, FeedSettings settings, Clock clock) {
        return Tasks.recurring("feed-sweep", FixedDelay.of(settings.sweepEvery()))
                .execute((instance, context) -> {
                    record Due(WorkspaceId workspace, FeedId feed) {}
                    List<Due> due = jdbc.sql("select * from herald_feeds_due(:now, :limit)")
                            .param("now", Timestamp.from(clock.instant()))
                            .param("limit", settings.perSweep())
                            .query((rs, n) -> new Due(
                                    new WorkspaceId(rs.getObject(1, UUID.class)),
                                    new FeedId(rs.getObject(2, UUID.class))))
                            .list();
                    for (Due feed : due) {
                        try {
                            checker.check(feed.workspace(), feed.feed());
                        } catch (RuntimeException e) {
                            // Herald's own trouble (the database, a feed deleted or paused meanwhile): the feed stays
                            // due and the next sweep tries again; the others go on.
                            log.warn(
                                    "Feed {} of workspace {} was not checked: {}",
                                    feed.feed(),
                                    feed.workspace(),
                                    e.toString());
                        }
                    }
                });
    }
}
