package herald.operations;

import com.github.kagkarlsson.scheduler.PollingStrategyConfig;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerProperties;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts db-scheduler, which its Spring Boot starter (16.7.1) fails to do on Spring Boot 4: the starter orders its
 * auto-configuration after Boot 3's {@code DataSourceAutoConfiguration}, a class Boot 4 moved, so its
 * {@code @ConditionalOnBean(DataSource)} is evaluated before any DataSource exists and no scheduler is created. This
 * builds the scheduler from the same {@code db-scheduler.*} properties with every {@link Task} bean, starts it once the
 * application is ready and stops it on shutdown. It steps aside for any other {@link Scheduler} bean, so it can be
 * deleted as soon as the starter supports Boot 4.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DbSchedulerProperties.class)
@ConditionalOnBooleanProperty(name = "db-scheduler.enabled", matchIfMissing = true)
class JobScheduler {

    private static final Logger log = LoggerFactory.getLogger(JobScheduler.class);

    /** The scheduler made here, if one was: only that one is started here. */
    private volatile @Nullable Scheduler created;

    @Bean(destroyMethod = "stop")
    @ConditionalOnMissingBean(Scheduler.class)
    @SuppressWarnings({"unchecked", "rawtypes"})
    Scheduler scheduler(DataSource dataSource, DbSchedulerProperties settings, ObjectProvider<Task<?>> beans) {
        List<Task<?>> tasks = beans.orderedStream().toList();
        // Recurring tasks are given as start tasks (they schedule themselves at start), the others as known tasks.
        List recurring = tasks.stream().filter(OnStartup.class::isInstance).toList();
        List<Task<?>> others =
                tasks.stream().filter(task -> !(task instanceof OnStartup)).toList();
        log.info("db-scheduler runs tasks {}", tasks.stream().map(Task::getName).toList());
        var builder = Scheduler.create(dataSource, others)
                .startTasks(recurring)
                .threads(settings.getThreads())
                .pollingInterval(settings.getPollingInterval())
                .heartbeatInterval(settings.getHeartbeatInterval())
                .missedHeartbeatsLimit(settings.getMissedHeartbeatsLimit())
                .tableName(settings.getTableName())
                .deleteUnresolvedAfter(settings.getDeleteUnresolvedAfter())
                .shutdownMaxWait(settings.getShutdownMaxWait())
                .failureLogging(settings.getFailureLoggerLevel(), settings.isFailureLoggerLogStackTrace());
        // db-scheduler.polling-strategy: lock-and-fetch claims due executions with one SELECT ... FOR UPDATE SKIP
        // LOCKED, the cheaper way for many nodes and bursts; fetch (the default) locks them one by one.
        if (settings.getPollingStrategy() == PollingStrategyConfig.Type.LOCK_AND_FETCH) {
            builder = builder.pollUsingLockAndFetch(
                    settings.getPollingStrategyLowerLimitFractionOfThreads(),
                    settings.getPollingStrategyUpperLimitFractionOfThreads());
        } else {
            builder = builder.pollUsingFetchAndLockOnExecute(
                    settings.getPollingStrategyLowerLimitFractionOfThreads(),
                    settings.getPollingStrategyUpperLimitFractionOfThreads());
        }
        if (settings.isImmediateExecutionEnabled()) {
            builder = builder.enableImmediateExecution();
        }
        if (settings.getSchedulerName() != null) {
            builder = builder.schedulerName(new SchedulerName.Fixed(settings.getSchedulerName()));
        }
        created = builder.build();
        return created;
    }

    /** Starts polling once the application is ready: after the migrations, and never during a failed start. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> schedulerStart() {
        return event -> {
            if (created != null) {
                created.start();
            }
        };
    }
}
