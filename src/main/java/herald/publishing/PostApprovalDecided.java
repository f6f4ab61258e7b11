package herald.publishing;

import herald.shared.WorkspaceId;

/** Someone decided about a post that waited for approval: approved (it is scheduled now) or not (cancelled). */
public record PostApprovalDecided(WorkspaceId workspace, PostId post, boolean approved) {}
