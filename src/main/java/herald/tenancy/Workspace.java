package herald.tenancy;

import herald.shared.WorkspaceId;
import java.time.Instant;
import java.time.ZoneId;

/** A tenant: a company, an agency's client, a brand. {@code description} gives AI features their context. */
public record Workspace(
        WorkspaceId id,
        String name,
        String slug,
        ZoneId timezone,
        String plan,
        String description,
        Instant createdAt) {}
