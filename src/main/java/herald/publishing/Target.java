package herald.publishing;

import herald.connections.ConnectionId;
import herald.providers.PostFormat;
import java.net.URI;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A post on one connection.
 *
 * @param account how the account is shown, e.g. {@code Sandbox @krusty}
 * @param body the text for this platform when it differs from the post's
 * @param attempts how many times Herald called the platform for it
 * @param lastError the platform's own words for the last failure, or why the outcome is unknown
 * @param firstComment this account's own first comment, in place of the post's; null: the post's, if any
 * @param comment its first comment's outcome, null when it has none
 * @param thread its thread's parts after the post's text, in order; empty when it publishes none (a single post, or
 *     a platform without threads)
 * @param format a feed post, or a story (its one medium alone) on a platform that takes stories
 * @param commentOff whether the account gets no first comment although the post has one (then {@code firstComment}
 *     is null)
 */
public record Target(
        TargetId id,
        ConnectionId connection,
        String provider,
        String account,
        @Nullable String body,
        TargetStatus status,
        int attempts,
        @Nullable String platformPostId,
        @Nullable URI platformUrl,
        @Nullable String lastError,
        @Nullable Instant nextAttemptAt,
        @Nullable Instant publishedAt,
        @Nullable String firstComment,
        @Nullable TargetComment comment,
        java.util.List<ThreadPart> thread,
        PostFormat format,
        boolean commentOff) {

    public Target {
        thread = thread == null ? java.util.List.of() : java.util.List.copyOf(thread);
        format = format == null ? PostFormat.POST : format;
    }

    /**
     * The first comment this account gets when the post's is {@code postComment}: none for a story or an account that
     * keeps comments off, else its own, else the post's.
     */
    public @Nullable String commentOf(@Nullable String postComment) {
        if (story() || commentOff) {
            return null;
        }
        return firstComment != null ? firstComment : postComment;
    }

    /** Whether it goes out as a story. */
    public boolean story() {
        return format == PostFormat.STORY;
    }
}
