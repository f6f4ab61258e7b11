package herald.providers;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * What the providers' HTTP clients share: how a request to a platform is sent, and how a failed one tells whether
 * it left Herald.
 */
public final class ProviderHttp {

    /** Connections kept to one platform: more than the dispatcher's threads make calls at once. */
    private static final int MAX_PER_HOST = 64;

    private ProviderHttp() {}

    /**
     * The request factory of a platform's API: Apache HttpClient's classic (blocking) client, which reads and writes
     * on the calling thread. The JDK's {@code HttpClient} hands every exchange between the caller, its selector thread
     * and its executor, several thread wake-ups per call that a profile of {@code scripts/bench throughput} showed as
     * a fifth of the node's CPU. Pooled keep-alive connections (up to {@code maxPerHost} to one platform); no
     * automatic retries, which could send a post twice (a failed call is the dispatcher's to retry, after
     * reconciliation when it may have reached the platform); no redirects; no cookies.
     */
    public static ClientHttpRequestFactory requestFactory(Duration connectTimeout, Duration readTimeout) {
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnPerRoute(MAX_PER_HOST)
                .setMaxConnTotal(MAX_PER_HOST * 4)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .setSocketTimeout(Timeout.of(readTimeout))
                        // A pooled connection idle this long is checked before reuse: the server may have closed it,
                        // and a post sent on a closed connection ends without an answer (ambiguous).
                        .setValidateAfterInactivity(TimeValue.ofSeconds(1))
                        // Checked when a connection is leased, without a thread of its own: well under the usual
                        // keep-alive of a server (Tomcat's is 20 s).
                        .setIdleTimeout(Timeout.ofSeconds(10))
                        .build())
                .build();
        var client = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(Timeout.of(connectTimeout))
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .build();
        return new HttpComponentsClientHttpRequestFactory(client);
    }

    /** A platform's {@link RestClient} over {@link #requestFactory}: every provider's client is one of these. */
    public static RestClient client(Duration connectTimeout, Duration readTimeout) {
        return RestClient.builder()
                .requestFactory(requestFactory(connectTimeout, readTimeout))
                .build();
    }

    /**
     * Whether a request that failed with {@code failure} surely never reached the platform: no connection was made (or
     * none was free in the pool). Anything else after the request was written (a read timeout, a reset) may have.
     */
    public static boolean notSent(ResourceAccessException failure) {
        Throwable cause = failure.getCause();
        return cause instanceof ConnectException
                || cause instanceof ConnectTimeoutException
                || cause instanceof ConnectionRequestTimeoutException
                || cause instanceof UnknownHostException;
    }
}
