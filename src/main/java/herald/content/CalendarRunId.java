package herald.content;

import java.util.UUID;

/** A monthly calendar run. */
public record CalendarRunId(UUID value) {

    public static CalendarRunId random() {
        return new CalendarRunId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
