package herald.providers.mastodon;

import com.twitter.twittertext.Extractor;
import herald.providers.ContentRules;
import herald.providers.PublishRequest;
import herald.providers.ServerLimits;
import java.net.URI;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.jspecify.annotations.Nullable;

/**
 * What one status may carry on a Mastodon server as it comes (its defaults; an operator may raise them): 500
 * characters counted as Mastodon's {@code StatusLengthValidator} counts them, up to 4 media of which a video goes
 * alone, images up to 16 MB and videos up to 99 MB. The post's link goes at the end of its text, where it counts 23
 * like any URL.
 */
final class MastodonContent {

    static final int MAX_CHARACTERS = 500;
    static final int MAX_MEDIA = 4;
    /** Every {@code http(s)://} URL counts this many characters, however long it is. */
    static final int URL_CHARACTERS = 23;
    /** Mastodon's {@code IMAGE_LIMIT} and {@code VIDEO_LIMIT} (Rails megabytes: binary). */
    static final long MAX_IMAGE_BYTES = 16L * 1024 * 1024;

    static final long MAX_VIDEO_BYTES = 99L * 1024 * 1024;
    /** {@code MediaAttachment::MAX_DESCRIPTION_LENGTH}. */
    static final int MAX_DESCRIPTION = 1_500;

    static final Set<String> IMAGE_TYPES = Set.of("image/jpeg", "image/png", "image/gif", "image/webp");
    static final Set<String> VIDEO_TYPES = Set.of("video/mp4", "video/webm", "video/quicktime");

