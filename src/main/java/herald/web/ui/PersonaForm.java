package herald.web.ui;

import herald.content.Persona;
import herald.content.PersonaDraft;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The persona form: words to use and to avoid are typed comma-separated. */
public record PersonaForm(
        @Nullable String name,
        @Nullable String description,
        @Nullable String tone,
        @Nullable String guidelines,
        @Nullable String wordsToUse,
        @Nullable String wordsToAvoid,
        @Nullable Boolean isDefault) {

    public PersonaForm {
        name = name == null ? "" : name;
        description = description == null ? "" : description;
        tone = tone == null ? "casual" : tone;
        guidelines = guidelines == null ? "" : guidelines;
        wordsToUse = wordsToUse == null ? "" : wordsToUse;
        wordsToAvoid = wordsToAvoid == null ? "" : wordsToAvoid;
        isDefault = Boolean.TRUE.equals(isDefault);
    }

    static PersonaForm blank() {
        return new PersonaForm("", "", "casual", "", "", "", false);
    }

    static PersonaForm of(Persona persona) {
        return new PersonaForm(
                persona.name(),
                persona.description(),
                persona.tone().value(),
                persona.guidelines(),
                String.join(", ", persona.wordsToUse()),
                String.join(", ", persona.wordsToAvoid()),
                persona.isDefault());
    }

    PersonaDraft draft() {
        return new PersonaDraft(name, description, tone, guidelines, words(wordsToUse), words(wordsToAvoid));
    }

    private static List<String> words(@Nullable String typed) {
        return typed == null
                ? List.of()
                : Arrays.stream(typed.split(",")).map(String::strip).toList();
    }
}
