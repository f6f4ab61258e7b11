package herald.publishing;

import herald.audit.Actor;
import herald.shared.WorkspaceId;
import org.jspecify.annotations.Nullable;

/**
 * Someone decided about a post that waited for approval: approved (it is scheduled now) or not (cancelled).
 *
 * @param by who decided: a member, an API key, a client through a review link
 * @param note why it was rejected; null when approved
 */
public record PostApprovalDecided(
        WorkspaceId workspace, PostId post, boolean approved, Actor by, @Nullable String note) {}
