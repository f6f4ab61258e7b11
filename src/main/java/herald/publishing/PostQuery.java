package herald.publishing;

import herald.connections.ConnectionId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A listing of posts, newest due (or created) first, {@code limit} after the position {@code (afterTime, afterId)}.
 *
 * @param from posts due (or created, when unscheduled) at or after this
 * @param to posts due before this
 * @param text words the post's text (or one of its per-platform texts) contains, each of them, in any case
 * @param tag a tag the post carries, in any case
 */
public record PostQuery(
        @Nullable PostStatus status,
        @Nullable ConnectionId connection,
        @Nullable Instant from,
        @Nullable Instant to,
        @Nullable Instant afterTime,
        @Nullable PostId afterId,
        int limit,
        @Nullable String text,
        @Nullable String tag) {

    /** The longest text searched for, and the most words in it. */
    public static final int MAX_TEXT = 200;

    public static final int MAX_WORDS = 8;

    public PostQuery {
        tag = tag == null || tag.isBlank() ? null : tag.strip();
        if (text != null) {
            text = text.strip();
            if (text.isEmpty()) {
                text = null;
            } else if (text.length() > MAX_TEXT) {
                throw new herald.shared.InvalidInput(
                        "q", "Search for at most " + MAX_TEXT + " characters; this has " + text.length() + ".");
            }
        }
    }

    public PostQuery(
            @Nullable PostStatus status,
            @Nullable ConnectionId connection,
            @Nullable Instant from,
            @Nullable Instant to,
            @Nullable Instant afterTime,
            @Nullable PostId afterId,
            int limit) {
        this(status, connection, from, to, afterTime, afterId, limit, null, null);
    }

    public PostQuery(
            @Nullable PostStatus status,
            @Nullable ConnectionId connection,
            @Nullable Instant from,
            @Nullable Instant to,
            @Nullable Instant afterTime,
            @Nullable PostId afterId,
            int limit,
            @Nullable String text) {
        this(status, connection, from, to, afterTime, afterId, limit, text, null);
    }

    /** The words searched for: at most {@value #MAX_WORDS}, the rest ignored. */
    public java.util.List<String> words() {
        if (text == null) {
            return java.util.List.of();
        }
        return java.util.Arrays.stream(text.split("\\s+"))
                .distinct()
                .limit(MAX_WORDS)
                .toList();
    }
}
