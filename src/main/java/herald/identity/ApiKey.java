package herald.identity;

import herald.shared.UserId;
import herald.shared.WorkspaceId;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** An API key as shown to its workspace: never its secret, only the prefix that lets a person recognise it. */
public record ApiKey(
        ApiKeyId id,
        WorkspaceId workspace,
        String name,
        String prefix,
        Set<ApiKeyScope> scopes,
        @Nullable UserId createdBy,
        Instant createdAt,
        @Nullable Instant expiresAt,
        @Nullable Instant lastUsedAt,
        @Nullable Instant revokedAt) {

    public boolean activeAt(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }
}
