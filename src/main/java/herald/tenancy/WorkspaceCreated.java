package herald.tenancy;

import herald.shared.UserId;
import herald.shared.WorkspaceId;
import org.jspecify.annotations.Nullable;

/**
 * A workspace was created, in the transaction that created it. {@code owner} is its first owner, or null when the
 * operator API created it for an owner who is still invited.
 */
public record WorkspaceCreated(WorkspaceId workspace, @Nullable UserId owner) {}
