package herald.content;

import java.util.UUID;

/** A persona's id. */
public record PersonaId(UUID value) {

    public static PersonaId random() {
        return new PersonaId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
