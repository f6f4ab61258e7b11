package herald.shared;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A URL a person gives Herald to call (a webhook endpoint, a feed), read the same way wherever one is typed: an
 * {@code http} or {@code https} address with a host and no credentials, at most {@value #MAX_LENGTH} characters; and
 * whether its host is one Herald may reach ({@link PublicHosts}). What each caller asks beyond that (https only, no
 * fragment) stays with the caller. Every refusal is an {@link InvalidInput} on {@code url} saying what to change.
 */
public final class UrlInput {

    public static final int MAX_LENGTH = 2000;
    static final String FIELD = "url";

    private UrlInput() {}

    /**
     * The URL, read.
     *
     * @param what how the refusals name it: {@code "the feed's URL"}
     * @param example a URL of the kind wanted, shown in the refusals
     * @param whyNoCredentials why a user name or password is refused, as the end of a sentence
     */
    public static URI read(@Nullable String url, String what, String example, String whyNoCredentials) {
        if (url == null || url.isBlank()) {
            throw refuse("Give " + what + ", e.g. " + example + ".");
        }
        String text = url.strip();
        if (text.length() > MAX_LENGTH) {
            throw refuse("The URL has " + text.length() + " characters; at most " + MAX_LENGTH + ".");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw refuse("This is not a URL; give one like " + example + ".");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getHost().isBlank() || !(scheme.equals("https") || scheme.equals("http"))) {
            throw refuse("The URL must start with https:// (or http://) and name a host, e.g. " + example + ".");
        }
        if (uri.getRawUserInfo() != null) {
            throw refuse("The URL must not carry a user name or password: " + whyNoCredentials);
        }
        return uri;
    }

    /**
     * Refuses a host that does not resolve, or resolves to an internal address {@code hosts} does not allow.
     *
     * @param onlyPublic what Herald does with public addresses only, and what an operator can do about it
     */
    public static void requirePublic(PublicHosts hosts, URI uri, String onlyPublic) {
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        Optional<InetAddress> internal;
        try {
            internal = hosts.internalAddress(host);
        } catch (UnknownHostException e) {
            throw refuse("The host " + host + " does not resolve; check the spelling.");
        }
        if (internal.isPresent()) {
            throw refuse("The host " + host + " is an internal address ("
                    + internal.get().getHostAddress() + "); " + onlyPublic);
        }
    }

    public static InvalidInput refuse(String message) {
        return new InvalidInput(FIELD, message);
    }
}
