package herald.inbox;

import java.util.UUID;

/** The id of a comment in a workspace's inbox. */
public record InboxCommentId(UUID value) {

    public static InboxCommentId random() {
        return new InboxCommentId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
