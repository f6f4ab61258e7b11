package herald.publishing;

import herald.shared.WorkspaceId;

/**
 * A repeating post's next occurrence could not be made, so its series ended at it.
 *
 * @param reason why, in plain words (the platform rule, the account, the plan's limit)
 */
public record PostRepeatStopped(WorkspaceId workspace, PostId post, String reason) {}
