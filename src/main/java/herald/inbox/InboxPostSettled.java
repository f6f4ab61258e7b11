package herald.inbox;

import herald.publishing.PostId;
import herald.shared.WorkspaceId;

/** Every comment the inbox has under the post is done (answered or marked done): nobody need look at it any more. */
public record InboxPostSettled(WorkspaceId workspace, PostId post) {}
