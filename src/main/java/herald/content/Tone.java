package herald.content;

import herald.shared.InvalidInput;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How a persona sounds; captions take their persona's tone unless a request names another. */
public enum Tone {
    PROFESSIONAL,
    CASUAL,
    HUMOROUS,
    PROMOTIONAL,
    EDUCATIONAL;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Tone::value).toList();
    }

    /** @throws InvalidInput naming {@code field} for anything but one of the five tones */
    public static Tone of(String field, String value) {
        for (Tone tone : values()) {
            if (tone.value().equals(value)) {
                return tone;
            }
        }
        throw new InvalidInput(field, "Unknown tone '" + value + "': use " + String.join(", ", names()) + ".");
    }
}
