package herald.reviews;

import herald.connections.ConnectionId;
import herald.shared.UserId;
import herald.shared.WorkspaceId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A review link as its workspace sees it: what it shows, what its reviewer may do, and until when. Never its token.
 *
 * @param from the first instant of the posts shown (by their due time)
 * @param to the end of the posts shown, exclusive
 * @param accounts the accounts whose posts are shown; all of them when empty
 * @param tag only posts with this tag, when given
 * @param mayApprove whether the reviewer may approve or reject posts awaiting approval (else only comment)
 */
public record ReviewLink(
        ReviewLinkId id,
        WorkspaceId workspace,
        String label,
        Instant from,
        Instant to,
        List<ConnectionId> accounts,
        @Nullable String tag,
        boolean mayApprove,
        @Nullable UserId createdBy,
        Instant createdAt,
        Instant expiresAt,
        @Nullable Instant revokedAt,
        @Nullable Instant lastUsedAt) {

    public ReviewLink {
        accounts = List.copyOf(accounts);
    }

    /** Where a token leads, before the workspace's scope is entered. */
    record Located(WorkspaceId workspace, ReviewLinkId id) {}

    public enum Status {
        ACTIVE,
        EXPIRED,
        REVOKED;

        public String value() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public Status statusAt(Instant now) {
        if (revokedAt != null) {
            return Status.REVOKED;
        }
        return now.isBefore(expiresAt) ? Status.ACTIVE : Status.EXPIRED;
    }
}
