package herald.publishing;

import herald.shared.InvalidInput;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/**
 * When a post is due, read from what the author wrote: an instant with an offset, or a local date-time in an IANA
 * zone. A local time that the zone skips (the spring-forward gap) is refused, never shifted silently; one it repeats
 * (the autumn overlap) means the first of the two, the earlier offset.
 */
record PublishTime(Instant instant, @Nullable String timezone) {

    /** What {@code scheduledAt} says to publish at once, as "Publish now" on a scheduled post does. */
    static final String NOW = "now";

    static PublishTime read(String scheduledAt, @Nullable String timezone, Instant now) {
        ZoneId zone = zone(timezone);
        if (NOW.equalsIgnoreCase(scheduledAt.strip())) {
            return new PublishTime(now, zone == null ? null : zone.getId());
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(scheduledAt).toInstant();
        } catch (DateTimeParseException notOffset) {
            LocalDateTime local;
            try {
                local = LocalDateTime.parse(scheduledAt);
            } catch (DateTimeParseException e) {
                throw new InvalidInput(
                        "scheduledAt",
                        "scheduledAt must be a date-time such as 2026-03-29T09:00 (with a timezone) or"
                                + " 2026-03-29T09:00:00+02:00.");
            }
            if (zone == null) {
                throw new InvalidInput(
                        "timezone", "A local scheduledAt needs a timezone, an IANA zone such as Europe/Berlin.");
            }
            var offsets = zone.getRules().getValidOffsets(local);
            if (offsets.isEmpty()) {
                var transition = zone.getRules().getTransition(local);
                throw new InvalidInput(
                        "scheduledAt",
                        local + " does not exist in " + zone.getId() + ": clocks jump from "
                                + transition.getDateTimeBefore().toLocalTime() + " to "
                                + transition.getDateTimeAfter().toLocalTime() + " that day. Choose another time.");
            }
            instant = local.atOffset(offsets.getFirst()).toInstant();
        }
        if (instant.isBefore(now)) {
            throw new InvalidInput(
                    "scheduledAt",
                    "scheduledAt " + scheduledAt + " is in the past. Leave it out to publish now, or choose a later"
                            + " time.");
        }
        return new PublishTime(instant, zone == null ? null : zone.getId());
    }

    static @Nullable ZoneId zone(@Nullable String timezone) {
        if (timezone == null || timezone.isBlank()) {
            return null;
        }
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException e) {
            throw new InvalidInput("timezone", "'" + timezone + "' is not an IANA time zone such as Europe/Berlin.");
        }
    }
}
