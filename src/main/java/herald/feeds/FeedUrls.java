package herald.feeds;

import herald.shared.InvalidInput;
import herald.shared.PublicHosts;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
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

    static final int MAX_LENGTH = 2000;

    private final PublicHosts hosts;

    FeedUrls(PublicHosts hosts) {
        this.hosts = hosts;
    }

    /** The URL, or {@link InvalidInput} on {@code url} saying what is wrong with it. */
    URI check(@Nullable String url) {
        if (url == null || url.isBlank()) {
            throw refuse("Give the feed's URL, e.g. https://example.com/feed.xml.");
        }
        String text = url.strip();
        if (text.length() > MAX_LENGTH) {
            throw refuse("The URL has " + text.length() + " characters; at most " + MAX_LENGTH + ".");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw refuse("This is not a URL; give one like https://example.com/feed.xml.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http"))) {
            throw refuse("The URL must start with https:// or http://, e.g. https://example.com/feed.xml.");
        }
        if (uri.getRawUserInfo() != null) {
            throw refuse("The URL must not carry a user name or password: Herald reads public feeds only.");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw refuse("The URL must name a host, e.g. https://example.com/feed.xml.");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        Optional<InetAddress> internal;
        try {
            internal = hosts.internalAddress(host);
        } catch (UnknownHostException e) {
            throw refuse("The host " + host + " does not resolve; check the spelling.");
        }
        if (internal.isPresent()) {
            throw refuse("The host " + host + " is an internal address ("
                    + internal.get().getHostAddress()
                    + "); Herald only reads feeds from public addresses.");
        }
        // Without the fragment, which never reaches the server.
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

    private static InvalidInput refuse(String message) {
        return new InvalidInput("url", message);
    }
}
