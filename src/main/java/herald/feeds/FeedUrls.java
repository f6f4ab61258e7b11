package herald.feeds;

import herald.shared.InvalidInput;
import herald.shared.PublicHosts;
import herald.shared.UrlInput;
import java.net.URI;
import java.net.URISyntaxException;
import org.jspecify.annotations.Nullable;

/**
 * Keeps feeds off Herald's own network (SSRF): {@code http} or {@code https} URLs without credentials whose host
 * resolves to public addresses only ({@link PublicHosts}), unless the operator allowed the host by name ({@code
 * herald.feeds.allowed-hosts}). Plain {@code http} is allowed: a feed is public content, Herald sends nothing secret
 * to fetch it, and many blogs still serve feeds over http. Checked when a feed is added, for a readable refusal, and
 * again at every connection and redirect by {@link FeedFetcher}'s client.
 *
 * <p>A URL with a user name or password ({@code https://user:secret@host/feed}) is refused rather than stored: Herald
 * would keep a credential in plain text and show it to every member, and the refusal does not repeat it.
 */
final class FeedUrls {

    static final int MAX_LENGTH = UrlInput.MAX_LENGTH;

    private final PublicHosts hosts;

    FeedUrls(PublicHosts hosts) {
        this.hosts = hosts;
    }

    /** The URL, or {@link InvalidInput} on {@code url} saying what is wrong with it. */
    URI check(@Nullable String url) {
        URI uri =
                UrlInput.read(url, "the feed's URL", "https://example.com/feed.xml", "Herald reads public feeds only.");
        UrlInput.requirePublic(hosts, uri, "Herald only reads feeds from public addresses.");
        // Without the fragment, which never reaches the server.
        String text = uri.toString();
        int hash = text.indexOf('#');
        return hash < 0 ? uri : URI.create(text.substring(0, hash));
    }

    /** The URL as logs may show it: without user information or query (which may carry a token). */
    static String redacted(String url) {
        try {
            URI uri = new URI(url);
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), null, null).toString();
        } catch (URISyntaxException | RuntimeException e) {
            return "(a malformed URL)";
        }
    }
}
