package herald.feeds;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

/**
 * A parsed RSS 0.9x, 1.0, 2.0 or Atom document: its title and items, oldest first.
 *
 * <p>Parsed by Rome with DOCTYPE declarations refused ({@link SyndFeedInput#setAllowDoctypes}, which Rome 2 also
 * defaults to false; set here so that a later default cannot change it): a document that declares one, and so any
 * external or recursive entity (XXE, "billion laughs"), is not a feed to Herald. Real feeds carry no DOCTYPE (an old
 * RSS 0.91 one named a DTD nobody needs).
 */
record FeedDocument(String title, List<Item> items) {

    static final int MAX_TITLE = 300;

    /**
     * One item.
     *
     * @param key what identifies it across checks: the SHA-256 of its guid (Atom id), else of its link, else of its
     *     title and date
     * @param summary its description as plain text
     */
    record Item(String key, String title, @Nullable String link, String summary, @Nullable Instant published) {}

    /** The document could not be read as a feed; the message says why in a sentence for a person. */
    static final class NotAFeed extends Exception {
        NotAFeed(String message) {
            super(message);
        }
    }

    static FeedDocument parse(byte[] bytes, @Nullable String contentType) throws NotAFeed {
        SyndFeed feed;
        try {
            SyndFeedInput input = new SyndFeedInput(false, Locale.ROOT);
            input.setAllowDoctypes(false);
            feed = input.build(new XmlReader(new ByteArrayInputStream(bytes), contentType, true));
        } catch (FeedException | IOException | IllegalArgumentException | IllegalStateException e) {
            String message = String.valueOf(e.getMessage()) + " " + String.valueOf(e.getCause());
            if (message.contains("DOCTYPE")) {
                throw new NotAFeed("The document declares a DOCTYPE, which Herald refuses in feeds (it could pull in"
                        + " external entities); real RSS and Atom feeds need none.");
            }
            throw new NotAFeed("This is not an RSS or Atom feed; give the URL of the feed itself (often /feed,"
                    + " /rss.xml or /atom.xml), not of a web page.");
        }
        List<Item> items = new ArrayList<>();
        List<SyndEntry> entries = feed.getEntries();
        // Feeds list the newest first; without dates, the reverse of the document's order is the oldest first.
        for (int i = entries.size() - 1; i >= 0; i--) {
            Item item = item(entries.get(i));
            if (item != null) {
                items.add(item);
            }
        }
        if (items.stream().allMatch(item -> item.published() != null)) {
            items.sort(Comparator.comparing(Item::published));
        }
        return new FeedDocument(cut(plain(feed.getTitle()), MAX_TITLE), List.copyOf(items));
    }

    private static @Nullable Item item(SyndEntry entry) {
        String title = cut(plain(entry.getTitle()), MAX_TITLE);
        String link = webLink(entry.getLink());
        Instant published =
                instant(entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate());
        String id = blankToNull(entry.getUri());
        if (id == null) {
            id = link;
        }
        if (id == null && title.isEmpty()) {
            return null; // nothing to tell it by, nothing to post
        }
        if (id == null) {
            id = title + "|" + published;
        }
        return new Item(sha256(id), title, link, summary(entry), published);
    }

    private static String summary(SyndEntry entry) {
        SyndContent description = entry.getDescription();
        if (description != null
                && description.getValue() != null
                && !description.getValue().isBlank()) {
            return plain(description.getValue());
        }
        if (entry.getContents() != null && !entry.getContents().isEmpty()) {
            return plain(entry.getContents().getFirst().getValue());
        }
        return "";
    }

    /** Text without markup: tags removed, entities decoded, whitespace made single spaces. */
    static String plain(@Nullable String html) {
        if (html == null) {
            return "";
        }
        String text =
                html.replaceAll("(?is)<(script|style)[^>]*>.*?</\\1>", " ").replaceAll("<[^>]*>", " ");
        return HtmlUtils.htmlUnescape(text).replaceAll("\\s+", " ").strip();
    }

    private static @Nullable String webLink(@Nullable String link) {
        String clean = blankToNull(link);
        if (clean == null || clean.length() > 2000) {
            return null;
        }
        String lower = clean.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? clean : null;
    }

    private static @Nullable Instant instant(@Nullable Date date) {
        return date == null ? null : date.toInstant();
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String cut(String text, int max) {
        return text.codePointCount(0, text.length()) <= max
                ? text
                : text.substring(0, text.offsetByCodePoints(0, max - 1)) + "…";
    }

    /** The SHA-256 of {@code text} in lowercase hex. */
    static String sha256(String text) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
