package herald.analytics;

import herald.connections.ConnectionId;
import herald.publishing.PostId;
import herald.publishing.TargetId;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One published target's latest figures.
 *
 * @param account how the account is shown, e.g. {@code Sandbox @krusty}
 * @param counts the platform's own counts by its own names, empty before the first reading
 * @param views what Herald compares as views (see {@link #engagements}), null when the platform counts none
 * @param engagements every interaction the platform counted, summed; null before a reading
 * @param engagementRate engagements per view in percent, one decimal; null without views
 * @param reads how many readings were made
 * @param readAt the latest reading
 * @param nextReadAt the next, or null when the readings are done or stopped
 * @param lastError why the latest reading failed or the readings stopped, in the platform's words
 */
public record TargetMetrics(
        TargetId target,
        PostId post,
        ConnectionId connection,
        String provider,
        String account,
        Instant publishedAt,
        Map<String, Long> counts,
        @Nullable Long views,
        @Nullable Long engagements,
        @Nullable Double engagementRate,
        int reads,
        @Nullable Instant readAt,
        @Nullable Instant nextReadAt,
        @Nullable String lastError) {

    public TargetMetrics {
        counts = Map.copyOf(counts);
    }
}
