package herald.assets.storage;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import herald.assets.AssetSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The S3-compatible backend, built from settings as Herald builds it (path style, custom endpoint, static keys),
 * against the storage contract over WireMock stubs of the S3 REST calls ({@link S3Stubs}).
 */
class S3BlobStorageTests extends BlobStorageContract {

    private static final S3Stubs stubs = new S3Stubs();
    private static WireMockServer server;
    private static S3BlobStorage storage;

    @BeforeAll
    static void start() {
        server = new WireMockServer(
                options().dynamicPort().bindAddress("127.0.0.1").extensions(stubs));
        server.start();
        stubs.attach(server);
        storage = StorageConfiguration.s3(new AssetSettings.S3(
                S3Stubs.BUCKET,
                "eu-central-1",
                URI.create("http://127.0.0.1:" + server.port()),
                true,
                "test-access-key",
                "test-secret-key",
                true));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Override
    BlobStorage storage() {
        return storage;
    }

    @Test
    void presignsGetUrlsThatCarryTheContentTypeAndDisposition() throws IOException {
        var file = Files.createTempFile("presign-", ".bin");
        try {
            Files.writeString(file, "jpeg bytes");
            storage.put("ws-presign/photo", file, "image/jpeg");
        } finally {
            Files.delete(file);
        }
        URI url = storage.presignedUrl("ws-presign/photo", Duration.ofMinutes(5), "image/jpeg", "inline")
                .orElseThrow();
        assertThat(url.getPath()).isEqualTo("/" + S3Stubs.BUCKET + "/ws-presign/photo");
        assertThat(url.getQuery())
                .contains("X-Amz-Signature=")
                .contains("X-Amz-Expires=300")
                .contains("response-content-type=image/jpeg")
                .contains("response-content-disposition=inline");
    }

    @Test
    void signsEveryCallWithSigV4() throws IOException {
        var file = Files.createTempFile("signed-", ".bin");
        try {
            Files.writeString(file, "x");
            storage.put("ws-signed/x", file, "image/png");
        } finally {
            Files.delete(file);
        }
        var put = server.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getMethod().getName().equals("PUT"))
                .filter(e -> e.getRequest().getUrl().endsWith("/ws-signed/x"))
                .findFirst()
                .orElseThrow();
        assertThat(put.getRequest().getHeader("Authorization"))
                .startsWith("AWS4-HMAC-SHA256 Credential=test-access-key/")
                .contains("/eu-central-1/s3/aws4_request");
        assertThat(put.getRequest().getHeader("x-amz-content-sha256")).isNotBlank();
        assertThat(put.getRequest().getHeader("Content-Type")).isEqualTo("image/png");
    }
}
