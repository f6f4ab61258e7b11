package herald.tenancy;

import herald.shared.UserId;
import herald.shared.WorkspaceId;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An invitation to join a workspace by a single-use link that expires. */
public record Invitation(
        UUID id,
        WorkspaceId workspace,
        @Nullable String email,
        Role role,
        @Nullable UserId invitedBy,
        Instant createdAt,
        Instant expiresAt,
        @Nullable Instant acceptedAt,
        @Nullable Instant revokedAt) {

    public enum Status {
        PENDING,
        ACCEPTED,
        REVOKED,
        EXPIRED
    }

    public Status statusAt(Instant now) {
        if (acceptedAt != null) {
            return Status.ACCEPTED;
        }
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        return expiresAt.isAfter(now) ? Status.PENDING : Status.EXPIRED;
    }
}
