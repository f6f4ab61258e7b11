package herald.providers;

import java.time.Instant;
import java.util.Map;

/**
 * What a platform counts about one published post, by the platform's own names ({@code impressions}, {@code likes},
 * {@code replies}, {@code reposts}, {@code comments}, ...), as read at {@code readAt}.
 */
public record PostMetrics(Map<String, Long> counts, Instant readAt) {

    public PostMetrics {
        counts = Map.copyOf(counts);
    }
}
