package herald.web.api.workspaces;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;

/** The operator's request for a new workspace. */
record ProvisionWorkspace(
        @Schema(description = "The workspace's name; its slug is made from it.", example = "Krusty Pizza") @NotBlank
                String name,
        @Schema(
                        description = "Its first owner: added at once if this email has an account, otherwise invited.",
                        example = "owner@krusty.example")
                @NotBlank
                String ownerEmail,
        @Schema(description = "One of the configured plans.", example = "basic") @NotBlank String plan,
        @Schema(description = "IANA timezone for its schedules.", example = "Europe/Berlin") @NotBlank String timezone,
        @Schema(description = "What the workspace is about, as context for AI features.", nullable = true) @Nullable
                String description) {}
