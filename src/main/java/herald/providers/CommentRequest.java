package herald.providers;

import org.jspecify.annotations.Nullable;

/**
 * A comment the account writes under one of its own published posts: a post's first comment (the hashtags, the link
 * or the credits its authors keep out of the post's own text).
 *
 * @param accountHandle the account's handle at the platform, as in {@link PublishRequest#accountHandle()}
 * @param postId the platform's id of the account's published post ({@link PublishedPost#id()})
 * @param text the comment's text
 * @param language the language it is written in, as {@link PublishRequest#language()}; null when not told
 * @param replyTo the platform's id of a comment under the post that this one answers ({@link ReceivedComment#id()}),
 *     or null when it comments on the post itself
 */
public record CommentRequest(
        String accountHandle, String postId, String text, @Nullable String language, @Nullable String replyTo) {

    /** A comment on the post itself. */
    public CommentRequest(String accountHandle, String postId, String text, @Nullable String language) {
        this(accountHandle, postId, text, language, null);
    }

    /** A comment whose language is not told. */
    public CommentRequest(String accountHandle, String postId, String text) {
        this(accountHandle, postId, text, null);
    }
}
