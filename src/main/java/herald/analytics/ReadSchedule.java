package herald.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * When a post's figures are read: at each of the configured ages after publishing. A reading made late (the node was
 * down, the platform limited Herald) skips the steps it passed, so a post is never read twice in a row to catch up.
 */
record ReadSchedule(List<Duration> ages) {

    ReadSchedule {
        ages = List.copyOf(ages);
    }

    /** The first step after {@code readAt}, or null when the last is behind it. */
    @Nullable
    Instant after(Instant publishedAt, Instant readAt) {
        for (Duration age : ages) {
            Instant step = publishedAt.plus(age);
            if (step.isAfter(readAt)) {
                return step;
            }
        }
        return null;
    }

    /** When a reading is done with. */
    Instant last(Instant publishedAt) {
        return publishedAt.plus(ages.getLast());
    }
}
