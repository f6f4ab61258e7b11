package herald.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.assets.AssetId;
import herald.shared.InvalidInput;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The month's layout: days, times, types and items, without Spring. */
class CalendarPlanTests {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final List<Integer> HOURS = List.of(9, 12, 18);
    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    static final List<CalendarPlan.Item> ITEMS = List.of(
            new CalendarPlan.Item("Margherita", "Tomato, mozzarella, basil.", AssetId.random()),
            new CalendarPlan.Item("Tiramisu", "Made every morning.", AssetId.random()),
            new CalendarPlan.Item("Luigi's", "A family pizzeria in Kreuzberg.", null));

    static List<CalendarPlan.Slot> plan(YearMonth month, int posts, long seed) {
        return CalendarPlan.plan(month, BERLIN, TODAY, posts, HOURS, ITEMS, new Random(seed));
    }

    @Test
    void eightPostsGoOnEightDifferentDaysSpreadOverTheMonthAtPostingHoursInTheWorkspaceZone() {
        var slots = plan(YearMonth.of(2027, 1), 8, 1);

        assertThat(slots).hasSize(8);
        var days = slots.stream().map(s -> s.local().toLocalDate()).toList();
        assertThat(new HashSet<>(days)).hasSize(8);
        assertThat(days).isSorted().allMatch(d -> YearMonth.from(d).equals(YearMonth.of(2027, 1)));
        // Evenly: no gap between consecutive posts longer than a week, and the month's both ends are used.
        for (int i = 1; i < days.size(); i++) {
            assertThat(Duration.between(
                                    days.get(i - 1).atStartOfDay(), days.get(i).atStartOfDay())
                            .toDays())
                    .isBetween(3L, 5L);
        }
        assertThat(days.getFirst().getDayOfMonth()).isLessThanOrEqualTo(4);
        assertThat(days.getLast().getDayOfMonth()).isGreaterThanOrEqualTo(27);
        for (var slot : slots) {
            assertThat(HOURS).contains(slot.local().getHour());
            assertThat(slot.local().getMinute()).isLessThan(CalendarPlan.JITTER_MINUTES);
            assertThat(slot.at()).isEqualTo(slot.local().atZone(BERLIN).toInstant());
        }
        assertThat(slots.stream().map(s -> s.local().getMinute()).distinct().count())
                .isGreaterThan(1);
    }

