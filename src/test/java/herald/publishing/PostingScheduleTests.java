package herald.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.shared.InvalidInput;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The posting schedule's arithmetic: local slots to instants across DST changes, and what a schedule may hold. */
class PostingScheduleTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void aSlotTheSpringGapSkipsIsLeftOutThatDayAndKeptTheWeeksAround() {
        // 28 March 2027: Berlin's clocks jump from 02:00 to 03:00, so 02:30 does not exist that Sunday.
        var slots = List.of(
                new PostingSchedule.Slot(DayOfWeek.SUNDAY, LocalTime.of(2, 30)),
                new PostingSchedule.Slot(DayOfWeek.SUNDAY, LocalTime.of(9, 0)));

        List<Instant> instants = WeeklySlots.instants(
                slots, BERLIN, Instant.parse("2027-03-20T00:00:00Z"), Instant.parse("2027-04-05T00:00:00Z"));

        assertThat(instants)
                .containsExactly(
                        Instant.parse("2027-03-21T01:30:00Z"), // 02:30 CET
                        Instant.parse("2027-03-21T08:00:00Z"), // 09:00 CET
                        Instant.parse("2027-03-28T07:00:00Z"), // 09:00 CEST; 02:30 did not happen
                        Instant.parse("2027-04-04T00:30:00Z"), // 02:30 CEST
                        Instant.parse("2027-04-04T07:00:00Z"));
    }

    @Test
    void aSlotTheAutumnRepeatsIsTakenOnceAtItsFirstOccurrence() {
        // 31 October 2027: 02:00-03:00 happens twice in Berlin, first at +02:00.
        var slots = List.of(new PostingSchedule.Slot(DayOfWeek.SUNDAY, LocalTime.of(2, 30)));

        List<Instant> instants = WeeklySlots.instants(
                slots, BERLIN, Instant.parse("2027-10-30T00:00:00Z"), Instant.parse("2027-11-01T00:00:00Z"));

        assertThat(instants).containsExactly(Instant.parse("2027-10-31T00:30:00Z"));
    }

    @Test
    void onlyInstantsInsideTheWindowCountAndTheyComeInOrder() {
        List<Instant> instants = WeeklySlots.instants(
                PostingSchedule.DEFAULT,
                ZoneId.of("UTC"),
                Instant.parse("2026-12-03T12:00:00Z"),
                Instant.parse("2026-12-04T12:00:01Z"));

        assertThat(instants)
                .containsExactly(
                        Instant.parse("2026-12-03T12:00:00Z"),
                        Instant.parse("2026-12-03T17:00:00Z"),
                        Instant.parse("2026-12-04T09:00:00Z"),
                        Instant.parse("2026-12-04T12:00:00Z"));
    }

    @Test
    void readsTimesDropsRepeatsAndSortsThem() {
        Map<DayOfWeek, List<String>> times = new LinkedHashMap<>();
        times.put(DayOfWeek.FRIDAY, List.of(" 17:30", "09:00", "09:00", ""));
        times.put(DayOfWeek.MONDAY, List.of("08:15"));

        assertThat(WeeklySlots.parse(times))
                .containsExactly(
                        new PostingSchedule.Slot(DayOfWeek.MONDAY, LocalTime.of(8, 15)),
                        new PostingSchedule.Slot(DayOfWeek.FRIDAY, LocalTime.of(9, 0)),
                        new PostingSchedule.Slot(DayOfWeek.FRIDAY, LocalTime.of(17, 30)));
    }

    @Test
    void refusesWhatIsNotATimeTooManyTimesAndAnEmptyWeek() {
        assertRefused(Map.of(DayOfWeek.TUESDAY, List.of("25:00")), "slots.tuesday", "'25:00' on Tuesday");
        assertRefused(Map.of(DayOfWeek.TUESDAY, List.of("noon")), "slots.tuesday", "not a time such as 09:00");
        var many = java.util.stream.IntStream.range(0, 13)
                .mapToObj(h -> "%02d:00".formatted(h))
                .toList();
        assertRefused(Map.of(DayOfWeek.SATURDAY, many), "slots.saturday", "Saturday has 13 times; at most 12");
        assertRefused(Map.of(DayOfWeek.SUNDAY, List.of(" ")), "slots", "at least one time");
    }

    private static void assertRefused(Map<DayOfWeek, List<String>> times, String field, String because) {
        assertThatThrownBy(() -> WeeklySlots.parse(times))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo(field))
                .hasMessageContaining(because);
    }
}
