package herald.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExpiresInTest {

    static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @Test
    void roundsToTheNearestUnit() {
        assertThat(ExpiresIn.between(NOW, NOW.plus(Duration.ofDays(7)).minusSeconds(5)))
                .isEqualTo("in 7 days");
        assertThat(ExpiresIn.between(NOW, NOW.plus(Duration.ofHours(25)))).isEqualTo("in 1 day");
        assertThat(ExpiresIn.between(NOW, NOW.plus(Duration.ofMinutes(150)))).isEqualTo("in 3 hours");
        assertThat(ExpiresIn.between(NOW, NOW.plus(Duration.ofMinutes(59)))).isEqualTo("in 59 minutes");
        assertThat(ExpiresIn.between(NOW, NOW.plusSeconds(10))).isEqualTo("in 1 minute");
    }

    @Test
    void saysNowOnceExpired() {
        assertThat(ExpiresIn.between(NOW, NOW.minusSeconds(1))).isEqualTo("now");
    }
}
