package herald.web.ui;

import herald.publishing.Post;
import herald.publishing.PostChanges;
import herald.publishing.PostId;
import herald.publishing.Posts;
import herald.shared.InvalidInput;
import herald.web.CurrentWorkspace;

/** Moves a post to a local date-time in the workspace's zone, through the publishing edit use case. */
final class PostMoves {

    private PostMoves() {}

    static Post to(Posts posts, CurrentWorkspace current, PostId id, String localDateTime) {
        if (localDateTime.isBlank()) {
            throw new InvalidInput("scheduledAt", "Choose the date and time to publish at.");
        }
        return posts.edit(
                current.id(),
                id,
                new PostChanges(
                        null,
                        null,
                        null,
                        null,
                        localDateTime,
                        current.workspace().timezone().getId(),
                        null));
    }
}
