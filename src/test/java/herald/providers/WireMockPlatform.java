package herald.providers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A platform played by WireMock for a provider's tests, registered with {@code @RegisterExtension} on a static field:
 * it starts on a free port before the class, warmed up, forgets every stub and request before each test, and stops
 * after the class. It also serves Herald's own asset library, so providers read media through the real {@link
 * MediaDownloads}.
 */
public class WireMockPlatform extends WireMockServer
        implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    /** The instant the platforms' stand-ins and the providers' fixed clocks agree on. */
    public static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    public WireMockPlatform() {
        super(wireMockConfig().dynamicPort());
    }

    /**
     * Starts the server now, for a Spring test whose {@code @DynamicPropertySource} needs its URL before any callback.
     */
    public WireMockPlatform running() {
        if (!isRunning()) {
            start();
            warmUp();
        }
        return this;
    }

    /** Forgets the stubs and requests of the test before. */
    protected void reset() {
        resetAll();
    }

    /** Herald's asset library answers {@code path} (e.g. {@code /herald/media/a.png}) with {@code bytes}: its URL. */
    public URI serves(String path, byte[] bytes) {
        stubFor(get(urlPathEqualTo(path)).willReturn(aResponse().withStatus(200).withBody(bytes)));
        return URI.create(baseUrl() + path);
    }

    /** Herald's media reader, trusting {@code path} on this server (e.g. {@code /herald}) as Herald's public URL. */
    public MediaDownloads downloads(String path) {
        return MediaDownloadsTests.reading(baseUrl() + path);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        running();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    /**
     * A GET and a form POST through the JDK client first, so that a test's short read timeout does not measure the
     * cold start of WireMock's first answers.
     */
    private void warmUp() {
        var client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        var uri = URI.create(baseUrl() + "/warm-up");
        try {
            client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding());
            client.send(
                    HttpRequest.newBuilder(uri)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("a=b&c=d"))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        resetRequests();
    }
}
