package herald.web.api.members;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;

record RoleChange(
        @Schema(
                        allowableValues = {"owner", "admin", "editor", "viewer"},
                        example = "editor")
                @NotBlank
                String role) {}
