package herald.web.api.connections;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Schema(name = "StartOAuthSession")
record StartOAuthSession(
        @Schema(description = "The platform to connect.", example = "sandbox") @NotBlank String provider,
        @Schema(
                        description = "The kind of account.",
                        allowableValues = {"personal", "company", "product"},
                        example = "company")
                @NotBlank
                String accountType,
        @Schema(
                        description = "A connection of this workspace to reconnect (it keeps its id and label).",
                        nullable = true)
                @Nullable
                UUID reconnectConnectionId) {}
