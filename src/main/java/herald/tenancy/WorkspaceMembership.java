package herald.tenancy;

import herald.shared.WorkspaceId;

/** One workspace a user belongs to, with their role there: what the workspace switcher lists. */
public record WorkspaceMembership(WorkspaceId id, String name, String slug, Role role) {}
