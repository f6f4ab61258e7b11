package herald.shared;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The one rule for URLs that users give Herald to call (an AI endpoint, a webhook receiver, a Sandbox post's media):
 * their hosts must resolve to public addresses only ({@link InternalAddresses}), unless the operator allowed the host
 * by name. A URL is checked when it is given, for a readable refusal, and the HTTP client built here checks again at
 * every connection, redirects included, because a name can be pointed at Herald's own network after it was checked
 * (DNS rebinding): the addresses the client connects to are the ones its resolver vetted.
 */
public final class PublicHosts {

    private final Set<String> allowed;

    private PublicHosts(Set<String> allowed) {
        this.allowed = allowed;
    }

    /** Public hosts, and these by name although they resolve to internal addresses (case-insensitive). */
    public static PublicHosts allowing(Iterable<String> hosts) {
        var names = new HashSet<String>();
        hosts.forEach(host -> {
            if (!host.isBlank()) {
                names.add(host.strip().toLowerCase(Locale.ROOT));
            }
        });
        return new PublicHosts(Set.copyOf(names));
    }

    public boolean allowed(String host) {
        return allowed.contains(host.toLowerCase(Locale.ROOT));
    }

    /**
     * The internal address {@code host} resolves to, when a call must not go there; empty for a public or allowed host.
     *
     * @throws UnknownHostException when the host does not resolve
     */
    public Optional<InetAddress> internalAddress(String host) throws UnknownHostException {
        return allowed(host) ? Optional.empty() : InternalAddresses.of(host);
    }

    /**
     * An HTTP client for these hosts: pooled connections whose resolver refuses internal addresses (with {@link
     * Refused}), the given connect and read timeouts, no retries, no cookies, and at most {@code maxRedirects} redirects
     * followed (0: none, a 3xx is the answer). Callers add what is theirs (a user agent) and build it.
     */
    public HttpClientBuilder client(Duration connectTimeout, Duration readTimeout, int maxRedirects) {
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new Resolver(this))
                .setMaxConnTotal(100)
                .setMaxConnPerRoute(10)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .setSocketTimeout(Timeout.of(readTimeout))
                        .setTimeToLive(TimeValue.ofMinutes(5))
                        .build())
                .build();
        var requests = RequestConfig.custom().setResponseTimeout(Timeout.of(readTimeout));
        HttpClientBuilder builder = HttpClients.custom()
                .setConnectionManager(connections)
                .disableAutomaticRetries()
                .disableCookieManagement();
        if (maxRedirects > 0) {
            // A loop is cut by the count, so it reads as too many redirects whatever its length.
            requests.setRedirectsEnabled(true).setMaxRedirects(maxRedirects).setCircularRedirectsAllowed(true);
        } else {
            builder.disableRedirectHandling();
        }
        return builder.setDefaultRequestConfig(requests.build());
    }

    /** A connection refused because the host resolves to an internal address (now, whatever it did when checked). */
    public static final class Refused extends UnknownHostException {

        private final String host;
        private final InetAddress address;

        Refused(String host, InetAddress address) {
            super("The host " + host + " resolves to an internal address (" + address.getHostAddress() + ").");
            this.host = host;
            this.address = address;
        }

        public String host() {
            return host;
        }

        public InetAddress address() {
            return address;
        }
    }

    /** Resolves a host and refuses it when any of its addresses is internal, unless the operator allowed it. */
    record Resolver(PublicHosts hosts) implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            if (!hosts.allowed(host)) {
                for (InetAddress address : addresses) {
                    if (InternalAddresses.internal(address)) {
                        throw new Refused(host, address);
                    }
                }
            }
            return addresses;
        }

        @Override
        public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
            return Arrays.stream(resolve(host))
                    .map(address -> new InetSocketAddress(address, port))
                    .toList();
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            return resolve(host)[0].getCanonicalHostName();
        }
    }
}
