package herald.web.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Formats instants for pages, in the workspace's timezone, with UTC at hand for tooltips and machine attributes. */
public record WorkspaceTime(ZoneId zone) {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter PRECISE =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss", Locale.ENGLISH);
    private static final DateTimeFormatter FIELD = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter WEEKDAY =
            DateTimeFormatter.ofPattern("EEEE, d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern(
                    "yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    public static WorkspaceTime utc() {
        return new WorkspaceTime(ZoneOffset.UTC);
    }

    /** "24 Nov 2026, 14:05" in the workspace's zone. */
    public String local(@Nullable Instant instant) {
        return instant == null ? "" : LOCAL.format(instant.atZone(zone));
    }

    /** "Tuesday, 24 Nov 2026, 14:05" in the workspace's zone. */
    public String weekday(@Nullable Instant instant) {
        return instant == null ? "" : WEEKDAY.format(instant.atZone(zone));
    }

    /** "24 Nov 2026, 14:05:09" in the workspace's zone, for logs where seconds matter. */
    public String precise(@Nullable Instant instant) {
        return instant == null ? "" : PRECISE.format(instant.atZone(zone));
    }

    /** "2026-11-24T14:05" in the workspace's zone: the value of a {@code datetime-local} field. */
    public String field(@Nullable Instant instant) {
        return instant == null ? "" : FIELD.format(instant.atZone(zone));
    }

    /** "24 Nov 2026" in the workspace's zone. */
    public String date(@Nullable Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(zone));
    }

    /** "2026-11-24 13:05:00 UTC", for tooltips. */
    public String utc(@Nullable Instant instant) {
        return instant == null ? "" : UTC.format(instant);
    }

    /** ISO-8601 in UTC, for {@code <time datetime>}. */
    public String iso(@Nullable Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** The zone's short label right now, e.g. "CET" or "GMT+01:00". */
    public String zoneName() {
        return zone.getId();
    }

    /** The first instant of {@code date} in the workspace's zone. */
    public Instant startOf(LocalDate date) {
        return date.atStartOfDay(zone).toInstant();
    }

    public LocalDate today(Instant now) {
        return now.atZone(zone).toLocalDate();
    }
}
