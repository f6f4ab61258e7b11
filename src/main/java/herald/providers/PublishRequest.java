package herald.providers;

import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One post as a platform receives it: its text, an optional link, and media the platform fetches by URL.
 *
 * @param accountHandle the account's handle at the platform, for reading back what it published
 */
public record PublishRequest(String accountHandle, String text, @Nullable URI link, List<URI> mediaUrls) {

    public PublishRequest {
        mediaUrls = List.copyOf(mediaUrls);
    }
}
