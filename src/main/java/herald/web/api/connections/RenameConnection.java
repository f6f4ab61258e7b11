package herald.web.api.connections;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

@Schema(name = "ConnectionChanges")
record RenameConnection(
        @Schema(description = "1 to 100 characters.", example = "Krusty Pizza (main)") @NotBlank @Size(max = 100)
                String label) {}
