package herald.reviews;

import herald.publishing.PostId;
import herald.shared.WorkspaceId;
import org.jspecify.annotations.Nullable;

/**
 * A client said something through a review link: a comment, an approval or a request for changes, about one post.
 *
 * @param reviewer how the reviewer is named: {@code Marge Simpson (via review link 'Acme marketing')}
 * @param text the comment or the reason for changes; null for an approval
 */
public record ReviewFeedback(WorkspaceId workspace, PostId post, String reviewer, Kind kind, @Nullable String text) {

    public enum Kind {
        COMMENTED,
        APPROVED,
        CHANGES_REQUESTED
    }
}
