package herald.providers;

import herald.vault.Secret;
import java.util.List;

/**
 * What people write under the account's published posts, as a {@link SocialProvider} reads it for the inbox. The
 * defaults read nothing: a platform Herald cannot read comments from says so with {@link #readsComments()}, and is
 * never asked. Like every call of a provider, {@link #comments} may throw {@link ProviderException} only, and never
 * runs inside a database transaction. Answering a comment is {@link SocialProvider#comment} with {@link
 * CommentRequest#replyTo()} naming it.
 */
public interface ProviderConversations {

    /** Whether Herald reads the comments under the account's posts on this platform ({@link #comments}). */
    default boolean readsComments() {
        return false;
    }

    /**
     * The comments others wrote under the account's post {@code postId} (replies to those comments included, each
     * naming the one it answers), newest first, at most {@code limit}. The account's own comments are left out: the
     * inbox lists what others say.
     *
     * @param accountHandle the account's handle at the platform, as in {@link PublishRequest#accountHandle()}
     * @param postId the platform's id of the account's published post ({@link PublishedPost#id()})
     * @throws ProviderException {@link ProviderException.Kind#INVALID_CONTENT} when the platform no longer has the post
     *     (deleted there), so that the inbox stops reading it; the usual kinds otherwise
     */
    default List<ReceivedComment> comments(Secret token, String accountHandle, String postId, int limit) {
        return List.of();
    }
}
