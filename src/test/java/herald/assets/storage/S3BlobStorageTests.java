package herald.assets.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.assets.AssetSettings;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The S3-compatible backend, built from settings as Herald builds it (path style, custom endpoint, static keys),
 * against the storage contract on a real S3-compatible server: S3Proxy in process over an in-memory jclouds store,
 * checking every SigV4 signature, with the bucket created here.
 */
class S3BlobStorageTests extends BlobStorageContract {

    private static final String BUCKET = "herald-assets";
    private static final String REGION = "eu-central-1";
    private static final String ACCESS_KEY = "test-access-key";
    private static final String SECRET_KEY = "test-secret-key";

    private static BlobStoreContext blobs;
    private static S3Proxy server;
    private static URI endpoint;
    private static S3BlobStorage storage;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        blobs = ContextBuilder.newBuilder("transient")
                .credentials("identity", "credential")
                .build(BlobStoreContext.class);
        blobs.getBlobStore().createContainerInLocation(null, BUCKET);
        endpoint = URI.create("http://127.0.0.1:" + freePort());
        server = S3Proxy.builder()
                .blobStore(blobs.getBlobStore())
                .endpoint(endpoint)
                .awsAuthentication(AuthenticationType.AWS_V4, ACCESS_KEY, SECRET_KEY)
                .ignoreUnknownHeaders(true)
                .build();
        server.start();
        storage = s3(SECRET_KEY);
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
        if (blobs != null) {
            blobs.close();
        }
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static S3BlobStorage s3(String secretKey) {
        return StorageConfiguration.s3(
                new AssetSettings.S3(BUCKET, REGION, endpoint, true, ACCESS_KEY, secretKey, true));
    }

    @Override
    BlobStorage storage() {
        return storage;
    }

    private static void put(String key, String content, String contentType) throws IOException {
        Path file = Files.createTempFile("s3-", ".bin");
        try {
            Files.writeString(file, content);
            storage.put(key, file, contentType);
        } finally {
            Files.delete(file);
        }
    }

    private static HttpResponse<byte[]> fetch(URI url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aPresignedGetUrlServesTheBytesWithTheTypeAndDispositionToAPlainHttpClient() throws Exception {
        put("ws-presign/photo", "jpeg bytes", "application/octet-stream");
        URI url = storage.presignedUrl("ws-presign/photo", Duration.ofMinutes(5), "image/jpeg", "inline")
                .orElseThrow();
        assertThat(url.getPath()).isEqualTo("/" + BUCKET + "/ws-presign/photo");
        assertThat(url.getQuery()).contains("X-Amz-Signature=").contains("X-Amz-Expires=300");

        var response = fetch(url);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("jpeg bytes");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("image/jpeg");
        assertThat(response.headers().firstValue("Content-Disposition")).hasValue("inline");
    }

    @Test
    void aTamperedPresignedUrlIsRefused() throws Exception {
        put("ws-tamper/photo", "private bytes", "image/jpeg");
        put("ws-tamper/other", "other bytes", "image/jpeg");
        URI url = storage.presignedUrl("ws-tamper/photo", Duration.ofMinutes(5), "image/jpeg", "inline")
                .orElseThrow();

        URI otherKey = URI.create(url.toString().replace("/ws-tamper/photo?", "/ws-tamper/other?"));
        URI longer = URI.create(url.toString().replace("X-Amz-Expires=300", "X-Amz-Expires=3600"));
        assertThat(fetch(otherKey).statusCode()).isEqualTo(403);
        assertThat(fetch(longer).statusCode()).isEqualTo(403);
        assertThat(fetch(url).statusCode()).isEqualTo(200);
    }

    @Test
    void anExpiredPresignedUrlIsRefused() throws Exception {
        put("ws-expired/photo", "old bytes", "image/jpeg");
        URI url = storage.presignedUrl("ws-expired/photo", Duration.ofSeconds(1), "image/jpeg", "inline")
                .orElseThrow();
        Thread.sleep(2_100);
        var response = fetch(url);
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).doesNotContain("old bytes");
    }

    @Test
    void callsSignedWithTheWrongSecretAreRefusedAsAnIoError() {
        var wrong = s3("not-the-secret-key");
        assertThatThrownBy(() -> wrong.exists("ws-any/key"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(BUCKET);
        assertThatThrownBy(() -> wrong.open("ws-any/key"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(BUCKET);
    }
}
