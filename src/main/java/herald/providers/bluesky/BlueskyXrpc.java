package herald.providers.bluesky;

import herald.providers.PlatformAnswer;
import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import herald.providers.ProviderHttp;
import herald.vault.Secret;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Bluesky's XRPC over HTTP: queries are GETs, procedures POSTs, each at {@code {serviceUrl}/xrpc/{nsid}} with the
 * session's JWT as bearer, each answer read whole. No answer in time, or none at all, is transient, except for a
 * call that creates a record: a read timeout after sending it is an unknown outcome.
 */
final class BlueskyXrpc {

    private final BlueskySettings settings;
    private final RestClient http;
    private final RestClient uploads;

    BlueskyXrpc(BlueskySettings settings) {
        this.settings = settings;
        this.http = ProviderHttp.client(settings.connectTimeout(), settings.readTimeout());
        this.uploads = ProviderHttp.client(settings.connectTimeout(), settings.uploadTimeout());
    }

    /**
     * A query ({@code GET}), with the session's bearer unless {@code token} is null (a public query);
     * {@code parameters} are name, value, name, value, ... (a name may repeat).
     */
    PlatformAnswer query(@Nullable Secret token, String nsid, String what, String... parameters) {
        RestClient.RequestHeadersSpec<?> request =
                http.get().uri(settings.xrpc(nsid, parameters)).accept(MediaType.APPLICATION_JSON);
        if (token != null) {
            request.headers(headers -> headers.setBearerAuth(token.reveal()));
        }
        return transient_(request, what);
    }

    /** A procedure ({@code POST}) with a JSON body, or none; {@code token} null for signing in. */
    PlatformAnswer procedure(@Nullable Secret token, String nsid, @Nullable String body, String what) {
        return transient_(post(token, settings.xrpc(nsid), body), what);
    }

    /**
     * A procedure that writes a record: a request that went out without an answer may have written it, so the caller
     * looks before any second try.
     */
    PlatformAnswer write(Secret token, String nsid, String body, String what) {
        try {
            return PlatformAnswer.read(post(token, settings.xrpc(nsid), body));
        } catch (ResourceAccessException e) {
            if (ProviderHttp.notSent(e)) {
                throw unreachable(what);
            }
            throw new ProviderException(
                    BlueskyProvider.ID,
                    Kind.UNKNOWN_OUTCOME,
                    "Bluesky did not answer " + what + " in time after it was sent; it may have been published, so"
                            + " Herald looks for it before trying again.");
        }
    }

    /** {@code com.atproto.repo.uploadBlob}: the raw bytes with their content type. */
    PlatformAnswer upload(Secret token, byte[] bytes, String contentType, String what) {
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType);
        } catch (InvalidMediaTypeException e) {
            throw new ProviderException(
                    BlueskyProvider.ID,
                    Kind.INVALID_CONTENT,
                    "Herald cannot send " + what + ": its media type '" + contentType + "' is not valid.");
        }
        return transient_(
                uploads.post()
                        .uri(settings.xrpc("com.atproto.repo.uploadBlob"))
                        .headers(headers -> headers.setBearerAuth(token.reveal()))
                        .contentType(type)
                        .accept(MediaType.APPLICATION_JSON)
                        .body(bytes),
                what);
    }

    private RestClient.RequestHeadersSpec<?> post(@Nullable Secret token, URI uri, @Nullable String body) {
        RestClient.RequestBodySpec request = http.post().uri(uri).accept(MediaType.APPLICATION_JSON);
        if (token != null) {
            request.headers(headers -> headers.setBearerAuth(token.reveal()));
        }
        return body == null
                ? request
                : request.contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static PlatformAnswer transient_(RestClient.RequestHeadersSpec<?> request, String what) {
        return PlatformAnswer.readOrTransient(request, BlueskyProvider.ID, "Bluesky", what);
    }

    private static ProviderException unreachable(String what) {
        return PlatformAnswer.unreachable(BlueskyProvider.ID, "Bluesky", what);
    }
}
