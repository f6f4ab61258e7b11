package herald.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When a post's comments are read next: a twelfth of its age, within the bounds, and never after the window. */
class ReadPlanTests {

    final ReadPlan plan = new ReadPlan(Duration.ofMinutes(2), Duration.ofHours(6), Duration.ofDays(14));
    final Instant published = Instant.parse("2026-12-05T10:00:00Z");

    @Test
    void aYoungPostIsReadEveryFewMinutes() {
        assertThat(plan.next(published, published.plusSeconds(150)))
                .isEqualTo(published.plusSeconds(150).plus(Duration.ofMinutes(2)));
        // Half an hour old: a twelfth is two and a half minutes.
        Instant halfHour = published.plus(Duration.ofMinutes(30));
        assertThat(plan.next(published, halfHour)).isEqualTo(halfHour.plus(Duration.ofSeconds(150)));
    }

    @Test
    void anOlderPostIsReadMoreRarelyButAtLeastEverySixHours() {
        Instant day = published.plus(Duration.ofDays(1));
        assertThat(plan.next(published, day)).isEqualTo(day.plus(Duration.ofHours(2)));
        Instant fiveDays = published.plus(Duration.ofDays(5));
        assertThat(plan.next(published, fiveDays)).isEqualTo(fiveDays.plus(Duration.ofHours(6)));
    }

    @Test
    void noReadingPassesTheWindow() {
        assertThat(plan.next(published, published.plus(Duration.ofDays(14)).minusSeconds(60)))
                .isNull();
        assertThat(plan.next(published, published.plus(Duration.ofDays(20)))).isNull();
        // A clock behind the post's publishing reads it again soon, never at once.
        assertThat(plan.next(published, published.minusSeconds(5)))
                .isEqualTo(published.minusSeconds(5).plus(Duration.ofMinutes(2)));
    }
}
