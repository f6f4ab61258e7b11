package herald.publishing;

import java.net.URI;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A target's first comment, as Herald wrote it (or not) under the target's published post.
 *
 * @param attempts how many times Herald called the platform for it
 * @param url the comment's own address on the platform, where the platform gives one
 * @param lastError the platform's words for the last failure, or why the outcome is unknown
 * @param postedAt when Herald saw it written
 */
public record TargetComment(
        CommentStatus status,
        int attempts,
        @Nullable URI url,
        @Nullable String lastError,
        @Nullable Instant postedAt) {}
