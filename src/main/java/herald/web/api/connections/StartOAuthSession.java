package herald.web.api.connections;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
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
                UUID reconnectConnectionId,
        @Schema(
                        description = "For a platform whose connectMethod is server_oauth (Mastodon): the server the"
                                + " account is on, e.g. mastodon.social (a URL or @user@server is read too). Herald"
                                + " registers itself there the first time. Ignored elsewhere.",
                        nullable = true,
                        example = "mastodon.social")
                @Nullable
                @Size(max = 253)
                String server) {}
