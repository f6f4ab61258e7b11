package herald.tenancy;

import herald.shared.UserId;
import herald.shared.WorkspaceId;

/** A workspace was created with {@code owner} as its first owner. */
public record WorkspaceCreated(WorkspaceId workspace, UserId owner) {}
