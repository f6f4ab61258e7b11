package herald.providers;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import herald.providers.ProviderException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The one reader of media bytes for providers: it fetches only Herald's own media URLs (and the storage hosts named in
 * configuration), follows no redirect, stops at the recorded size, and answers failures in the taxonomy.
 */
public class MediaDownloadsTests {

    @RegisterExtension
    static final WireMockPlatform wiremock = new WireMockPlatform();

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3, 4};

    MediaDownloads downloads;

    /** A reader of Herald's media at {@code publicUrl}, for the tests of providers in other packages. */
    public static MediaDownloads reading(String publicUrl) {
        return new MediaDownloads(publicUrl, List.of());
    }

    @BeforeEach
    void reset() {
        downloads = new MediaDownloads(wiremock.baseUrl() + "/herald", List.of("storage.test"));
    }

    @Test
    void readsHeraldsOwnMediaWhole() {
        wiremock.serves("/herald/media/a.png", PNG);
        assertThat(downloads.bytes("x", medium("/herald/media/a.png?sig=1", PNG.length)))
                .isEqualTo(PNG);
    }

    @Test
    void refusesEveryOtherHostWithoutCallingIt() {
        wiremock.stubFor(get(anyUrl()).willReturn(aResponse().withBody(PNG)));
        String port = String.valueOf(wiremock.port());
        for (String url : List.of(
                "http://127.0.0.1:" + port + "/herald/media/a.png",
                wiremock.baseUrl() + "/elsewhere/a.png",
                "http://user:pw@localhost:" + port + "/herald/media/a.png",
                "file:///etc/passwd",
                "https://169.254.169.254/latest/meta-data")) {
            assertThatThrownBy(() -> downloads.bytes(
                            "x", new PublishRequest.Media(URI.create(url), "image/png", "image", PNG.length, "")))
                    .as(url)
                    .isInstanceOfSatisfying(ProviderException.class, e -> {
                        assertThat(e.kind()).isEqualTo(Kind.INVALID_CONTENT);
                        assertThat(e.getMessage()).contains("asset library");
                    });
        }
        wiremock.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void takesTheStorageHostsNamedInConfiguration() {
        var storage = new MediaDownloads("https://herald.test", List.of("localhost"));
        wiremock.stubFor(
                get(urlPathEqualTo("/bucket/a.png")).willReturn(aResponse().withBody(PNG)));
        assertThat(storage.bytes("x", medium("/bucket/a.png?X-Amz-Signature=1", PNG.length)))
                .isEqualTo(PNG);
    }

    @Test
    void stopsAtTheRecordedSize() throws IOException {
        wiremock.stubFor(get(urlPathEqualTo("/herald/media/big.png"))
                .willReturn(aResponse()
                        .withHeader("Content-Length", String.valueOf(PNG.length))
                        .withBody(PNG)));
        assertThatThrownBy(() -> downloads.open("x", medium("/herald/media/big.png", 4)))
                .as("a declared length above the recorded size is refused before reading")
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.INVALID_CONTENT);
                    assertThat(e.getMessage()).contains("larger than the library recorded");
                });
        wiremock.stubFor(get(urlPathEqualTo("/herald/media/chunked.png"))
                .willReturn(aResponse().withBody(PNG).withChunkedDribbleDelay(2, 20)));
        try (InputStream in = downloads.open("x", medium("/herald/media/chunked.png", PNG.length))) {
            assertThat(in.readAllBytes()).as("the recorded size exactly").isEqualTo(PNG);
        }
        try (InputStream in = downloads.open("x", medium("/herald/media/chunked.png", 4))) {
            assertThatThrownBy(in::readAllBytes)
                    .as("a body without a length that goes on past the recorded size")
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("larger");
        }
        assertThatThrownBy(() -> downloads.bytes("x", medium("/herald/media/chunked.png", 4)))
                .isInstanceOfSatisfying(
                        ProviderException.class, e -> assertThat(e.getMessage()).contains("larger"));
    }

    @Test
    void failuresAreTransientAndSayWhatHappened() {
        wiremock.stubFor(get(urlPathEqualTo("/herald/media/gone.png"))
                .willReturn(aResponse().withStatus(404)));
        assertFails(medium("/herald/media/gone.png", 4), "HTTP 404");
        wiremock.stubFor(get(urlPathEqualTo("/herald/media/reset.png"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertFails(medium("/herald/media/reset.png", 4), "could not read");
        var closed = new MediaDownloads("http://127.0.0.1:9/herald", List.of());
        assertThatThrownBy(() -> closed.bytes(
                        "x",
                        new PublishRequest.Media(
                                URI.create("http://127.0.0.1:9/herald/media/a.png"), "image/png", "image", 4, "")))
                .isInstanceOfSatisfying(
                        ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TRANSIENT));
    }

    @Test
    void followsNoRedirect() {
        wiremock.stubFor(get(urlPathEqualTo("/herald/media/moved.png"))
                .willReturn(
                        aResponse().withStatus(302).withHeader("Location", wiremock.baseUrl() + "/internal/secret")));
        assertFails(medium("/herald/media/moved.png", 4), "HTTP 302");
        wiremock.verify(0, getRequestedFor(urlPathEqualTo("/internal/secret")));
    }

    private void assertFails(PublishRequest.Media medium, String messagePart) {
        assertThatThrownBy(() -> downloads.bytes("x", medium)).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
            assertThat(e.provider()).isEqualTo("x");
            assertThat(e.getMessage()).contains(messagePart);
        });
    }

    private static PublishRequest.Media medium(String path, long size) {
        return new PublishRequest.Media(URI.create(wiremock.baseUrl() + path), "image/png", "image", size, "");
    }
}
