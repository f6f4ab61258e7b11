package herald.providers.meta;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;

/** The Graph API's timestamps: {@code 2026-12-01T12:00:00+0000}, the offset without a colon. */
public final class GraphTime {

    private static final DateTimeFormatter GRAPH = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

    private GraphTime() {}

    /** The instant {@code value} names, or null when it is absent or unreadable. */
    public static @Nullable Instant parse(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value, GRAPH).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}
