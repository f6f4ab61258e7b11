package herald.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The figures Herald compares across platforms, and when a post's are read: no Spring, no database. */
class FiguresTests {

    @Test
    void viewsAreImpressionsOrViewsAndEngagementsSumEveryInteraction() {
        // X's public_metrics, as XTimeline names them.
        var x = Figures.of(
                Map.of("impressions", 500L, "likes", 20L, "replies", 3L, "reposts", 4L, "quotes", 1L, "bookmarks", 2L));
        assertThat(x).isEqualTo(new Figures(500L, 30L));
        // Instagram's insights: total_interactions and reach are kept but enter neither figure.
        var instagram = Figures.of(Map.of(
                "views", 800L,
                "reach", 600L,
                "likes", 40L,
                "comments", 5L,
                "saved", 6L,
                "shares", 2L,
                "total_interactions", 53L));
        assertThat(instagram).isEqualTo(new Figures(800L, 53L));
        // Facebook without insights, and LinkedIn's social actions: engagements without views.
        assertThat(Figures.of(Map.of("reactions", 7L, "comments", 1L, "shares", 0L)))
                .isEqualTo(new Figures(null, 8L));
        assertThat(Figures.of(Map.of("likes", 9L, "comments", 2L))).isEqualTo(new Figures(null, 11L));
        assertThat(Figures.of(Map.of())).isEqualTo(new Figures(null, null));
    }

    @Test
    void theRateIsEngagementsPerViewInPercentWithOneDecimal() {
        assertThat(Figures.rate(30L, 500L)).isEqualTo(6.0);
        assertThat(Figures.rate(1L, 3L)).isEqualTo(33.3);
        assertThat(Figures.rate(5L, 0L)).isNull();
        assertThat(Figures.rate(5L, null)).isNull();
        assertThat(Figures.rate(null, 10L)).isNull();
    }

    @Test
    void aReadingIsFollowedByTheNextStepAfterItSkippingTheStepsItMissed() {
        var schedule = new ReadSchedule(
                List.of(Duration.ofHours(1), Duration.ofHours(6), Duration.ofDays(1), Duration.ofDays(7)));
        Instant published = Instant.parse("2026-12-01T09:00:00Z");

        assertThat(schedule.after(published, published.plus(Duration.ofMinutes(61))))
                .isEqualTo(Instant.parse("2026-12-01T15:00:00Z"));
        // Read late (a node was down for two days): the steps it passed are not made up for.
        assertThat(schedule.after(published, Instant.parse("2026-12-03T10:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-08T09:00:00Z"));
        assertThat(schedule.after(published, Instant.parse("2026-12-08T09:00:00Z")))
                .as("the last step is behind: done")
                .isNull();
        assertThat(schedule.last(published)).isEqualTo(Instant.parse("2026-12-08T09:00:00Z"));
    }
}
