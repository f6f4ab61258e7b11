package herald.publishing;

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
 * The dispatcher's jobs: one durable {@code publish-target} execution per target, run by whichever node polls it
 * first, picked up by another node when its own stops heartbeating; and a sweep that schedules any target whose job
 * was lost. {@code herald.publishing.dispatch=false} leaves both out of this node: it still schedules jobs, and the
 * nodes that dispatch run them (tests use it so that application contexts cached by other tests, configured for other
 * ports, do not pick up a test's jobs).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PublishingSettings.class)
class PublishingJobs {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBooleanProperty(name = "herald.publishing.dispatch", matchIfMissing = true)
    static class Dispatching {

        @Bean
        CustomTask<String> publishTargetTask(Publisher publisher) {
            return Tasks.custom(Dispatch.TASK, String.class)
                    // An exception here is Herald's own (say the database was away): the journal makes a rerun safe.
                    .onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofSeconds(5)))
                    .execute((instance, context) -> {
                        String data = instance.getData();
                        Publisher.Next next = publisher.dispatch(Dispatch.workspaceOf(data), Dispatch.targetOf(data));
                        if (next.jobEnded()) {
                            // The outcome's transaction deleted this execution (OutcomeRows.complete), or will
                            // (PublishedOutcomes): nothing is left to do here.
                            return (complete, operations) -> {};
                        }
                        if (next.at() == null) {
                            return new CompletionHandler.OnCompleteRemove<>();
                        }
                        return (complete, operations) -> operations.reschedule(complete, next.at());
                    });
        }

        /**
         * The {@code first-comments} sweep: one node at a time writes the first comments of targets just published,
         * as many batches as are due.
         */
        @Bean
        RecurringTask<Void> firstCommentsSweep(FirstComments comments, PublishingSettings settings) {
            return Tasks.recurring("first-comments", FixedDelay.of(settings.commentPoll()))
                    .execute((instance, context) -> comments.sweepAll());
        }

        /**
         * The {@code thread-parts} sweep: one node at a time publishes the next part of each thread whose post or part
         * before went out, as often as first comments are looked for.
         */
        @Bean
        RecurringTask<Void> threadPartsSweep(ThreadParts threads, PublishingSettings settings) {
            return Tasks.recurring("thread-parts", FixedDelay.of(settings.commentPoll()))
                    .execute((instance, context) -> threads.sweepAll());
        }

        @Bean
        RecurringTask<Void> publishOverdueSweep(
                JdbcClient jdbc, Dispatch dispatch, PublishingSettings settings, Clock clock) {
            return Tasks.recurring("publish-overdue-sweep", FixedDelay.of(settings.overdueSweep()))
                    .execute((instance, context) -> jdbc.sql(
                                    "select * from herald_publish_targets_overdue(:before, 500)")
                            .param("before", Timestamp.from(clock.instant().minus(settings.overdueSweep())))
                            .query((rs, n) -> {
                                dispatch.schedule(
                                        new WorkspaceId(rs.getObject(1, UUID.class)),
                                        new TargetId(rs.getObject(2, UUID.class)),
                                        clock.instant());
                                return null;
                            })
                            .list());
        }
    }
}
