package herald.connections;

import herald.providers.AccountType;
import herald.shared.WorkspaceId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A connected social account as the rest of Herald sees it: everything but its tokens.
 *
 * @param pausedAt since when publishing to it is paused (docs/pausing.md), null when it is not
 */
public record Connection(
        WorkspaceId workspace,
        ConnectionId id,
        String provider,
        String externalId,
        AccountType accountType,
        String label,
        String username,
        String displayName,
        @Nullable String avatarUrl,
        ConnectionStatus status,
        @Nullable String statusReason,
        @Nullable Instant expiresAt,
        @Nullable Instant lastRefreshedAt,
        @Nullable String lastError,
        Instant connectedAt,
        Instant updatedAt,
        @Nullable Instant pausedAt) {

    public boolean active() {
        return status == ConnectionStatus.ACTIVE;
    }

    public boolean paused() {
        return pausedAt != null;
    }
}
