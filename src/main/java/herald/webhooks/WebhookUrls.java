package herald.webhooks;

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
 * Keeps endpoints off Herald's own network (SSRF): {@code https} URLs without credentials or fragment whose host
 * resolves to public addresses only ({@link PublicHosts}), unless the operator allowed the host by name ({@code
 * herald.webhooks.allowed-hosts}), which may then also be plain {@code http}. Checked when an endpoint is saved, and
 * again at every connection by {@link WebhookHttp}'s client, because a name can be pointed elsewhere after it was
 * saved.
 */
final class WebhookUrls {

    static final int MAX_LENGTH = 2000;

    private final PublicHosts hosts;

    WebhookUrls(PublicHosts hosts) {
        this.hosts = hosts;
    }

    /** The URL, or {@link InvalidInput} on {@code url} saying what is wrong with it. */
    URI check(@Nullable String url) {
        if (url == null || url.isBlank()) {
            throw refuse("Give the URL Herald should send events to, e.g. https://example.com/hooks/herald.");
        }
        String text = url.strip();
        if (text.length() > MAX_LENGTH) {
            throw refuse("The URL has " + text.length() + " characters; at most " + MAX_LENGTH + ".");
        }
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw refuse("This is not a URL; give one like https://example.com/hooks/herald.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || uri.getHost().isBlank() || !(scheme.equals("https") || scheme.equals("http"))) {
            throw refuse("The URL must start with https:// and name a host, e.g. https://example.com/hooks/herald.");
        }
        if (uri.getRawUserInfo() != null) {
            throw refuse("The URL must not carry a user name or password: every delivery is signed instead.");
        }
        if (uri.getRawFragment() != null) {
            throw refuse("The URL must not have a fragment (#…): it never reaches the receiver.");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (hosts.allowed(host)) {
            return uri;
        }
        if (!scheme.equals("https")) {
            throw refuse("The URL must use https://: deliveries carry your workspace's events.");
        }
        Optional<InetAddress> internal;
        try {
            internal = hosts.internalAddress(host);
        } catch (UnknownHostException e) {
            throw refuse("The host " + host + " does not resolve; check the spelling.");
        }
        if (internal.isPresent()) {
            throw refuse("The host " + host + " is an internal address ("
                    + internal.get().getHostAddress()
                    + "); Herald only sends events to public addresses. An operator can allow a host in"
                    + " herald.webhooks.allowed-hosts.");
        }
        return uri;
    }

    private static InvalidInput refuse(String message) {
        return new InvalidInput("url", message);
    }
}
