package herald.publishing;

import herald.shared.WorkspaceId;
import java.util.Set;

/**
 * A person acted on a post (retried it, marked a target published or published it again, wrote a first comment again
 * or confirmed it, cancelled the post), and now none of its targets is in {@code settled}: nobody needs to act on
 * those kinds of trouble of this post any more. Raised after the action committed, never by the dispatcher; a later
 * failure raises its own event as before.
 */
public record PostTroubleSettled(WorkspaceId workspace, PostId post, Set<PostTrouble> settled) {

    public PostTroubleSettled {
        settled = Set.copyOf(settled);
    }
}
