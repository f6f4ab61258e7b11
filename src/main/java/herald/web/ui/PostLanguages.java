package herald.web.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** The languages the settings page offers for a workspace's posts: every ISO 639 language, by its English name. */
final class PostLanguages {

    /** One choice: the tag kept and sent to platforms, and its name for people. */
    record Choice(String tag, String name) {}

    private static final List<Choice> ALL = java.util.Arrays.stream(Locale.getISOLanguages())
            .map(code -> new Choice(code, name(code)))
            .filter(choice -> !choice.name().equals(choice.tag()))
            .sorted(Comparator.comparing(Choice::name))
            .toList();

    private PostLanguages() {}

    /** Every language, with {@code current} among them although it names a region ({@code pt-BR}), first if so. */
    static List<Choice> including(String current) {
        if (current.isEmpty() || ALL.stream().anyMatch(choice -> choice.tag().equals(current))) {
            return ALL;
        }
        var choices = new ArrayList<Choice>();
        choices.add(new Choice(current, name(current)));
        choices.addAll(ALL);
        return choices;
    }

    /** A tag's name in English, e.g. {@code Portuguese (Brazil)}; the tag itself when Java has no name for it. */
    static String name(@Nullable String tag) {
        if (tag == null) {
            return "";
        }
        String name = Locale.forLanguageTag(tag).getDisplayName(Locale.ENGLISH);
        return name.isEmpty() ? tag : name;
    }
}
