package herald.providers.meta;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import herald.providers.MediaDownloads;
import java.lang.reflect.Constructor;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/** What the Facebook and Instagram tests share: Graph error answers, the usage governor, media reads from WireMock. */
public final class GraphStubs {

    public static final String VERSION = "v26.0";
    public static final JsonMapper JSON = JsonMapper.builder().build();

    private GraphStubs() {}

    /** One request through the JDK client first, so a test's short read timeout does not measure a cold start. */
    public static void warmUp(com.github.tomakehurst.wiremock.WireMockServer wiremock) {
        var client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .build();
        var uri = java.net.URI.create(wiremock.baseUrl() + "/warm-up");
        try {
            client.send(
                    java.net.http.HttpRequest.newBuilder(uri).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            client.send(
                    java.net.http.HttpRequest.newBuilder(uri)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("a=b&c=d"))
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A path of the Graph API under the pinned version. */
    public static String graph(String path) {
        return "/" + VERSION + "/" + path;
    }

    /** Meta's error envelope with {@code code} and {@code subcode} (0: none), HTTP 400 as Meta answers most. */
    public static ResponseDefinitionBuilder graphError(int code, int subcode, String message) {
        return graphError(400, code, subcode, message);
    }

    public static ResponseDefinitionBuilder graphError(int status, int code, int subcode, String message) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(
                        "{\"error\":{\"message\":\"%s\",\"type\":\"OAuthException\",\"code\":%d%s,\"fbtrace_id\":\"Ab1\"}}"
                                .formatted(message, code, subcode == 0 ? "" : ",\"error_subcode\":" + subcode));
    }

    public static GraphUsage usage(Clock clock) {
        return new GraphUsage(90, Duration.ofHours(1), JSON, clock);
    }

    /** Herald's media reader, trusting {@code publicUrl} (WireMock's) as Herald's own asset library. */
    public static MediaDownloads downloads(String publicUrl) {
        try {
            Constructor<MediaDownloads> constructor =
                    MediaDownloads.class.getDeclaredConstructor(String.class, List.class);
            constructor.setAccessible(true);
            return constructor.newInstance(publicUrl, List.of());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
