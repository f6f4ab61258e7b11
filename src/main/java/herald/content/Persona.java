package herald.content;

import java.time.Instant;
import java.util.List;

/**
 * A brand voice of a workspace.
 *
 * @param guidelines how to write in this voice, in the workspace's own words
 * @param wordsToUse words captions should use where they fit
 * @param wordsToAvoid words captions never contain (removed from AI captions, with a warning)
 * @param isDefault the persona captions use when none is named; each workspace has exactly one
 */
public record Persona(
        PersonaId id,
        String name,
        String description,
        Tone tone,
        String guidelines,
        List<String> wordsToUse,
        List<String> wordsToAvoid,
        boolean isDefault,
        Instant createdAt,
        Instant updatedAt) {

    public Persona {
        wordsToUse = List.copyOf(wordsToUse);
        wordsToAvoid = List.copyOf(wordsToAvoid);
    }
}
