package herald.tenancy;

import herald.shared.UserId;
import herald.shared.WorkspaceId;
import org.jspecify.annotations.Nullable;

/** A workspace and all its data are gone. */
public record WorkspaceDeleted(WorkspaceId workspace, String name, @Nullable UserId deletedBy) {}
