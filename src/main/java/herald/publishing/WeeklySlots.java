package herald.publishing;

import herald.publishing.PostingSchedule.Slot;
import herald.shared.InvalidInput;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** The weekly local times of a posting schedule: read from a form or request, and laid out on the calendar. */
final class WeeklySlots {

    private WeeklySlots() {}

    /**
     * Every instant of {@code slots} in [{@code from}, {@code to}), in order: a local time the zone skips that day is
     * left out, one it repeats is taken at its first (earlier-offset) occurrence.
     */
    static List<Instant> instants(List<Slot> slots, ZoneId zone, Instant from, Instant to) {
        Map<DayOfWeek, List<LocalTime>> byDay = PostingSchedule.byDay(slots);
        List<Instant> instants = new ArrayList<>();
        for (LocalDate day = LocalDate.ofInstant(from, zone);
                day.atStartOfDay(zone).toInstant().isBefore(to);
                day = day.plusDays(1)) {
            for (LocalTime time : byDay.get(day.getDayOfWeek())) {
                LocalDateTime local = day.atTime(time);
                var offsets = zone.getRules().getValidOffsets(local);
                if (offsets.isEmpty()) {
                    continue;
                }
                Instant at = local.atOffset(offsets.getFirst()).toInstant();
                if (!at.isBefore(from) && at.isBefore(to)) {
                    instants.add(at);
                }
            }
        }
        return instants;
    }

    /**
     * The slots of {@code times}, each weekday's local times as {@code HH:mm}.
     *
     * @throws InvalidInput on {@code slots.<day>} for a time that is not {@code HH:mm} or too many a day, on {@code
     *     slots} for no time in the whole week
     */
    static List<Slot> parse(Map<DayOfWeek, List<String>> times) {
        var slots = new TreeSet<Slot>();
        times.forEach((day, list) -> {
            String field = "slots." + day.name().toLowerCase(Locale.ROOT);
            var ofDay = new TreeSet<LocalTime>();
            for (String text : list == null ? List.<String>of() : list) {
                if (text == null || text.isBlank()) {
                    continue;
                }
                try {
                    ofDay.add(LocalTime.parse(text.strip()).withSecond(0).withNano(0));
                } catch (DateTimeParseException e) {
                    throw new InvalidInput(
                            field,
                            "'" + text.strip() + "' on " + day.getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                                    + " is not a time such as 09:00 or 17:30.");
                }
            }
            if (ofDay.size() > PostingSchedule.MAX_PER_DAY) {
                throw new InvalidInput(
                        field,
                        day.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " has " + ofDay.size() + " times; at most "
                                + PostingSchedule.MAX_PER_DAY + ".");
            }
            ofDay.forEach(time -> slots.add(new Slot(day, time)));
        });
        if (slots.isEmpty()) {
            throw new InvalidInput("slots", "Give at least one time in the week, e.g. 09:00 on Monday.");
        }
        return List.copyOf(slots);
    }

    static Map<String, String> describe(List<Slot> slots) {
        Map<String, String> details = new LinkedHashMap<>();
        PostingSchedule.byDay(slots).forEach((day, times) -> {
            if (!times.isEmpty()) {
                details.put(
                        day.name().toLowerCase(Locale.ROOT),
                        String.join(",", times.stream().map(LocalTime::toString).toList()));
            }
        });
        return details;
    }
}
