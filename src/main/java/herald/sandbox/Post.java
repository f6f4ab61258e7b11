package herald.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A published post, with the media the Sandbox fetched for it.
 *
 * @param replyTo the post it answers (a thread's next part), or null
 * @param story whether it is a story (one medium, no text), as Instagram's
 */
public record Post(
        UUID id,
        String accountHandle,
        String text,
        @Nullable String link,
        List<Media> media,
        Instant createdAt,
        @Nullable UUID replyTo,
        boolean story) {

    /** {@code post} or {@code story}. */
    public String kind() {
        return story ? "story" : "post";
    }

    /** A media URL as fetched: what it claimed to be, and how many bytes came. */
    public record Media(String url, String contentType, long bytes) {

        public boolean isImage() {
            return contentType.startsWith("image/");
        }
    }

    public List<String> mediaUrls() {
        return media.stream().map(Media::url).toList();
    }

    public String path() {
        return "/sandbox/@" + accountHandle + "#post-" + id;
    }
}
