package herald.webhooks;

import herald.shared.InvalidInput;
import herald.shared.PublicHosts;
import herald.shared.UrlInput;
import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * Keeps endpoints off Herald's own network (SSRF): {@code https} URLs without credentials or fragment whose host
 * resolves to public addresses only ({@link PublicHosts}), unless the operator allowed the host by name ({@code
 * herald.webhooks.allowed-hosts}), which may then also be plain {@code http}. Checked when an endpoint is saved, and
 * again at every connection by {@link WebhookHttp}'s client, because a name can be pointed elsewhere after it was
 * saved.
 */
final class WebhookUrls {

    static final int MAX_LENGTH = UrlInput.MAX_LENGTH;

    private final PublicHosts hosts;

    WebhookUrls(PublicHosts hosts) {
        this.hosts = hosts;
    }

    /** The URL, or {@link InvalidInput} on {@code url} saying what is wrong with it. */
    URI check(@Nullable String url) {
        URI uri = UrlInput.read(
                url,
                "the URL Herald should send events to",
                "https://example.com/hooks/herald",
                "every delivery is signed instead.");
        if (uri.getRawFragment() != null) {
            throw UrlInput.refuse("The URL must not have a fragment (#…): it never reaches the receiver.");
        }
        if (hosts.allowed(uri.getHost())) {
            return uri;
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            throw UrlInput.refuse("The URL must use https://: deliveries carry your workspace's events.");
        }
        UrlInput.requirePublic(
                hosts,
                uri,
                "Herald only sends events to public addresses. An operator can allow a host in"
                        + " herald.webhooks.allowed-hosts.");
        return uri;
    }
}
