package herald.web.ui;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where the next page of a listing newest first starts (the posts list, a webhook endpoint's deliveries, AI
 * generations, a member's notifications): the last shown item's time and id, written as {@code <ISO instant>_<uuid>} (to the microsecond, as
 * stored) in a query parameter. A cursor that cannot be read starts at the top.
 */
record PageCursor(Instant time, UUID id) {

    static @Nullable PageCursor read(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        int split = text.indexOf('_');
        try {
            return new PageCursor(Instant.parse(text.substring(0, split)), UUID.fromString(text.substring(split + 1)));
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** This cursor as a query parameter gives it. */
    String text() {
        return after(time, id);
    }

    static String after(Instant time, Object id) {
        return time + "_" + id;
    }
}
