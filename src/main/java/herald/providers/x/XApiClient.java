package herald.providers.x;

import herald.providers.PlatformAnswer;
import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import herald.providers.ProviderHttp;
import herald.vault.Secret;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP calls to X, each read whole into an {@link PlatformAnswer}. No answer in time, or none at all, is transient, except
 * for the one call that creates a post: a read timeout after sending it is an unknown outcome.
 */
final class XApiClient {

    private final XClientSettings settings;
    private final JsonMapper json;
    private final RestClient http;
    private final RestClient uploads;

    XApiClient(XClientSettings settings, JsonMapper json) {
        this.settings = settings;
        this.json = json;
        this.http = client(settings, settings.readTimeout());
        this.uploads = client(settings, settings.uploadTimeout());
    }

    private static RestClient client(XClientSettings settings, Duration readTimeout) {
        return ProviderHttp.client(settings.connectTimeout(), readTimeout);
    }

    PlatformAnswer get(URI uri, Secret token, String what) {
        return call(http.get().uri(uri).headers(bearer(token)).accept(MediaType.APPLICATION_JSON), what);
    }

    PlatformAnswer postJson(URI uri, Secret token, Object body, String what) {
        return call(jsonPost(uri, token, body), what);
    }

    /** Creates a post: a request that went out without an answer may have created it. */
    PlatformAnswer create(URI uri, Secret token, Object body, String what) {
        try {
            return PlatformAnswer.read(jsonPost(uri, token, body));
        } catch (ResourceAccessException e) {
            if (ProviderHttp.notSent(e)) {
                throw new ProviderException(
                        XErrors.PROVIDER, Kind.TRANSIENT, "X could not be reached for " + what + ".", null, null);
            }
            throw new ProviderException(
                    XErrors.PROVIDER,
                    Kind.UNKNOWN_OUTCOME,
                    "X did not answer " + what + " in time after it was sent; it may have been published.",
                    null,
                    null);
        }
    }

    /** A form to the token or revoke endpoint, with Herald's client id and secret by HTTP Basic. */
    PlatformAnswer postForm(URI uri, MultiValueMap<String, String> form, String what) {
        return call(
                http.post()
                        .uri(uri)
                        .headers(headers -> headers.setBasicAuth(
                                settings.clientId(), settings.clientSecret(), StandardCharsets.UTF_8))
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .accept(MediaType.APPLICATION_JSON)
                        .body(form),
                what);
    }

    /** One chunk of a media upload, as {@code multipart/form-data} with the parts {@code media} and {@code segment_index}. */
    PlatformAnswer append(URI uri, Secret token, byte[] chunk, int segment, String what) {
        var parts = new MultipartBodyBuilder();
        parts.part("media", chunk).filename("media").contentType(MediaType.APPLICATION_OCTET_STREAM);
        parts.part("segment_index", String.valueOf(segment));
        return call(
                uploads.post()
                        .uri(uri)
                        .headers(bearer(token))
                        .contentType(MediaType.MULTIPART_FORM_DATA)
                        .accept(MediaType.APPLICATION_JSON)
                        .body(parts.build()),
                what);
    }

    /** A POST without a body (finalize). */
    PlatformAnswer postEmpty(URI uri, Secret token, String what) {
        return call(uploads.post().uri(uri).headers(bearer(token)).accept(MediaType.APPLICATION_JSON), what);
    }

    private RestClient.RequestHeadersSpec<?> jsonPost(URI uri, Secret token, Object body) {
        return http.post()
                .uri(uri)
                .headers(bearer(token))
                .contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsString(body));
    }

    private static java.util.function.Consumer<HttpHeaders> bearer(Secret token) {
        return headers -> headers.setBearerAuth(token.reveal());
    }

    private static PlatformAnswer call(RestClient.RequestHeadersSpec<?> request, String what) {
        return PlatformAnswer.readOrTransient(request, XErrors.PROVIDER, "X", what);
    }
}
