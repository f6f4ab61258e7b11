package herald.publishing;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import herald.shared.WorkspaceId;
import java.time.Instant;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Schedules one durable job per target, due one lead ({@code herald.publishing.lead}, about the scheduler's polling
 * interval) before its instant: the node that polls it waits for the instant itself, so the platform hears of the
 * post on time rather than up to a polling interval late ({@link Publisher}). Called after the target's transaction committed; a job lost
 * between the commit and this call is found again by the overdue sweep ({@link PublishingJobs}).
 */
@Component
class Dispatch {

    static final String TASK = "publish-target";

    private final ObjectProvider<SchedulerClient> scheduler;
    private final PublishingSettings settings;

    Dispatch(ObjectProvider<SchedulerClient> scheduler, PublishingSettings settings) {
        this.scheduler = scheduler;
        this.settings = settings;
    }

    void schedule(WorkspaceId workspace, TargetId target, Instant due) {
        SchedulerClient client = scheduler.getIfAvailable();
        if (client != null) {
            client.scheduleIfNotExists(
                    new TaskInstance<>(TASK, target.toString(), data(workspace, target)), due.minus(settings.lead()));
        }
    }

    static String data(WorkspaceId workspace, TargetId target) {
        return workspace + "/" + target;
    }

    static WorkspaceId workspaceOf(String data) {
        return new WorkspaceId(UUID.fromString(data.substring(0, data.indexOf('/'))));
    }

    static TargetId targetOf(String data) {
        return new TargetId(UUID.fromString(data.substring(data.indexOf('/') + 1)));
    }
}