    /**
     * A mention as Mastodon reads one ({@code Account::MENTION_RE}): {@code @user}, or {@code @user@domain} for an
     * account on another server, not inside a word or after {@code =} or {@code /}.
     */
    private static final Pattern MENTION = Pattern.compile(
            "(?<![=/\\w])@([a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)(?:@\\w+(?:[.-]+\\w+)*)?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CHARACTER_CLASS);

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern TRAILING_SPACES = Pattern.compile("[ \\t]+\n");
    private static final Pattern BLANK_LINES = Pattern.compile("\n{3,}");
    /** The blocks a status's HTML may hold (Mastodon's sanitizer keeps these from other servers' posts). */
    private static final Set<String> BLOCKS =
            Set.of("p", "blockquote", "pre", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6");

    private MastodonContent() {}

    /** A server as it comes: Mastodon's defaults. */
    static final ServerLimits.Limits DEFAULTS = new ServerLimits.Limits(MAX_CHARACTERS, MAX_MEDIA, URL_CHARACTERS);

    static ContentRules rules() {
        return rules(DEFAULTS);
    }

    /** What a status may carry on a server that says {@code limits} (its instance document's {@code configuration}). */
    static ContentRules rules(ServerLimits.Limits limits) {
        return new ContentRules(
                limits.maxCharacters(),
                limits.maxMedia(),
                Set.of("image", "video"),
                MAX_VIDEO_BYTES,
                true,
                text -> length(text, limits.urlCharacters()));
    }

    /**
     * The length Mastodon gives {@code text}: every URL with its scheme counts 23, a mention of an account on another
     * server counts only its {@code @user}, and what is left counts in extended grapheme clusters (Mastodon's {@code
     * mb_chars.grapheme_length}), so a family emoji or a flag is 1.
     */
    static int length(String text) {
        return length(text, URL_CHARACTERS);
    }

    /** {@link #length(String)} on a server where a URL counts {@code urlCharacters}. */
    static int length(String text, int urlCharacters) {
        return graphemes(countable(text, urlCharacters));
    }

    /** The text as Mastodon weighs it: URLs as 23 placeholders, remote mentions without their domain. */
    static String countable(String text) {
        return countable(text, URL_CHARACTERS);
    }

    private static String countable(String text, int urlCharacters) {
        var urls = new Extractor();
        urls.setExtractURLWithoutProtocol(false);
        List<Extractor.Entity> found = urls.extractURLsWithIndices(text);
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (Extractor.Entity url : found) {
            out.append(mentionsLocal(text.substring(at, url.getStart())));
            out.append("x".repeat(urlCharacters));
            at = url.getEnd();
        }
        out.append(mentionsLocal(text.substring(at)));
        return out.toString();
    }

    private static String mentionsLocal(String text) {
        return MENTION.matcher(text).replaceAll(match -> Matcher.quoteReplacement("@" + match.group(1)));
    }

    static int graphemes(String text) {
        BreakIterator clusters = BreakIterator.getCharacterInstance(Locale.ROOT);
        clusters.setText(text);
        int count = 0;
        while (clusters.next() != BreakIterator.DONE) {
            count++;
        }
        return count;
    }

    /** The text Mastodon receives: the post's text with its link at the end, unless the text already has it. */
    static String text(String text, @Nullable URI link) {
        if (link == null || text.contains(link.toString())) {
            return text;
        }
        return text.isBlank() ? link.toString() : text.stripTrailing() + "\n\n" + link;
    }

    /** What Mastodon would refuse beyond {@link #rules()}. */
    static List<String> problems(String text, @Nullable URI link, List<PublishRequest.Media> media) {
        return problems(text, link, media, DEFAULTS);
    }

    /** What a server that says {@code limits} would refuse beyond {@link #rules(ServerLimits.Limits)}. */
    static List<String> problems(
            String text, @Nullable URI link, List<PublishRequest.Media> media, ServerLimits.Limits limits) {
        List<String> problems = new ArrayList<>();
        String sent = text(text, link);
        int max = limits.maxCharacters();
        int url = limits.urlCharacters();
        if (link != null && length(text, url) <= max && length(sent, url) > max) {
            problems.add("With its link the text is " + length(sent, url) + " of " + max
                    + " characters as Mastodon counts them (the link counts " + url + "); shorten the text.");
        }
        if (sent.isBlank() && media.isEmpty()) {
            problems.add("Mastodon needs text or a medium in a post.");
        }
        long videos = media.stream().filter(MastodonContent::isVideo).count();
        if (videos > 0 && media.size() > 1) {
            problems.add("Mastodon takes a video alone in a post, without other images or videos; post them"
                    + " separately.");
        }
        for (PublishRequest.Media medium : media) {
            problems.addAll(problems(medium));
        }
        return problems;
    }

    private static List<String> problems(PublishRequest.Media medium) {
        List<String> problems = new ArrayList<>();
        String type =
                medium.contentType().toLowerCase(Locale.ROOT).split(";")[0].strip();
        if (isVideo(medium)) {
            if (!VIDEO_TYPES.contains(type)) {
                problems.add("Mastodon takes videos as MP4, WebM or MOV, not " + type + ".");
            } else if (medium.sizeBytes() > MAX_VIDEO_BYTES) {
                problems.add("A video is " + mb(medium.sizeBytes()) + "; Mastodon takes videos up to 99 MB.");
            }
        } else if (!IMAGE_TYPES.contains(type)) {
            problems.add("Mastodon takes images as JPEG, PNG, GIF or WebP, not " + type + ".");
        } else if (medium.sizeBytes() > MAX_IMAGE_BYTES) {
            problems.add("An image is " + mb(medium.sizeBytes()) + "; Mastodon takes images up to 16 MB.");
        }
        String alt = medium.altText() == null ? "" : medium.altText();
        if (alt.codePointCount(0, alt.length()) > MAX_DESCRIPTION) {
            problems.add("A medium's description (alt text) is longer than the " + MAX_DESCRIPTION
                    + " characters Mastodon takes; shorten it.");
        }
        return problems;
    }

    static boolean isVideo(PublishRequest.Media medium) {
        return "video".equals(medium.kind());
    }

    /**
     * What identifies a status's text whatever Mastodon made of it: a status's {@code content} is HTML, read as text
     * (its paragraphs and line breaks become spaces, a shortened link's hidden parts are kept); a mention shows as
     * {@code @user} without its server; whitespace is folded. Apply {@link #plain} to the text Herald sent.
     */
    static String fingerprintOfHtml(String content) {
        return fold(Jsoup.parse(content).text());
    }

    /**
     * A status's {@code content} (HTML) as plain text for a person to read: paragraphs apart by a blank line, a line
     * break a new line, a list's items each on its own line, tags dropped (a shortened link shows its whole address,
     * hidden parts included) and entities decoded. Whitespace in the HTML's text folds as a browser folds it, except
     * inside {@code <pre>}.
     */
    static String textOfHtml(String content) {
        StringBuilder text = new StringBuilder();
        NodeTraversor.traverse(
                new NodeVisitor() {
                    @Override
                    public void head(Node node, int depth) {
                        if (node instanceof TextNode words) {
                            appendWords(text, words);
                        } else if (node instanceof Element element) {
                            String tag = element.normalName();
                            if (tag.equals("br")) {
                                text.append('\n');
                            } else if (tag.equals("li")) {
                                lineBreak(text);
                            } else if (BLOCKS.contains(tag)) {
                                paragraphBreak(text);
                            }
                        }
                    }

                    @Override
                    public void tail(Node node, int depth) {
                        if (node instanceof Element element && BLOCKS.contains(element.normalName())) {
                            paragraphBreak(text);
                        }
                    }
                },
                Jsoup.parseBodyFragment(content).body());
        String lines = TRAILING_SPACES.matcher(text).replaceAll("\n");
        return BLANK_LINES.matcher(lines).replaceAll("\n\n").strip();
    }

    private static void appendWords(StringBuilder text, TextNode words) {
        if (inPre(words)) {
            text.append(words.getWholeText());
            return;
        }
        String folded = SPACES.matcher(words.getWholeText()).replaceAll(" ");
        boolean lineStart = text.isEmpty() || text.charAt(text.length() - 1) == '\n';
        boolean afterSpace = !text.isEmpty() && text.charAt(text.length() - 1) == ' ';
        text.append(lineStart || afterSpace ? folded.stripLeading() : folded);
    }

    private static boolean inPre(Node node) {
        for (Node parent = node.parentNode(); parent != null; parent = parent.parentNode()) {
            if (parent instanceof Element element && element.normalName().equals("pre")) {
                return true;
            }
        }
        return false;
    }

    private static void lineBreak(StringBuilder text) {
        if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
            text.append('\n');
        }
    }

    private static void paragraphBreak(StringBuilder text) {
        if (!text.isEmpty()) {
            text.append("\n\n");
        }
    }

    /** {@link #fingerprintOfHtml} of a text as Herald sends it. */
    static String plain(String text) {
        return fold(text);
    }

    private static String fold(String text) {
        return SPACES.matcher(mentionsLocal(text.replace('\u00a0', ' ')))
                .replaceAll(" ")
                .strip();
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
    }
}
