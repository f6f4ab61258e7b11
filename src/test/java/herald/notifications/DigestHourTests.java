package herald.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** When a daily digest is due: the next time it is its hour in the workspace's time zone, across a DST change. */
class DigestHourTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void isDueTodayBeforeTheHourAndTomorrowFromIt() {
        assertThat(EmailOutbox.nextDigest(Instant.parse("2026-12-03T06:59:00Z"), BERLIN, 8))
                .isEqualTo(Instant.parse("2026-12-03T07:00:00Z"));
        assertThat(EmailOutbox.nextDigest(Instant.parse("2026-12-03T07:00:00Z"), BERLIN, 8))
                .as("the digest of 08:00 has just gone")
                .isEqualTo(Instant.parse("2026-12-04T07:00:00Z"));
        assertThat(EmailOutbox.nextDigest(Instant.parse("2026-12-03T23:30:00Z"), BERLIN, 0))
                .as("just after midnight in Berlin")
                .isEqualTo(Instant.parse("2026-12-04T23:00:00Z"));
    }

    @Test
    void keepsItsLocalHourWhenTheClocksChange() {
        // Summer time starts in Berlin on 29 March 2026 at 02:00: 08:00 is 07:00 UTC before, 06:00 UTC after.
        assertThat(EmailOutbox.nextDigest(Instant.parse("2026-03-28T12:00:00Z"), BERLIN, 8))
                .isEqualTo(Instant.parse("2026-03-29T06:00:00Z"));
    }
}
