package herald.providers.x;

import com.twitter.twittertext.Extractor;
import com.twitter.twittertext.TwitterTextParser;
import herald.providers.ContentRules;
import herald.providers.PublishRequest;
import java.net.URI;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What one post may carry on X (platform-contracts.md 1.4, 1.7): 280 characters as X weighs them (CJK and emoji 2, any
 * URL 23, counted by {@code twitter-text}, X's own counting code), up to 4 images or one video or one GIF, the sizes
 * and types X takes. The post's link goes at the end of its text, where it counts 23 like any URL.
 */
final class XContent {

    static final int MAX_LENGTH = 280;
    static final int MAX_IMAGES = 4;
    static final long MAX_IMAGE_BYTES = 5L * 1024 * 1024;
    static final long MAX_GIF_BYTES = 15L * 1024 * 1024;
    static final long MAX_VIDEO_BYTES = 512L * 1024 * 1024;
    static final Set<String> IMAGE_TYPES = Set.of("image/jpeg", "image/png", "image/gif", "image/webp");
    static final Set<String> VIDEO_TYPES = Set.of("video/mp4", "video/quicktime");

    private static final Pattern URL = Pattern.compile("https?://\\S+");
    private static final Pattern LEADING_MENTIONS = Pattern.compile("^(@\\w{1,15}\\s+)+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /**
     * The characters twitter-text's parser (X's own counting code) makes a post invalid for: its {@code
     * Regex.INVALID_CHARACTERS}. Its {@code Validator.hasInvalidCharacters} cannot be used: its {@code .*[...].*} does
     * not match past a line break.
     */
    private static final Pattern INVALID_CHARACTERS = Pattern.compile("[\\uFFFE\\uFEFF\\uFFFF]");

    private XContent() {}

    static ContentRules rules() {
        return new ContentRules(
                MAX_LENGTH, MAX_IMAGES, Set.of("image", "video"), MAX_VIDEO_BYTES, true, XContent::weightedLength);
    }

    /** The length X gives {@code text}: weighted, after NFC, each URL 23. */
    static int weightedLength(String text) {
        return TwitterTextParser.parseTweet(text).weightedLength;
    }

    /** The text X receives: the post's text with its link at the end, unless the text already has it. */
    static String text(String text, @Nullable URI link) {
        if (link == null || text.contains(link.toString())) {
            return text;
        }
        return text.isBlank() ? link.toString() : text.stripTrailing() + "\n\n" + link;
    }

    static boolean isGif(PublishRequest.Media media) {
        return "image/gif".equals(type(media));
    }

    static boolean isVideo(PublishRequest.Media media) {
        return "video".equals(media.kind());
    }

    static List<String> problems(String text, @Nullable URI link, List<PublishRequest.Media> media) {
        List<String> problems = new ArrayList<>();
        String sent = text(text, link);
        if (link != null && weightedLength(text) <= MAX_LENGTH && weightedLength(sent) > MAX_LENGTH) {
            problems.add("With its link the text is " + weightedLength(sent) + " of " + MAX_LENGTH
                    + " characters as X counts them (the link counts 23); shorten the text.");
        }
        if (sent.isBlank() && media.isEmpty()) {
            problems.add("X needs text or a medium in a post.");
        }
        if (cashtags(sent) > 1) {
            problems.add("X allows one cashtag ($TICKER) per post on self-serve access; remove the others.");
        }
        if (INVALID_CHARACTERS.matcher(sent).find()) {
            problems.add(invalidCharacters("the text"));
        }
        long videos = media.stream().filter(XContent::isVideo).count();
        long gifs = media.stream().filter(XContent::isGif).count();
        long images = media.size() - videos - gifs;
        if (videos + gifs > 0 && media.size() > 1) {
            problems.add(
                    videos + gifs > 1
                            ? "X takes one video or GIF per post; split the others into more posts."
                            : "X takes up to 4 images or one video or GIF per post, not both; post them separately.");
        } else if (images > MAX_IMAGES) {
            problems.add("X takes up to 4 images per post, this post has " + images + ".");
        }
        for (PublishRequest.Media medium : media) {
            problems.addAll(problems(medium));
        }
        return problems;
    }

    /**
     * What X refuses in a first comment beyond its weighted length. The comment is a reply, which X takes as a post
     * (platform-contracts.md 1.2): the self-serve cap of one cashtag is documented for every post, so it holds for a
     * reply (confidence: high, official). X documents no cap on hashtags or mentions (1.7), so none is checked, and the
     * reply's own restriction (the replied-to author must have mentioned the account) does not apply to a reply to the
     * account's own post.
     */
    static List<String> commentProblems(String text) {
        List<String> problems = new ArrayList<>();
        if (cashtags(text) > 1) {
            problems.add("X allows one cashtag ($TICKER) per post on self-serve access, and the first comment is a"
                    + " reply, which X counts as a post; remove the others.");
        }
        if (INVALID_CHARACTERS.matcher(text).find()) {
            problems.add(invalidCharacters("the first comment"));
        }
        return problems;
    }

    private static String invalidCharacters(String where) {
        return "X refuses a post with a byte order mark (U+FEFF) or the non-characters U+FFFE and U+FFFF, which copying"
                + " from a file can leave invisible in " + where + "; remove them.";
    }

    private static int cashtags(String text) {
        return new Extractor().extractCashtags(text).size();
    }

    private static List<String> problems(PublishRequest.Media medium) {
        String type = type(medium);
        if (isVideo(medium)) {
            if (!VIDEO_TYPES.contains(type)) {
                return List.of("X takes videos as MP4 or MOV (H.264 and AAC), not " + type + ".");
            }
            return medium.sizeBytes() > MAX_VIDEO_BYTES
                    ? List.of("A video is " + mb(medium.sizeBytes()) + "; X takes videos up to 512 MB.")
                    : List.of();
        }
        if (!IMAGE_TYPES.contains(type)) {
            return List.of("X takes images as JPEG, PNG, GIF or WEBP, not " + type + ".");
        }
        if (isGif(medium) && medium.sizeBytes() > MAX_GIF_BYTES) {
            return List.of("A GIF is " + mb(medium.sizeBytes()) + "; X takes GIFs up to 15 MB.");
        }
        if (!isGif(medium) && medium.sizeBytes() > MAX_IMAGE_BYTES) {
            return List.of("An image is " + mb(medium.sizeBytes()) + "; X takes images up to 5 MB.");
        }
        return List.of();
    }

    /**
     * What identifies a post's text at X whatever X did to it: NFC, HTML entities X escapes back to characters, URLs
     * (X shortens them, and adds one for attached media) and a reply's leading mentions left out, whitespace folded.
     */
    static String fingerprint(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFC)
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
        plain = URL.matcher(plain).replaceAll(" ");
        plain = LEADING_MENTIONS.matcher(plain.strip()).replaceFirst("");
        return SPACES.matcher(plain).replaceAll(" ").strip();
    }

    static String type(PublishRequest.Media medium) {
        return medium.contentType().toLowerCase(Locale.ROOT).split(";")[0].strip();
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1024.0 / 1024.0);
    }
}
