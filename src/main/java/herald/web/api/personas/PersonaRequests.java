package herald.web.api.personas;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The bodies the persona endpoints take. */
final class PersonaRequests {

    private PersonaRequests() {}

    @Schema(name = "NewPersona")
    record Create(
            String name,
            @Nullable String description,
            @Schema(allowableValues = {"professional", "casual", "humorous", "promotional", "educational"}) String tone,
            @Nullable String guidelines,
            @Nullable List<String> wordsToUse,
            @Nullable List<String> wordsToAvoid,
            @Schema(description = "Make it the workspace's default persona.", nullable = true) @Nullable
                    Boolean isDefault) {}

    @Schema(name = "PersonaChange", description = "Only the fields given change.")
    record Change(
            @Nullable String name,
            @Nullable String description,
            @Nullable String tone,
            @Nullable String guidelines,
            @Nullable List<String> wordsToUse,
            @Nullable List<String> wordsToAvoid) {}
}
