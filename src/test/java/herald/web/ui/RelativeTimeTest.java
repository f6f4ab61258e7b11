package herald.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RelativeTimeTest {

    static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @Test
    void roundsToTheNearestUnit() {
        assertThat(RelativeTime.until(NOW, NOW.plus(Duration.ofDays(7)).minusSeconds(5)))
                .isEqualTo("in 7 days");
        assertThat(RelativeTime.until(NOW, NOW.plus(Duration.ofHours(25)))).isEqualTo("in 1 day");
        assertThat(RelativeTime.until(NOW, NOW.plus(Duration.ofMinutes(150)))).isEqualTo("in 3 hours");
        assertThat(RelativeTime.until(NOW, NOW.plus(Duration.ofMinutes(59)))).isEqualTo("in 59 minutes");
        assertThat(RelativeTime.until(NOW, NOW.plusSeconds(10))).isEqualTo("in 1 minute");
    }

    @Test
    void saysNowOnceExpired() {
        assertThat(RelativeTime.until(NOW, NOW.minusSeconds(1))).isEqualTo("now");
    }

    @Test
    void saysHowLongAgo() {
        assertThat(RelativeTime.since(NOW, NOW.minus(Duration.ofDays(2)).plusSeconds(30)))
                .isEqualTo("2 days ago");
        assertThat(RelativeTime.since(NOW, NOW.minus(Duration.ofMinutes(61)))).isEqualTo("1 hour ago");
        assertThat(RelativeTime.since(NOW, NOW.minus(Duration.ofMinutes(5)))).isEqualTo("5 minutes ago");
        assertThat(RelativeTime.since(NOW, NOW.minusSeconds(20))).isEqualTo("just now");
        assertThat(RelativeTime.since(NOW, NOW.plusSeconds(3))).isEqualTo("just now");
    }
}
