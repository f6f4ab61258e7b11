package herald.web.api.keys;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

record CreateApiKey(
        @Schema(description = "1 to 100 characters, to tell keys apart.", example = "Zapier") @NotBlank String name,
        @ArraySchema(
                        schema = @Schema(allowableValues = {"read", "write", "admin"}),
                        arraySchema = @Schema(description = "What the key may do."))
                @NotEmpty
                List<String> scopes,
        @Schema(description = "When the key stops working; never when left out.", nullable = true) @Nullable
                Instant expiresAt) {}
