package herald.providers;

/**
 * A comment the account writes under one of its own published posts: a post's first comment (the hashtags, the link
 * or the credits its authors keep out of the post's own text).
 *
 * @param accountHandle the account's handle at the platform, as in {@link PublishRequest#accountHandle()}
 * @param postId the platform's id of the account's published post ({@link PublishedPost#id()})
 * @param text the comment's text
 */
public record CommentRequest(String accountHandle, String postId, String text) {}
