package herald.content;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import herald.shared.WorkspaceId;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Schedules one durable {@code calendar-run} job per run, after the run's row committed; a job lost between the commit
 * and this call (or with the node that ran it) is scheduled again by the sweep in {@link CalendarJobs}.
 */
@Component
class CalendarDispatch {

    static final String TASK = "calendar-run";

    private final ObjectProvider<SchedulerClient> scheduler;

    CalendarDispatch(ObjectProvider<SchedulerClient> scheduler) {
        this.scheduler = scheduler;
    }

    void schedule(WorkspaceId workspace, CalendarRunId run, Instant at) {
        SchedulerClient client = scheduler.getIfAvailable();
        if (client != null) {
            client.scheduleIfNotExists(new TaskInstance<>(TASK, run.toString(), data(workspace, run)), at);
        }
    }

    static String data(WorkspaceId workspace, CalendarRunId run) {
        return workspace + "/" + run;
    }

    static WorkspaceId workspaceOf(String data) {
        return new WorkspaceId(UUID.fromString(data.substring(0, data.indexOf('/'))));
    }

    static CalendarRunId runOf(String data) {
        return new CalendarRunId(UUID.fromString(data.substring(data.indexOf('/') + 1)));
    }
}
