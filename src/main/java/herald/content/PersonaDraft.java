package herald.content;

import herald.shared.InvalidInput;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * What a person writes to create or replace a persona; {@link #valid()} checks it and answers it tidied (trimmed, empty
 * words dropped, duplicates removed).
 */
public record PersonaDraft(
        @Nullable String name,
        @Nullable String description,
        @Nullable String tone,
        @Nullable String guidelines,
        @Nullable List<String> wordsToUse,
        @Nullable List<String> wordsToAvoid) {

    static final int MAX_NAME = 100;
    static final int MAX_DESCRIPTION = 1000;
    static final int MAX_GUIDELINES = 2000;
    static final int MAX_WORDS = 30;
    static final int MAX_WORD = 40;

    /** The checked values. */
    public record Valid(
            String name,
            String description,
            Tone tone,
            String guidelines,
            List<String> wordsToUse,
            List<String> wordsToAvoid) {}

    /** @throws InvalidInput naming the first field that is wrong */
    public Valid valid() {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty() || n.length() > MAX_NAME) {
            throw new InvalidInput("name", "A persona needs a name of 1 to " + MAX_NAME + " characters.");
        }
        String d = text("description", description, MAX_DESCRIPTION);
        String g = text("guidelines", guidelines, MAX_GUIDELINES);
        if (tone == null || tone.isBlank()) {
            throw new InvalidInput("tone", "A persona needs a tone: " + String.join(", ", Tone.names()) + ".");
        }
        List<String> use = words("wordsToUse", wordsToUse);
        List<String> avoid = words("wordsToAvoid", wordsToAvoid);
        for (String word : use) {
            if (avoid.stream().anyMatch(word::equalsIgnoreCase)) {
                throw new InvalidInput("wordsToAvoid", "'" + word + "' is both a word to use and one to avoid.");
            }
        }
        return new Valid(n, d, Tone.of("tone", tone.strip()), g, use, avoid);
    }

    private static String text(String field, @Nullable String value, int max) {
        String v = value == null ? "" : value.strip();
        if (v.length() > max) {
            throw new InvalidInput(field, "At most " + max + " characters (" + v.length() + " given).");
        }
        return v;
    }

    private static List<String> words(String field, @Nullable List<String> words) {
        if (words == null) {
            return List.of();
        }
        var seen = new LinkedHashSet<String>();
        var kept = new ArrayList<String>();
        for (String word : words) {
            String w = word == null ? "" : word.strip();
            if (w.isEmpty()) {
                continue;
            }
            if (w.length() > MAX_WORD || w.contains(",")) {
                throw new InvalidInput(
                        field,
                        "'" + w + "' is not a word or short phrase (at most " + MAX_WORD + " characters, no commas).");
            }
            if (seen.add(w.toLowerCase(Locale.ROOT))) {
                kept.add(w);
            }
        }
        if (kept.size() > MAX_WORDS) {
            throw new InvalidInput(field, "At most " + MAX_WORDS + " words (" + kept.size() + " given).");
        }
        return List.copyOf(kept);
    }
}
