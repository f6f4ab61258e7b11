package herald.sandbox;

import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a visitor typed into a comment form on the feed page, carried back to that form with why it was refused.
 *
 * @param replyTo the comment the form answers, or null for the post's own form (also when the form named no comment
 *     of the post, so that the message shows under the post)
 */
public record RefusedComment(UUID postId, @Nullable UUID replyTo, String name, String text, String message) {

    /** Whether this is the form under {@code post} that answers {@code comment} (null: the post's own form). */
    public boolean isFor(UUID post, @Nullable UUID comment) {
        return postId.equals(post) && Objects.equals(replyTo, comment);
    }
}
