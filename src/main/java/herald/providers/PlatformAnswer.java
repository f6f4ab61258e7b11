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
     * Sends {@code request} and reads its answer, whatever its status; no answer in time, or none at all, is {@link
     * ProviderException.Kind#TRANSIENT} in words naming {@code platform} (as people name it) and {@code what}. For
     * calls that create nothing at the platform, or whose repeat is harmless: a create whose answer was lost is an
     * unknown outcome, which its provider tells apart with {@link ProviderHttp#notSent}.
     */
    public static PlatformAnswer readOrTransient(
            RestClient.RequestHeadersSpec<?> request, String provider, String platform, String what) {
        try {
            return read(request);
        } catch (org.springframework.web.client.ResourceAccessException e) {
            throw unreachable(provider, platform, what);
        }
    }

    /** That {@code platform} did not answer {@code what}, as {@link #readOrTransient} says it. */
    public static ProviderException unreachable(String provider, String platform, String what) {
        return new ProviderException(
                provider,
                ProviderException.Kind.TRANSIENT,
                platform + " did not answer " + what + " in time or could not be reached; Herald will try again.");
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

    /**
     * As {@link #read(RestClient.RequestHeadersSpec)}, reading no more than {@code maxBytes} of the body: for a
     * platform at an address a person named (a Mastodon server), which could otherwise answer without end.
     *
     * @throws TooLarge when the body is longer
     */
    public static PlatformAnswer read(RestClient.RequestHeadersSpec<?> request, int maxBytes) {
        return request.exchange(
                (sent, response) -> {
                    byte[] body = response.getBody().readNBytes(maxBytes + 1);
                    if (body.length > maxBytes) {
                        throw new TooLarge(maxBytes);
                    }
                    return new PlatformAnswer(
                            response.getStatusCode().value(),
                            HttpHeaders.readOnlyHttpHeaders(response.getHeaders()),
                            new String(body, StandardCharsets.UTF_8));
                },
                true);
    }

    /** An answer longer than its reader takes; nothing of it was read as an answer. */
    public static final class TooLarge extends RuntimeException {

        TooLarge(int maxBytes) {
            super("The answer is longer than " + maxBytes + " bytes.");
        }
    }
}
