package herald.feeds;

import herald.shared.InvalidInput;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A feed's post template: its text with {@code {title}}, {@code {link}} and {@code {summary}} filled from an item, in
 * one pass (an item's title that reads {@code {link}} stays as written), then shortened until every account takes it.
 */
final class FeedTemplate {

    static final int MAX_LENGTH = 1000;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(title|link|summary)}");

    private FeedTemplate() {}

    /** The template as stored: {@link Feed#DEFAULT_TEMPLATE} when blank; {@link InvalidInput} when too long. */
    static String check(@Nullable String template) {
        String clean = template == null ? "" : template.strip();
        if (clean.isEmpty()) {
            return Feed.DEFAULT_TEMPLATE;
        }
        if (clean.length() > MAX_LENGTH) {
            throw new InvalidInput(
                    "template",
                    "The template has " + clean.length() + " characters; at most " + MAX_LENGTH
                            + ". Use {title}, {link} and {summary} for the item's parts.");
        }
        return clean;
    }

    /**
     * The text for one item: filled as it is when {@code fits} accepts it; otherwise with the summary shortened (to
     * the longest that fits, ending with an ellipsis), then the title too. When nothing fits (a long link or template
     * alone), the shortest form, which the post's validation then refuses with its reason.
     */
    static String fill(String template, String title, @Nullable String link, String summary, Predicate<String> fits) {
        String full = render(template, title, link, summary);
        if (fits.test(full)) {
            return full;
        }
        int summaryFits = longest(summary, n -> fits.test(render(template, title, link, shorten(summary, n))));
        if (summaryFits >= 0) {
            return render(template, title, link, shorten(summary, summaryFits));
        }
        int titleFits = longest(title, n -> fits.test(render(template, shorten(title, n), link, "")));
        return render(template, shorten(title, Math.max(titleFits, 0)), link, "");
    }

    /** The largest number of code points of {@code text} that {@code fits} takes, -1 when not even none. */
    private static int longest(String text, java.util.function.IntPredicate fits) {
        int low = 0;
        int high = text.codePointCount(0, text.length());
        if (!fits.test(low)) {
            return -1;
        }
        while (low < high) {
            int mid = (low + high + 1) >>> 1;
            if (fits.test(mid)) {
                low = mid;
            } else {
                high = mid - 1;
            }
        }
        return low;
    }

    /** The first {@code n} code points, cut back to a word when one ends near, with an ellipsis; "" for none. */
    static String shorten(String text, int n) {
        int length = text.codePointCount(0, text.length());
        if (n >= length) {
            return text;
        }
        if (n <= 1) {
            return "";
        }
        String head = text.substring(0, text.offsetByCodePoints(0, n - 1)).stripTrailing();
        int space = head.lastIndexOf(' ');
        if (space > head.length() * 2 / 3) {
            head = head.substring(0, space).stripTrailing();
        }
        return head + "…";
    }

    static String render(String template, String title, @Nullable String link, String summary) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value =
                    switch (m.group(1)) {
                        case "title" -> title;
                        case "link" -> link == null ? "" : link;
                        default -> summary;
                    };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        // Placeholders left empty leave doubled spaces and blank lines behind.
        return out.toString()
                .replaceAll("[ \\t]+", " ")
                .replaceAll(" ?\\n ?", "\n")
                .replaceAll("\\n{3,}", "\n\n")
                .strip();
    }
}