    @Test
    void theMixHasEveryTypeInSensibleProportions() {
        assertThat(CalendarPlan.mix(5))
                .containsOnlyKeys(
                        "promotional",
                        "product_showcase",
                        "weekend_driver",
                        "engagement_poll",
                        "customer_appreciation");
        assertThat(CalendarPlan.mix(5).values()).containsOnly(1);
        assertThat(CalendarPlan.mix(8))
                .containsEntry("promotional", 2)
                .containsEntry("product_showcase", 2)
                .containsEntry("weekend_driver", 2)
                .containsEntry("engagement_poll", 1)
                .containsEntry("customer_appreciation", 1);
        for (int n = 5; n <= 31; n++) {
            Map<String, Integer> mix = CalendarPlan.mix(n);
            assertThat(mix.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(n);
            assertThat(mix.get("promotional")).isGreaterThanOrEqualTo(mix.get("engagement_poll"));
            assertThat(mix.get("product_showcase")).isGreaterThanOrEqualTo(mix.get("customer_appreciation"));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 8, 12, 20, 31})
    void weekendDriversGoOutThursdayToSaturdayAndShowcasesShowAnAsset(int posts) {
        var slots = plan(YearMonth.of(2027, 2), posts, posts);
        Map<String, Long> types =
                slots.stream().collect(Collectors.groupingBy(CalendarPlan.Slot::postType, Collectors.counting()));
        assertThat(types.keySet()).hasSizeGreaterThanOrEqualTo(4);
        slots.stream().filter(s -> s.postType().equals("weekend_driver")).forEach(s -> assertThat(
                        s.local().getDayOfWeek())
                .isIn(DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY));
        slots.stream().filter(s -> s.postType().equals("product_showcase")).forEach(s -> assertThat(s.item())
                .isNotNull()
                .extracting(CalendarPlan.Item::asset)
                .isNotNull());
        assertThat(slots).allMatch(s -> s.item() != null);
    }

    @Test
    void morePostsThanDaysAreSpreadEvenlyAtDistinctHours() {
        // 8 Dec 2026 leaves 23 days (9–31 Dec) for 31 posts: every day, eight of them twice.
        var slots = CalendarPlan.plan(
                YearMonth.of(2026, 12), BERLIN, LocalDate.of(2026, 12, 8), 31, HOURS, ITEMS, new Random(3));
        Map<LocalDate, List<LocalDateTime>> byDay =
                slots.stream().map(CalendarPlan.Slot::local).collect(Collectors.groupingBy(LocalDateTime::toLocalDate));
        assertThat(byDay).hasSize(23);
        assertThat(byDay.values()).allSatisfy(times -> {
            assertThat(times.size()).isBetween(1, 2);
            assertThat(times.stream().map(LocalDateTime::getHour).distinct().count())
                    .isEqualTo(times.size());
        });
        assertThat(byDay.keySet()).allMatch(d -> d.isAfter(LocalDate.of(2026, 12, 8)));
    }

    @Test
    void theCurrentMonthUsesOnlyTheDaysAfterToday() {
        var slots = plan(YearMonth.of(2026, 12), 8, 4);
        assertThat(slots).allMatch(s -> s.local().toLocalDate().isAfter(TODAY));
    }

    @Test
    void aPostingHourInTheSpringForwardGapMovesOnByTheGap() {
        // 2:xx does not exist in Berlin on 28 Mar 2027: it becomes 3:xx, the same instant the zone's rules give.
        var slots = CalendarPlan.plan(YearMonth.of(2027, 3), BERLIN, TODAY, 31, List.of(2), ITEMS, new Random(5));
        var gapDay = slots.stream()
                .filter(s -> s.local().toLocalDate().equals(LocalDate.of(2027, 3, 28)))
                .findFirst()
                .orElseThrow();
        assertThat(gapDay.local().toLocalTime()).isBetween(LocalTime.of(3, 0), LocalTime.of(3, 29));
        assertThat(gapDay.at().atZone(BERLIN).toLocalDateTime()).isEqualTo(gapDay.local());
        var before = slots.stream()
                .filter(s -> s.local().toLocalDate().equals(LocalDate.of(2027, 3, 27)))
                .findFirst()
                .orElseThrow();
        assertThat(before.at().atZone(ZoneId.of("UTC")).getHour()).isEqualTo(1);
        var after = slots.stream()
                .filter(s -> s.local().toLocalDate().equals(LocalDate.of(2027, 3, 29)))
                .findFirst()
                .orElseThrow();
        assertThat(after.at().atZone(ZoneId.of("UTC")).getHour()).isZero();
    }

    @Test
    void refusesPastMalformedAndOverfullMonthsAndCountsOutsideTheRange() {
        assertThatThrownBy(() -> CalendarPlan.month("2026-13"))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("2026-13");
        assertThatThrownBy(() -> CalendarPlan.month("December"))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("2026-12");
        assertThatThrownBy(() -> CalendarPlan.days(YearMonth.of(2026, 11), TODAY, 8, 3))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("November 2026 is in the past");
        assertThatThrownBy(() -> CalendarPlan.days(YearMonth.of(2026, 12), LocalDate.of(2026, 12, 31), 5, 3))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("No day of December 2026 is left");
        assertThatThrownBy(() -> CalendarPlan.days(YearMonth.of(2026, 12), LocalDate.of(2026, 12, 29), 8, 3))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("Only 2 days are left")
                .hasMessageContaining("at most 6");
        assertThat(CalendarPlan.days(YearMonth.of(2026, 12), LocalDate.of(2026, 12, 29), 6, 3))
                .hasSize(2);
        assertThatThrownBy(() -> CalendarPlan.checkCount(4)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> CalendarPlan.checkCount(32)).isInstanceOf(InvalidInput.class);
    }

    @Test
    void assetNamesComeFromAltTextOrFileName() {
        assertThat(CalendarItems.fromFilename("margherita_pizza-02.jpg")).isEqualTo("Margherita pizza 02");
        assertThat(CalendarItems.fromFilename(".png")).isEqualTo("Png");
    }
}
