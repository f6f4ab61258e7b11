package herald.shared;

import org.jspecify.annotations.Nullable;

/** Text bound for a CSV file that people open in a spreadsheet. */
public final class SpreadsheetCell {

    private SpreadsheetCell() {}

    /**
     * A text as a cell no spreadsheet runs: one starting with {@code = + - @}, a tab or a carriage return gets a
     * leading apostrophe (OWASP's advice against CSV injection); null is empty.
     */
    public static String text(@Nullable String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text
                : text;
    }
}
