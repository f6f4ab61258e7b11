package herald.publishing;

import java.net.URI;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One part of a post's thread on one account, as Herald wrote it (or not) as a reply to the part before ({@link
 * ThreadParts}).
 *
 * @param position 1 for the first part after the post's own text, which answers the post; n answers part n - 1
 * @param attempts how many times Herald called the platform for it
 * @param url the part's own address on the platform
 * @param lastError the platform's words for the last failure, or why the outcome is unknown or it was skipped
 * @param postedAt when Herald saw it published
 */
public record ThreadPart(
        int position,
        CommentStatus status,
        int attempts,
        @Nullable URI url,
        @Nullable String lastError,
        @Nullable Instant postedAt) {}
