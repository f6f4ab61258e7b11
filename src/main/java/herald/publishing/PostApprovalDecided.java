package herald.publishing;

import herald.audit.Actor;
import herald.shared.WorkspaceId;
import org.jspecify.annotations.Nullable;

/**
 * Someone decided about a post that waited for approval: approved (it is scheduled now) or not (a person's post is
 * their draft again, any other is cancelled).
 *
 * @param by who decided: a member, an API key, a client through a review link
 * @param note why it was rejected; null when approved
 * @param status where the decision left the post: {@code scheduled} (or publishing, when approved after its time),
 *     {@code draft} or {@code cancelled}
 */
public record PostApprovalDecided(
        WorkspaceId workspace, PostId post, boolean approved, Actor by, @Nullable String note, PostStatus status) {}
