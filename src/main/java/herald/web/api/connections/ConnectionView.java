package herald.web.api.connections;

import herald.connections.Connection;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A connected account as the API shows it: never a token. */
@Schema(name = "Connection")
record ConnectionView(
        UUID id,
        @Schema(description = "The platform, like sandbox.") String provider,
        @Schema(allowableValues = {"personal", "company", "product"}) String accountType,
        @Schema(description = "The workspace's own name for the account.") String label,
        @Schema(description = "The handle on the platform, without '@'.") String username,
        String displayName,
        @Nullable String avatarUrl,
        @Schema(allowableValues = {"active", "needs_reconnect", "disconnected"}) String status,
        @Schema(description = "Why it needs a reconnect or was disconnected.", nullable = true) @Nullable
                String statusReason,
        @Schema(description = "When the access token expires; Herald refreshes it ahead of time.", nullable = true)
                @Nullable
                Instant expiresAt,
        Instant connectedAt,
        @Schema(description = "Whether publishing to it is paused: its scheduled posts wait until it is resumed.")
                boolean paused,
        @Schema(description = "Since when publishing to it is paused.", nullable = true) @Nullable Instant pausedAt) {

    static ConnectionView of(Connection c) {
        return new ConnectionView(
                c.id().value(),
                c.provider(),
                c.accountType().value(),
                c.label(),
                c.username(),
                c.displayName(),
                c.avatarUrl(),
                c.status().value(),
                c.statusReason(),
                c.expiresAt(),
                c.connectedAt(),
                c.paused(),
                c.pausedAt());
    }
}
