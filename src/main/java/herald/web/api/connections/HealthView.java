package herald.web.api.connections;

import herald.connections.ConnectionHealth;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Schema(name = "ConnectionHealth")
record HealthView(
        UUID id,
        @Schema(
                        allowableValues = {"valid", "expiring", "expired", "needs_reconnect", "disconnected"},
                        description =
                                "expiring: within the refresh-ahead window (Herald refreshes before the next use).")
                String state,
        @Nullable Instant expiresAt,
        @Nullable Instant lastRefreshedAt,
        @Schema(description = "Whether Herald holds a refresh token for it.") boolean refreshable,
        @Schema(description = "Why it needs a reconnect or was disconnected.", nullable = true) @Nullable String reason,
        @Schema(description = "The last failed refresh, if the last attempt failed.", nullable = true) @Nullable
                String lastError) {

    static HealthView of(ConnectionHealth health) {
        return new HealthView(
                health.id().value(),
                health.state().value(),
                health.expiresAt(),
                health.lastRefreshedAt(),
                health.refreshable(),
                health.reason(),
                health.lastError());
    }
}
