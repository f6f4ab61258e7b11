package herald.content;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import herald.shared.WorkspaceId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The calendar jobs: one durable {@code calendar-run} execution per run, taken by whichever node polls it first and
 * by another when that node stops heartbeating (db-scheduler revives dead executions); and a sweep that schedules again
 * any run queued or running whose own heartbeat went quiet (its job lost between the commit and the scheduling). A run
 * started {@code max-attempts} times is failed, so none stays running forever. {@code
 * herald.content.calendars.run=false} leaves both out of this node (it still queues runs for the nodes that run them).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CalendarSettings.class)
class CalendarJobs {

    /** How long a run waits for a free place on a busy node before it is polled again. */
    private static final Duration BUSY = Duration.ofSeconds(3);

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "herald.content.calendars.run", matchIfMissing = true)
    static class Running {

        @Bean
        CustomTask<String> calendarRunTask(CalendarJob job, Clock clock) {
            return Tasks.custom(CalendarDispatch.TASK, String.class)
                    // An exception here is Herald's own (say the database was away): the run resumes from its kept
                    // captions; its attempts are counted, and it fails after max-attempts.
                    .onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofSeconds(10)))
                    .execute((instance, context) -> {
                        String data = instance.getData();
                        if (job.run(CalendarDispatch.workspaceOf(data), CalendarDispatch.runOf(data))) {
                            return new CompletionHandler.OnCompleteRemove<>();
                        }
                        return (complete, operations) ->
                                operations.reschedule(complete, clock.instant().plus(BUSY));
                    });
        }

        @Bean
        RecurringTask<Void> calendarQuietSweep(
                JdbcClient jdbc, CalendarDispatch dispatch, CalendarSettings settings, Clock clock) {
            return Tasks.recurring(
                            "calendar-quiet-sweep",
                            FixedDelay.of(settings.quietAfter().dividedBy(2)))
                    .execute((instance, context) -> jdbc.sql("select * from herald_calendar_runs_stale(:before, 100)")
                            .param("before", Timestamp.from(clock.instant().minus(settings.quietAfter())))
                            .query((rs, n) -> {
                                dispatch.schedule(
                                        new WorkspaceId(rs.getObject(1, UUID.class)),
                                        new CalendarRunId(rs.getObject(2, UUID.class)),
                                        clock.instant());
                                return null;
                            })
                            .list());
        }
    }
}
