package herald.content;

/**
 * Emoji in caption text, counted the way a reader sees them: a sequence joined by zero-width joiners, with its
 * variation selector or skin tone, is one emoji.
 */
final class Emoji {

    private static final int ZWJ = 0x200D;
    private static final int VARIATION = 0xFE0F;

    private Emoji() {}

    static boolean isEmoji(int cp) {
        return (cp >= 0x1F000 && cp <= 0x1FAFF && !(cp >= 0x1F3FB && cp <= 0x1F3FF))
                || (cp >= 0x2600 && cp <= 0x27BF)
                || cp == 0x2B50
                || cp == 0x2B55
                || cp == 0x2764
                || cp == 0x2728;
    }

    private static boolean isModifier(int cp) {
        return cp == ZWJ || cp == VARIATION || (cp >= 0x1F3FB && cp <= 0x1F3FF);
    }

    static int count(String text) {
        return (int) starts(text).length;
    }

    /** {@code text} without its last emoji (and a space left doubled by it). */
    static String removeLast(String text) {
        int[] starts = starts(text);
        if (starts.length == 0) {
            return text;
        }
        int start = starts[starts.length - 1];
        int end = end(text, start);
        return tidy(text.substring(0, start) + text.substring(end));
    }

    /** {@code text} with at most {@code max} emoji, the last ones removed first. */
    static String keep(String text, int max) {
        String kept = text;
        while (count(kept) > max) {
            kept = removeLast(kept);
        }
        return kept;
    }

    private static int[] starts(String text) {
        var found = new java.util.ArrayList<Integer>();
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (isEmoji(cp)) {
                found.add(i);
                i = end(text, i);
            } else {
                i += Character.charCount(cp);
            }
        }
        return found.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Where the emoji starting at {@code start} ends, its joined parts and modifiers included. */
    private static int end(String text, int start) {
        int i = start + Character.charCount(text.codePointAt(start));
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            if (cp == ZWJ && i + 1 < text.length()) {
                i += 1;
                i += Character.charCount(text.codePointAt(i));
            } else if (isModifier(cp)) {
                i += Character.charCount(cp);
            } else {
                break;
            }
        }
        return i;
    }

    static String tidy(String text) {
        return text.replaceAll("[ \\t]{2,}", " ")
                .replaceAll(" +([,.!?;:])", "$1")
                .replaceAll("(?m)[ \\t]+$", "")
                .replaceAll("(?m)^[ \\t]+", "")
                .replaceAll("\\n{3,}", "\n\n")
                .strip();
    }
}
