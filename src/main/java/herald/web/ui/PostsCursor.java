package herald.web.ui;

import herald.publishing.Post;
import herald.publishing.PostId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where the next page of the posts list starts: the last shown post's due (or creation) time and id, written as
 * {@code <ISO instant>_<uuid>} (to the microsecond, as stored) in the {@code after} parameter. A cursor that cannot be read starts at the top.
 */
record PostsCursor(Instant time, PostId id) {

    static @Nullable PostsCursor read(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        int split = text.indexOf('_');
        try {
            return new PostsCursor(
                    Instant.parse(text.substring(0, split)), new PostId(UUID.fromString(text.substring(split + 1))));
        } catch (RuntimeException e) {
            return null;
        }
    }

    static String after(Post post) {
        Instant at = post.scheduledAt() == null ? post.createdAt() : post.scheduledAt();
        return at + "_" + post.id();
    }
}
