package herald.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The platforms' HTTP client against real sockets: whether a failed request may have reached the platform decides
 * between a plain retry and a reconciliation, so each failure is classified by where it happened, and a post is never
 * sent twice by the client on its own.
 */
class ProviderHttpTests {

    private final RestClient http = RestClient.builder()
            .requestFactory(ProviderHttp.requestFactory(Duration.ofSeconds(2), Duration.ofMillis(300)))
            .build();

    @Test
    void aRefusedConnectionNeverReachedThePlatform() throws IOException {
        int port;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        var failure = postFailure(port);

        assertThat(ProviderHttp.notSent(failure)).isTrue();
    }

    @Test
    void aRequestWithoutAnAnswerMayHaveReachedThePlatformAndIsSentOnce() throws Exception {
        var requests = new AtomicInteger();
        try (var server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                // Reads each request and closes without a word, as a platform that died after storing the post.
                while (!server.isClosed()) {
                    try (Socket s = server.accept()) {
                        readRequestHead(s.getInputStream());
                        requests.incrementAndGet();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            var failure = postFailure(server.getLocalPort());

            assertThat(ProviderHttp.notSent(failure)).isFalse();
            Thread.sleep(200);
            assertThat(requests).hasValue(1);
        }
    }

    @Test
    void aStalledAnswerTimesOutAsPossiblySent() throws IOException {
        try (var server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                try (Socket s = server.accept()) {
                    readRequestHead(s.getInputStream());
                    Thread.sleep(5_000);
                } catch (IOException | InterruptedException stopped) {
                    // the test is over
                }
            });
            long started = System.nanoTime();
            var failure = postFailure(server.getLocalPort());

            assertThat(ProviderHttp.notSent(failure)).isFalse();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        }
    }

    @Test
    void redirectsAreAnsweredNotFollowedAndConnectionsAreReused() throws IOException {
        var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        var connections = new AtomicInteger();
        var seen = new java.util.concurrent.ConcurrentHashMap<String, Boolean>();
        server.createContext("/", exchange -> {
            if (seen.putIfAbsent(exchange.getRemoteAddress().toString(), true) == null) {
                connections.incrementAndGet();
            }
            exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.start();
        try {
            for (int i = 0; i < 3; i++) {
                HttpStatusCode status = http.get()
                        .uri("http://127.0.0.1:" + server.getAddress().getPort() + "/moved")
                        .exchange((request, response) -> response.getStatusCode(), true);
                assertThat(status.value()).isEqualTo(302);
            }
            assertThat(connections).hasValue(1);
        } finally {
            server.stop(0);
        }
    }

    /** The failure of a post of "{}" to the local {@code port}, which must fail. */
    private ResourceAccessException postFailure(int port) {
        return catchThrowableOfType(ResourceAccessException.class, () -> http.post()
                .uri("http://127.0.0.1:" + port + "/posts")
                .body("{}")
                .retrieve()
                .toBodilessEntity());
    }

    private static void readRequestHead(InputStream in) throws IOException {
        var head = new StringBuilder();
        int b;
        while ((b = in.read()) != -1) {
            head.append((char) b);
            if (head.toString().endsWith("\r\n\r\n")) {
                break;
            }
        }
        in.readNBytes(2); // the body, "{}"
    }
}
