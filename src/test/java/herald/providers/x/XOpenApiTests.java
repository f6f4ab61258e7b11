package herald.providers.x;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The check of requests against X's OpenAPI document can fail: requests X would refuse are caught. */
class XOpenApiTests {

    @RegisterExtension
    static final XStandIn x = new XStandIn();

    final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void answersEverything() {
        x.stubFor(any(anyUrl()).willReturn(okJson("{}")));
    }

    @Test
    void aRequestXDocumentsPasses() {
        send("POST", "/2/tweets", "application/json", "{\"text\":\"hi\",\"reply\":{\"in_reply_to_tweet_id\":\"1\"}}");
        send("GET", "/2/tweets/1445880548472328192?post.fields=public_metrics", null, null);
        send("POST", "/2/media/upload/1880028106020515840/append", MULTIPART, append("segment_index"));
        assertThat(XOpenApi.validated(x)).isEqualTo(3);
        assertThat(XOpenApi.problems(x)).isEmpty();
    }

    @Test
    void anUnknownFieldInABodyIsCaught() {
        send("POST", "/2/tweets", "application/json", "{\"text\":\"hi\",\"link\":\"https://herald.dev\"}");
        assertThat(XOpenApi.problems(x)).singleElement().asString().contains("link");
    }

    @Test
    void anUnknownQueryParameterIsCaught() {
        send("GET", "/2/tweets/1445880548472328192?tweet.fields=public_metrics", null, null);
        assertThat(XOpenApi.problems(x)).singleElement().asString().contains("tweet.fields");
    }

    @Test
    void aValueOutsideAnEnumOrPatternIsCaught() {
        send(
                "POST",
                "/2/media/upload/initialize",
                "application/json",
                "{\"media_type\":\"video/mp4\",\"total_bytes\":10,\"media_category\":\"tweet_clip\"}");
        send("POST", "/2/tweets", "application/json", "{\"text\":\"hi\",\"reply\":{\"in_reply_to_tweet_id\":\"p-1\"}}");
        send("GET", "/2/users/me?user.fields=avatar", null, null);
        assertThat(XOpenApi.problems(x)).hasSize(3);
    }

    @Test
    void aRequestWithoutTheTokenOrToAPathXLacksIsCaught() {
        sendWithoutToken("/2/users/me");
        send("POST", "/2/statuses/update", "application/json", "{\"status\":\"hi\"}");
        assertThat(XOpenApi.problems(x)).hasSize(2);
    }

    @Test
    void aMultipartAppendWithoutItsSegmentIndexIsCaught() {
        send("POST", "/2/media/upload/1880028106020515840/append", MULTIPART, append("segment"));
        assertThat(XOpenApi.problems(x))
                .anySatisfy(problem -> assertThat(problem).contains("segment_index"));
    }

    static final String MULTIPART = "multipart/form-data; boundary=b0undary";

    /** An append's multipart body, its segment number in a part named {@code segmentName}. */
    static String append(String segmentName) {
        return "--b0undary\r\nContent-Disposition: form-data; name=\"media\"; filename=\"media\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n0123\r\n"
                + "--b0undary\r\nContent-Disposition: form-data; name=\"" + segmentName + "\"\r\n\r\n0\r\n"
                + "--b0undary--\r\n";
    }

    void send(String method, String path, String contentType, String body) {
        var request = HttpRequest.newBuilder(URI.create(x.baseUrl() + path))
                .header("Authorization", "Bearer t")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        call(request.build());
    }

    void sendWithoutToken(String path) {
        call(HttpRequest.newBuilder(URI.create(x.baseUrl() + path)).GET().build());
    }

    void call(HttpRequest request) {
        try {
            client.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
