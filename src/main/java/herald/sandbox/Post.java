package herald.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A published post, with the media the Sandbox fetched for it. */
public record Post(
        UUID id, String accountHandle, String text, @Nullable String link, List<Media> media, Instant createdAt) {

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
