package herald.providers.bluesky;

import com.twitter.twittertext.TldLists;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The links, mentions and hashtags of a post's text, found as Bluesky's own client finds them (the {@code
 * detectFacets} of {@code @atproto/api}, packages/api/src/rich-text/{detection,util}.ts): Bluesky shows nothing as a
 * link, mention or tag unless the post says where it is, in UTF-8 bytes ({@code app.bsky.richtext.facet}). The
 * expressions are JavaScript's, with its wider {@code \s} spelled out; a bare domain ({@code example.com}) is a link
 * when it ends in a known top-level domain (twitter-text's list stands in for the {@code tlds} package).
 */
final class Facets {

    /** What a facet points at: a link's URI, a mention's handle (resolved to a DID later), a tag without '#'. */
    enum Type {
        LINK,
        MENTION,
        TAG
    }

    /** One facet: {@code [byteStart, byteEnd)} of the text's UTF-8 bytes. */
    record Facet(int byteStart, int byteEnd, Type type, String value) {}

    /** JavaScript's {@code \s}, which is wider than Java's. */
    private static final String SPACE = "\\s\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF";

    private static final String INVISIBLE = "\\u00AD\\u2060\\u200A\\u200B\\u200C\\u200D\\u20E2";

    private static final Pattern MENTION = Pattern.compile("(^|[" + SPACE + "]|\\()(@)([a-zA-Z0-9.-]+)(\\b)");

    private static final Pattern URL = Pattern.compile(
            "(^|[" + SPACE + "]|\\()((https?://[^" + SPACE + "]+)|((?<domain>[a-z][a-z0-9]*(\\.[a-z0-9]+)+)[^" + SPACE
                    + "]*))",
            Pattern.CASE_INSENSITIVE | Pattern.MULTILINE);

    private static final Pattern TAG = Pattern.compile("(^|[" + SPACE + "])[#＃]((?!\\uFE0F)[^" + SPACE + INVISIBLE
            + "]*[^\\d" + SPACE + "\\p{P}" + INVISIBLE + "]+[^" + SPACE + INVISIBLE + "]*)?");

    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("\\p{P}+\\z");

    private static final Set<String> TLDS = Set.copyOf(
            Stream.concat(TldLists.GTLDS.stream(), TldLists.CTLDS.stream()).toList());

    private Facets() {}

    /** The text's facets, in order; a mention's value is the handle as written, without '@'. */
    static List<Facet> detect(String text) {
        List<Facet> facets = new ArrayList<>();
        mentions(text, facets);
        links(text, facets);
        tags(text, facets);
        facets.sort(Comparator.comparingInt(Facet::byteStart));
        return facets;
    }

    private static void mentions(String text, List<Facet> facets) {
        Matcher match = MENTION.matcher(text);
        while (match.find()) {
            String handle = match.group(3);
            if (!domain(handle) && !handle.endsWith(".test")) {
                continue; // probably not a handle
            }
            int start = match.start(3) - 1;
            facets.add(new Facet(bytes(text, start), bytes(text, match.end(3)), Type.MENTION, handle));
        }
    }

    private static void links(String text, List<Facet> facets) {
        Matcher match = URL.matcher(text);
        while (match.find()) {
            String uri = match.group(2);
            if (!uri.startsWith("http")) {
                String domain = match.group("domain");
                if (domain == null || !domain(domain)) {
                    continue;
                }
                uri = "https://" + uri;
            }
            int start = match.start(2);
            int end = match.end(2);
            if (uri.matches("(?s).*[.,;:!?]")) {
                uri = uri.substring(0, uri.length() - 1);
                end--;
            }
            if (uri.endsWith(")") && !uri.contains("(")) {
                uri = uri.substring(0, uri.length() - 1);
                end--;
            }
            facets.add(new Facet(bytes(text, start), bytes(text, end), Type.LINK, uri));
        }
    }

    private static void tags(String text, List<Facet> facets) {
        Matcher match = TAG.matcher(text);
        while (match.find()) {
            String tag = match.group(2);
            if (tag == null) {
                continue;
            }
            tag = TRAILING_PUNCTUATION.matcher(tag.strip()).replaceAll("");
            if (tag.isEmpty() || tag.length() > 64) {
                continue;
            }
            int start = match.end(1);
            facets.add(new Facet(bytes(text, start), bytes(text, start + 1 + tag.length()), Type.TAG, tag));
        }
    }

    /** Whether {@code name} ends in a known top-level domain, as the {@code isValidDomain} of Bluesky's client. */
    private static boolean domain(String name) {
        int dot = name.lastIndexOf('.');
        return dot >= 0 && TLDS.contains(name.substring(dot + 1));
    }

    /** The UTF-8 offset of the UTF-16 index {@code index} of {@code text}. */
    static int bytes(String text, int index) {
        return text.substring(0, index).getBytes(StandardCharsets.UTF_8).length;
    }
}
