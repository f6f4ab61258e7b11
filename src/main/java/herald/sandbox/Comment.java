package herald.sandbox;

import java.time.Instant;
import java.util.UUID;

/** A comment under a post, written by the account that published the post. */
public record Comment(UUID id, UUID postId, String accountHandle, String text, Instant createdAt) {

    /** Where the comment shows: under its post on the account's feed. */
    public String path() {
        return "/sandbox/@" + accountHandle + "#comment-" + id;
    }
}
