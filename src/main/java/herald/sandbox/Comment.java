package herald.sandbox;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A comment under a post: written by the account that published the post (through the API), or by a visitor of the
 * account's feed under a name.
 *
 * @param feedHandle the account whose post it is under: the feed it shows on
 * @param accountHandle the account that wrote it, or null for a visitor
 * @param authorName the visitor's name, or the account's display name (its handle when it has none)
 * @param replyTo the comment under the same post that it answers, or null when it answers the post
 */
public record Comment(
        UUID id,
        UUID postId,
        String feedHandle,
        @Nullable String accountHandle,
        String authorName,
        String text,
        Instant createdAt,
        @Nullable UUID replyTo) {

    /** Where the comment shows: under its post on the feed of the post's account. */
    public String path() {
        return "/sandbox/@" + feedHandle + "#comment-" + id;
    }

    public boolean byVisitor() {
        return accountHandle == null;
    }
}
