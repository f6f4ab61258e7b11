package herald.content;

import herald.shared.InvalidInput;
import herald.shared.PublicHosts;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps a workspace's endpoint off Herald's own network: only {@code http(s)} URLs without credentials, whose host
 * resolves to public addresses only. Loopback, private, link-local (the cloud metadata service at 169.254.169.254),
 * carrier-grade NAT, multicast and unspecified addresses are refused unless the operator allowed the host by name
 * ({@code herald.content.ai.allowed-hosts}, e.g. an in-house Ollama): {@link PublicHosts}. Checked here when the URL
 * is saved, and by the client at every connection, because a name can be pointed elsewhere after it was saved; the
 * client follows no redirects.
 */
final class EndpointGuard {

    private final PublicHosts hosts;

    EndpointGuard(PublicHosts hosts) {
        this.hosts = hosts;
    }

    /** The URL, normalised (no trailing slash), or {@link InvalidInput} on {@code baseUrl} saying what is wrong. */
    URI check(String baseUrl) {
        URI uri = parse(baseUrl.strip());
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        Optional<InetAddress> internal;
        try {
            internal = hosts.internalAddress(host);
        } catch (UnknownHostException e) {
            throw refuse("The host " + host + " of the base URL does not resolve; check the spelling.");
        }
        if (internal.isPresent()) {
            throw refuse("The base URL's host " + host + " is an internal address ("
                    + internal.get().getHostAddress()
                    + "); Herald only calls public AI endpoints. An operator can allow an in-house host in "
                    + "herald.content.ai.allowed-hosts.");
        }
        return uri;
    }

    private static URI parse(String baseUrl) {
        URI uri;
        try {
            uri = new URI(baseUrl);
        } catch (URISyntaxException e) {
            throw refuse("The base URL is not a URL, e.g. https://api.openai.com/v1.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw refuse("The base URL must start with https:// (or http://), e.g. https://api.openai.com/v1.");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw refuse("The base URL has no host, e.g. https://api.openai.com/v1.");
        }
        if (uri.getRawUserInfo() != null) {
            throw refuse("The base URL must not carry a user name or password; put the key in the key field.");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw refuse("The base URL must not have a query or fragment; it ends in the API's path, e.g. /v1.");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (path.endsWith("/chat/completions")) {
            throw refuse("Give the base URL without /chat/completions, e.g. https://api.openai.com/v1.");
        }
        return URI.create(scheme + "://" + uri.getRawAuthority() + path);
    }

    private static InvalidInput refuse(String message) {
        return new InvalidInput("baseUrl", message);
    }
}
