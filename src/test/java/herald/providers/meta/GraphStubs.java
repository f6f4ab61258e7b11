package herald.providers.meta;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.time.Clock;
import java.time.Duration;
import tools.jackson.databind.json.JsonMapper;

/** What the Facebook and Instagram tests share: the Graph API's paths and error answers, and the usage governor. */
public final class GraphStubs {

    public static final String VERSION = "v26.0";
    public static final JsonMapper JSON = JsonMapper.builder().build();

    private GraphStubs() {}

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
}
