package herald.content;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code herald.content.calendars.*}: how monthly calendars are planned and run.
 *
 * @param postingHours the local hours posts are placed at (a few minutes of jitter are added)
 * @param concurrentPerNode runs one node works on at once; another waits a few seconds for a free place
 * @param run whether this node runs calendar jobs (tests turn it off so that cached contexts leave a test's runs alone)
 * @param quietAfter a queued or running run not heard of for this long is taken up again (its node died or its job was
 *     lost)
 * @param maxAttempts how many times a run is started before it is failed for good
 */
@ConfigurationProperties("herald.content.calendars")
record CalendarSettings(
        @DefaultValue({"9", "12", "18"}) List<Integer> postingHours,
        @DefaultValue("2") int concurrentPerNode,
        @DefaultValue("true") boolean run,
        @DefaultValue("2m") Duration quietAfter,
        @DefaultValue("3") int maxAttempts) {

    CalendarSettings {
        postingHours = postingHours.stream()
                .filter(h -> h != null && h >= 0 && h <= 23)
                .distinct()
                .sorted()
                .toList();
        if (postingHours.isEmpty()) {
            postingHours = List.of(9, 12, 18);
        }
    }
}
