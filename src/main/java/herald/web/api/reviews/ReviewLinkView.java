package herald.web.api.reviews;

import herald.connections.ConnectionId;
import herald.reviews.ReviewLink;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A review link as listed: never its token or URL, which are shown once, at creation. */
record ReviewLinkView(
        UUID id,
        String label,
        Instant from,
        Instant to,
        List<UUID> accountIds,
        @Nullable String tag,
        boolean mayApprove,
        @Schema(description = "active, expired or revoked.") String status,
        Instant createdAt,
        Instant expiresAt,
        @Nullable Instant revokedAt,
        @Nullable Instant lastUsedAt) {

    static ReviewLinkView of(ReviewLink link, Instant now) {
        return new ReviewLinkView(
                link.id().value(),
                link.label(),
                link.from(),
                link.to(),
                link.accounts().stream().map(ConnectionId::value).toList(),
                link.tag(),
                link.mayApprove(),
                link.statusAt(now).value(),
                link.createdAt(),
                link.expiresAt(),
                link.revokedAt(),
                link.lastUsedAt());
    }
}
