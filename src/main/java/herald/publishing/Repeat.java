package herald.publishing;

import herald.shared.InvalidInput;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How a post repeats: every day, week, two weeks, four weeks or month at the same local time, optionally until a
 * local day (the last an occurrence may fall on). {@link #NEVER} (no {@code every}) asks an edit to stop repeating.
 */
public record Repeat(@Nullable Every every, @Nullable LocalDate until) {

    /** No repeat: in an edit, stop repeating. */
    public static final Repeat NEVER = new Repeat(null, null);

    /** The intervals offered. */
    public enum Every {
        DAY("every day"),
        WEEK("every week"),
        TWO_WEEKS("every two weeks"),
        FOUR_WEEKS("every four weeks"),
        MONTH("every month");

        private final String words;

        Every(String words) {
            this.words = words;
        }

        /** "every week" */
        public String words() {
            return words;
        }

        /** How rows, forms and the API name it: {@code day}, {@code week}, {@code two_weeks}, ... */
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The {@code n}-th occurrence after the one at {@code start} (0: {@code start} itself). */
        LocalDateTime after(LocalDateTime start, long n) {
            return switch (this) {
                case DAY -> start.plusDays(n);
                case WEEK -> start.plusWeeks(n);
                case TWO_WEEKS -> start.plusWeeks(2 * n);
                case FOUR_WEEKS -> start.plusWeeks(4 * n);
                // From the first occurrence each time, so 31 January gives 28 February and then 31 March.
                case MONTH -> start.plusMonths(n);
            };
        }

        /** @throws InvalidInput on {@code repeat.every} for a name that is not an interval */
        public static Every of(String value) {
            for (Every every : values()) {
                if (every.value().equalsIgnoreCase(value.strip())) {
                    return every;
                }
            }
            throw new InvalidInput(
                    "repeat.every",
                    "'" + value + "' is not an interval: use day, week, two_weeks, four_weeks or month.");
        }
    }

    /** Whether it repeats at all. */
    public boolean repeats() {
        return every != null;
    }

    /** "every week", "every week until 1 Mar 2027" */
    public String words() {
        if (every == null) {
            return "does not repeat";
        }
        return every.words()
                + (until == null
                        ? ""
                        : " until "
                                + until.format(
                                        java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)));
    }

    /**
     * An occurrence of a series.
     *
     * @param occurrence which it is: 1 for the series' first
     */
    record Next(long occurrence, ZonedDateTime at) {}

    /**
     * The first occurrence after {@code now} of the series that started at {@code start} in {@code zone}, after
     * occurrence {@code after} (those in the past are skipped: a series does not catch up); null when it falls after
     * {@link #until}, passing over the occurrences on {@code skipped} days. A local time that does not exist that day
     * (a DST gap) moves forward by the gap.
     */
    @Nullable
    Next next(LocalDateTime start, long after, ZoneId zone, Instant now, Set<LocalDate> skipped) {
        if (every == null) {
            return null;
        }
        long n = Math.max(1, after);
        ZonedDateTime at = ZonedDateTime.of(every.after(start, n), zone);
        while (!at.toInstant().isAfter(now) || skipped.contains(at.toLocalDate())) {
            if (until != null && at.toLocalDate().isAfter(until)) {
                return null;
            }
            n++;
            at = ZonedDateTime.of(every.after(start, n), zone);
        }
        if (until != null && at.toLocalDate().isAfter(until)) {
            return null;
        }
        return new Next(n + 1, at);
    }

    /**
     * The occurrences after occurrence {@code after} that fall in {@code [from, to)} and after {@code now}, soonest
     * first, at most {@code most}, passing over the occurrences on {@code skipped} days: what the series will make if
     * nobody stops it.
     */
    List<Next> between(
            LocalDateTime start,
            long after,
            ZoneId zone,
            Instant now,
            Instant from,
            Instant to,
            int most,
            Set<LocalDate> skipped) {
        List<Next> found = new ArrayList<>();
        Next next = next(start, after, zone, now, skipped);
        while (next != null && found.size() < most && next.at().toInstant().isBefore(to)) {
            if (!next.at().toInstant().isBefore(from)) {
                found.add(next);
            }
            next = next(start, next.occurrence(), zone, next.at().toInstant(), skipped);
        }
        return found;
    }

    /** @throws InvalidInput when the last day is before {@code first}, the day of the first occurrence */
    void check(LocalDate first) {
        if (every != null && until != null && until.isBefore(first)) {
            throw new InvalidInput(
                    "repeat.until", "The last day (" + until + ") is before the post's own day (" + first + ").");
        }
    }
}
