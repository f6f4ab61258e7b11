package herald.feeds;

import herald.publishing.PostId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An item a feed's checks saw.
 *
 * @param outcome {@code seen} (there at the first check, or later left alone), {@code posted} (it made {@code post}),
 *     or {@code skipped} (it could not be posted: {@code reason} says why; it is not tried again)
 * @param post the post it made, while that post exists
 */
public record FeedItem(
        UUID id,
        FeedId feed,
        String title,
        @Nullable String link,
        @Nullable Instant publishedAt,
        String outcome,
        @Nullable PostId post,
        @Nullable String reason,
        Instant seenAt) {}
