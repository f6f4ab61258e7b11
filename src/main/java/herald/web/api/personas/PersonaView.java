package herald.web.api.personas;

import herald.content.Persona;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A persona (brand voice) of the workspace. */
@Schema(name = "Persona")
record PersonaView(
        UUID id,
        String name,
        String description,
        String tone,
        String guidelines,
        List<String> wordsToUse,
        List<String> wordsToAvoid,
        boolean isDefault,
        Instant createdAt,
        Instant updatedAt) {

    static PersonaView of(Persona persona) {
        return new PersonaView(
                persona.id().value(),
                persona.name(),
                persona.description(),
                persona.tone().value(),
                persona.guidelines(),
                persona.wordsToUse(),
                persona.wordsToAvoid(),
                persona.isDefault(),
                persona.createdAt(),
                persona.updatedAt());
    }
}
