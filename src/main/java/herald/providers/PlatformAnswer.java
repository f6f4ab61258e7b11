package herald.providers;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.RestClient;

/**
 * One HTTP answer of a platform, read whole: the status decides how its body is read (a platform's error document, or
 * what it created). Every provider's client reads its answers this way, so none of them lets Spring turn a 4xx into an
 * exception whose message would carry the request's URL.
 */
public record PlatformAnswer(int status, HttpHeaders headers, String body) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /**
     * Sends {@code request} and reads its answer, whatever its status.
     *
     * @throws org.springframework.web.client.ResourceAccessException when no answer came (the caller decides whether
     *     the request may have reached the platform)
     */
    public static PlatformAnswer read(RestClient.RequestHeadersSpec<?> request) {
        return request.exchange(
                (sent, response) -> new PlatformAnswer(
                        response.getStatusCode().value(),
                        HttpHeaders.readOnlyHttpHeaders(response.getHeaders()),
                        StreamUtils.copyToString(response.getBody(), StandardCharsets.UTF_8)),
                true);
    }
}
