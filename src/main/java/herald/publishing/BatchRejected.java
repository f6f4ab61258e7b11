package herald.publishing;

import herald.shared.InvalidInput;
import java.util.List;

/** Posts of a {@link ScheduledBatch} that cannot be created, each with its problems; nothing of the batch was stored. */
public class BatchRejected extends InvalidInput {

    private final List<ScheduledBatch.Outcome> outcomes;

    public BatchRejected(List<ScheduledBatch.Outcome> outcomes) {
        super(
                "",
                outcomes.stream().filter(o -> !o.accepted()).count() + " of " + outcomes.size()
                        + " posts cannot be created; none was.");
        this.outcomes = List.copyOf(outcomes);
    }

    /** Every post of the batch in order: the accepted ones too, so a caller can show the whole batch. */
    public List<ScheduledBatch.Outcome> outcomes() {
        return outcomes;
    }
}
