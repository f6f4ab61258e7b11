package herald.web.api.members;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;

record InviteMember(
        @Schema(description = "Only this person may accept; anyone with the link when left out.", nullable = true)
                @Nullable
                String email,
        @Schema(
                        allowableValues = {"admin", "editor", "viewer"},
                        example = "editor")
                @NotBlank
                String role) {}
