package herald.web.api.connections;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Schema(name = "SignInWithAppPassword")
record SignInWithAppPassword(
        @Schema(description = "The platform to connect: one whose connectMethod is app_password.", example = "bluesky")
                @NotBlank
                String provider,
        @Schema(description = "The account's handle (or its e-mail address).", example = "krusty.bsky.social")
                @NotBlank
                @Size(max = 254)
                String identifier,
        @Schema(
                        description = "An app password made for Herald at the platform (never the account's own"
                                + " password). Herald signs in with it once and does not keep it.",
                        format = "password",
                        accessMode = Schema.AccessMode.WRITE_ONLY)
                @NotBlank
                @Size(max = 200)
                String appPassword,
        @Schema(
                        description = "A connection of this workspace to reconnect: the same account, signed in again.",
                        nullable = true)
                @Nullable
                UUID reconnectConnectionId) {

    @Override
    public String toString() {
        return "SignInWithAppPassword[provider=" + provider + ", identifier=" + identifier + ", appPassword=***]";
    }
}
