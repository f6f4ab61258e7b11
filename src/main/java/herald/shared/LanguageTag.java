package herald.shared;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A language a post is written in, as people type it and as platforms take it: a well-formed BCP 47 tag whose language
 * ISO 639 knows ({@code en}, {@code de}, {@code pt-BR}).
 */
public final class LanguageTag {

    private static final Set<String> ISO_LANGUAGES = Set.of(Locale.getISOLanguages());

    private LanguageTag() {}

    /**
     * The tag as kept: its well-formed form ({@code pt-br} becomes {@code pt-BR}), null when blank.
     *
     * @throws InvalidInput naming {@code field} for a tag that is not well formed or names no language
     */
    public static @Nullable String of(@Nullable String tag, String field) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String refused = "'" + tag.strip() + "' is not a language tag such as en, de or pt-BR.";
        Locale locale;
        try {
            locale = new Locale.Builder().setLanguageTag(tag.strip()).build();
        } catch (IllformedLocaleException e) {
            throw new InvalidInput(field, refused);
        }
        if (!ISO_LANGUAGES.contains(locale.getLanguage())) {
            throw new InvalidInput(field, refused);
        }
        return locale.toLanguageTag();
    }
}
