package herald.content;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Hashtags in caption text, and hashtags made from names ("Truffle pasta" → {@code #TrufflePasta}). */
final class Hashtags {

    static final Pattern HASHTAG = Pattern.compile("(?<![\\p{L}\\p{N}_#&])#([\\p{L}\\p{N}_]+)");
    /** The hashtags (and whitespace) that end a text. */
    private static final Pattern TRAILING_BLOCK = Pattern.compile("(?:\\s*#[\\p{L}\\p{N}_]+)+\\s*$");

    private static final int MAX_TAG = 30;

    private Hashtags() {}

    static List<String> in(String text) {
        List<String> tags = new ArrayList<>();
        Matcher m = HASHTAG.matcher(text);
        while (m.find()) {
            tags.add(m.group(1));
        }
        return tags;
    }

    static int count(String text) {
        return in(text).size();
    }

    /** The text without the block of hashtags at its end. */
    static String body(String text) {
        Matcher m = TRAILING_BLOCK.matcher(text);
        return m.find() ? text.substring(0, m.start()).strip() : text.strip();
    }

    /** The hashtags in the block at the end of the text. */
    static List<String> block(String text) {
        Matcher m = TRAILING_BLOCK.matcher(text);
        return m.find() ? in(m.group()) : List.of();
    }

    static String join(String body, List<String> block) {
        if (block.isEmpty()) {
            return body.strip();
        }
        return body.strip() + "\n\n"
                + String.join(" ", block.stream().map(tag -> "#" + tag).toList());
    }

    /**
     * A hashtag made of the words of {@code name}, each capitalised, accents and punctuation dropped; empty when
     * nothing usable is left or it would be unreadably long.
     */
    static String of(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("[\\p{M}'’]+", "");
        StringBuilder tag = new StringBuilder();
        for (String word : plain.split("[^\\p{L}\\p{N}]+")) {
            if (word.isEmpty()) {
                continue;
            }
            tag.append(word.substring(0, 1).toUpperCase(Locale.ROOT)).append(word.substring(1));
        }
        if (tag.isEmpty() || tag.length() > MAX_TAG || tag.chars().allMatch(Character::isDigit)) {
            return "";
        }
        return tag.toString();
    }

    /** Removes the {@code #} of the last inline hashtag: the word stays in its sentence. */
    static String unTagLast(String text) {
        Matcher m = HASHTAG.matcher(text);
        int last = -1;
        while (m.find()) {
            last = m.start();
        }
        return last < 0 ? text : text.substring(0, last) + text.substring(last + 1);
    }
}
