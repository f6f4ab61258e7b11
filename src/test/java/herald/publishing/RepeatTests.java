package herald.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.shared.InvalidInput;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** When a series' next occurrence falls: by the local calendar, from its first, never in the past. */
class RepeatTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void theOccurrencesInAWindowAreThoseAfterNowAndBeforeTheLastDay() {
        var daily = new Repeat(Repeat.Every.DAY, LocalDate.parse("2027-01-20"));
        LocalDateTime first = LocalDateTime.parse("2027-01-01T08:00");
        Instant now = LocalDateTime.parse("2027-01-10T12:00").atZone(BERLIN).toInstant();

        var found = daily.between(
                first,
                3,
                BERLIN,
                now,
                LocalDateTime.parse("2027-01-05T00:00").atZone(BERLIN).toInstant(),
                LocalDateTime.parse("2027-02-01T00:00").atZone(BERLIN).toInstant(),
                100,
                Set.of());

        assertThat(found)
                .extracting(next -> next.at().toLocalDate().getDayOfMonth())
                .as("none before now, none after the 20th")
                .containsExactly(11, 12, 13, 14, 15, 16, 17, 18, 19, 20);
        assertThat(found.getFirst().occurrence()).isEqualTo(11);
        assertThat(daily.between(first, 3, BERLIN, now, now, now.plusSeconds(86400 * 30), 2, Set.of()))
                .hasSize(2);
        assertThat(Repeat.NEVER.between(first, 1, BERLIN, now, now, now.plusSeconds(86400), 10, Set.of()))
                .isEmpty();
    }

    @Test
    void aSkippedDayIsPassedOverAndTheSeriesGoesOnAfterIt() {
        var weekly = new Repeat(Repeat.Every.WEEK, LocalDate.parse("2027-01-26"));
        LocalDateTime first = LocalDateTime.parse("2027-01-05T18:00");
        Instant now = first.atZone(BERLIN).toInstant().plusSeconds(60);
        var skipped = Set.of(LocalDate.parse("2027-01-12"), LocalDate.parse("2027-01-26"));

        var next = weekly.next(first, 1, BERLIN, now, skipped);
        assertThat(next).isNotNull();
        assertThat(next.at().toLocalDate()).isEqualTo(LocalDate.parse("2027-01-19"));
        assertThat(next.occurrence()).as("the skipped day keeps its number").isEqualTo(3);
        assertThat(weekly.next(first, next.occurrence(), BERLIN, next.at().toInstant(), skipped))
                .as("its last day is skipped too: the series ends")
                .isNull();
        assertThat(weekly.between(first, 1, BERLIN, now, now, now.plusSeconds(86400L * 60), 10, skipped).stream()
                        .map(n -> n.at().toLocalDate().toString()))
                .containsExactly("2027-01-19");
    }

    @Test
    void aWeeklyPostKeepsItsLocalTimeAcrossTheChangeToSummerTime() {
        var weekly = new Repeat(Repeat.Every.WEEK, null);
        LocalDateTime first = LocalDateTime.parse("2027-03-22T09:30");
        Instant justAfter = first.atZone(BERLIN).toInstant().plusSeconds(60);

        var next = weekly.next(first, 1, BERLIN, justAfter, Set.of());

        assertThat(next).isNotNull();
        assertThat(next.occurrence()).isEqualTo(2);
        assertThat(next.at().toLocalDateTime()).isEqualTo(LocalDateTime.parse("2027-03-29T09:30"));
        assertThat(next.at().getOffset().getTotalSeconds())
                .as("summer time by then")
                .isEqualTo(7200);
    }

    @Test
    void aMonthlyPostOnThe31stFallsOnEachMonthsLastDayAndBackOnThe31st() {
        var monthly = new Repeat(Repeat.Every.MONTH, null);
        LocalDateTime first = LocalDateTime.parse("2027-01-31T12:00");

        var february = monthly.next(first, 1, BERLIN, first.atZone(BERLIN).toInstant(), Set.of());
        assertThat(february.at().toLocalDateTime()).isEqualTo(LocalDateTime.parse("2027-02-28T12:00"));
        var march =
                monthly.next(first, february.occurrence(), BERLIN, february.at().toInstant(), Set.of());
        assertThat(march.at().toLocalDateTime())
                .as("counted from the first, not from 28 February")
                .isEqualTo(LocalDateTime.parse("2027-03-31T12:00"));
        assertThat(march.occurrence()).isEqualTo(3);
    }

    @Test
    void aTimeThatDoesNotExistThatDayMovesForwardByTheGap() {
        var daily = new Repeat(Repeat.Every.DAY, null);
        LocalDateTime first = LocalDateTime.parse("2027-03-27T02:30");

        var next = daily.next(first, 1, BERLIN, first.atZone(BERLIN).toInstant(), Set.of());

        assertThat(next.at().toLocalDateTime()).isEqualTo(LocalDateTime.parse("2027-03-28T03:30"));
        assertThat(next.occurrence()).isEqualTo(2);
    }

    @Test
    void aSeriesThatFellBehindSkipsToTheNextTimeAheadInsteadOfCatchingUp() {
        var weekly = new Repeat(Repeat.Every.WEEK, null);
        LocalDateTime first = LocalDateTime.parse("2027-01-04T09:00");
        Instant now = LocalDateTime.parse("2027-01-26T10:00").atZone(BERLIN).toInstant();

        var next = weekly.next(first, 1, BERLIN, now, Set.of());

        assertThat(next.at().toLocalDateTime()).isEqualTo(LocalDateTime.parse("2027-02-01T09:00"));
        assertThat(next.occurrence()).isEqualTo(5);
    }

    @Test
    void endsAfterItsLastDayAndRefusesALastDayBeforeItsFirst() {
        var untilFriday = new Repeat(Repeat.Every.DAY, LocalDate.parse("2027-01-08"));
        LocalDateTime thursday = LocalDateTime.parse("2027-01-07T18:00");

        var friday =
                untilFriday.next(thursday, 1, BERLIN, thursday.atZone(BERLIN).toInstant(), Set.of());
        assertThat(friday.at().toLocalDate()).isEqualTo(LocalDate.parse("2027-01-08"));
        assertThat(untilFriday.next(thursday, 2, BERLIN, friday.at().toInstant(), Set.of()))
                .as("Saturday is after its last day")
                .isNull();
        assertThat(untilFriday.words()).isEqualTo("every day until 8 Jan 2027");

        assertThatThrownBy(() -> untilFriday.check(LocalDate.parse("2027-01-09")))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("before the post's own day");
        assertThatThrownBy(() -> Repeat.Every.of("fortnightly"))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("use day, week, two_weeks, four_weeks or month");
        assertThat(Repeat.Every.of("TWO_WEEKS")).isEqualTo(Repeat.Every.TWO_WEEKS);
    }
}
