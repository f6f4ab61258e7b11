package herald.providers.bluesky;

import herald.providers.ContentRules;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What one post may carry on Bluesky ({@code app.bsky.feed.post}, {@code app.bsky.embed.images}): text of at most 300
 * graphemes and 3,000 UTF-8 bytes, up to 4 images of at most 2,000,000 bytes each, no video through Herald. The post's
 * link goes at the end of its text, where it counts like any other characters.
 */
final class BlueskyContent {

    static final int MAX_GRAPHEMES = 300;
    static final int MAX_BYTES = 3_000;
    static final int MAX_IMAGES = 4;
    static final long MAX_IMAGE_BYTES = 2_000_000;

    private BlueskyContent() {}

    static ContentRules rules() {
        return new ContentRules(
                MAX_GRAPHEMES, MAX_IMAGES, Set.of("image"), MAX_IMAGE_BYTES, true, BlueskyContent::graphemes);
    }

    /**
     * The length Bluesky gives {@code text}: its extended grapheme clusters, what a person sees as one character (a
     * family emoji, a flag, a letter with its accents), which {@link BreakIterator} tells apart since JDK 20.
     */
    static int graphemes(String text) {
        BreakIterator clusters = BreakIterator.getCharacterInstance(Locale.ROOT);
        clusters.setText(text);
        int count = 0;
        while (clusters.next() != BreakIterator.DONE) {
            count++;
        }
        return count;
    }

    static int utf8Bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The text Bluesky receives: the post's text with its link at the end, unless the text already has it. */
    static String text(String text, @Nullable URI link) {
        if (link == null || text.contains(link.toString())) {
            return text;
        }
        return text.isBlank() ? link.toString() : text.stripTrailing() + "\n\n" + link;
    }

    /**
     * What Bluesky would refuse beyond {@link #rules()}: the text with its link over 300 graphemes (the text alone is
     * weighed by the rules), and over 3,000 bytes, which 300 graphemes of emoji or combined scripts can be.
     */
    static List<String> problems(String text, @Nullable URI link) {
        List<String> problems = new ArrayList<>();
        String sent = text(text, link);
        int length = graphemes(sent);
        if (link != null && graphemes(text) <= MAX_GRAPHEMES && length > MAX_GRAPHEMES) {
            problems.add("With its link the text is " + length + " of " + MAX_GRAPHEMES
                    + " characters as Bluesky counts them; shorten the text.");
        }
        problems.addAll(bytes(sent, "The text"));
        return problems;
    }

    /** A comment is a reply post: held to the same byte limit as a post's text. */
    static List<String> commentProblems(String text) {
        return bytes(text, "The comment");
    }

    private static List<String> bytes(String text, String what) {
        int bytes = utf8Bytes(text);
        return bytes > MAX_BYTES
                ? List.of(what + " takes " + bytes + " bytes as UTF-8; Bluesky takes at most " + MAX_BYTES
                        + " (emoji and some scripts take up to 4 bytes a character, more when combined); shorten it.")
                : List.of();
    }
}
