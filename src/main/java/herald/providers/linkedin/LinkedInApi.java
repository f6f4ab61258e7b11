package herald.providers.linkedin;

import herald.providers.PlatformAnswer;
import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import herald.providers.ProviderHttp;
import herald.vault.Secret;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * LinkedIn over HTTP: every API call carries the bearer token, the configured {@code LinkedIn-Version} and
 * {@code X-Restli-Protocol-Version: 2.0.0}; the OAuth endpoints take the client's id and secret in the form body.
 */
final class LinkedInApi {

    static final String VERSION_HEADER = "LinkedIn-Version";
    static final String PROTOCOL_HEADER = "X-Restli-Protocol-Version";
    static final String PROTOCOL = "2.0.0";

    private final LinkedInClientSettings settings;
    private final RestClient http;
    private final RestClient uploads;

    LinkedInApi(LinkedInClientSettings settings) {
        this.settings = settings;
        this.http = ProviderHttp.client(settings.connectTimeout(), settings.readTimeout());
        this.uploads = ProviderHttp.client(settings.connectTimeout(), settings.uploadTimeout());
    }

    PlatformAnswer get(Secret token, String pathAndQuery, String what) {
        return transient_(
                http.get()
                        .uri(settings.api(pathAndQuery))
                        .headers(headers -> versioned(headers, token))
                        .accept(MediaType.APPLICATION_JSON),
                what);
    }

    /** A JSON POST whose answer, if lost, changed nothing worth reconciling (an upload's registration). */
    PlatformAnswer post(Secret token, String pathAndQuery, String body, String what) {
        return transient_(
                http.post()
                        .uri(settings.api(pathAndQuery))
                        .headers(headers -> versioned(headers, token))
                        .contentType(MediaType.APPLICATION_JSON)
                        .accept(MediaType.APPLICATION_JSON)
                        .body(body),
                what);
    }

    /**
     * Creates a post. A request that may have reached LinkedIn without an answer is an unknown outcome: the post may
     * exist, so the caller reconciles before any second try.
     */
    PlatformAnswer create(Secret token, String body) {
        return create(token, "/rest/posts", body, "the post", "the account's posts");
    }

    /**
     * Creates {@code what} at {@code path}; as {@link #create(Secret, String)}, a lost answer is an unknown outcome,
     * which Herald settles by reading {@code checks}.
     */
    PlatformAnswer create(Secret token, String path, String body, String what, String checks) {
        try {
            return PlatformAnswer.read(http.post()
                    .uri(settings.api(path))
                    .headers(headers -> versioned(headers, token))
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .body(body));
        } catch (ResourceAccessException e) {
            if (ProviderHttp.notSent(e)) {
                throw unreachable(what);
            }
            throw new ProviderException(
                    LinkedInProvider.ID,
                    Kind.UNKNOWN_OUTCOME,
                    "LinkedIn did not answer " + what + " in time; it may have been published, so Herald checks "
                            + checks + " before trying again.");
        }
    }

    /** PUTs an image's bytes to the upload URL LinkedIn gave, which must be one of LinkedIn's own hosts. */
    PlatformAnswer upload(Secret token, URI uploadUrl, byte[] bytes, String contentType) {
        return transient_(
                uploads.put()
                        .uri(uploadUrl)
                        .headers(headers -> headers.setBearerAuth(token.reveal()))
                        .contentType(MediaType.parseMediaType(contentType))
                        .body(bytes),
                "the image upload");
    }

    PlatformAnswer form(URI endpoint, MultiValueMap<String, String> form, String what) {
        form.set("client_id", settings.clientId());
        form.set("client_secret", settings.clientSecret());
        return transient_(
                http.post()
                        .uri(endpoint)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .accept(MediaType.APPLICATION_JSON)
                        .body(form),
                what);
    }

    private void versioned(HttpHeaders headers, Secret token) {
        headers.setBearerAuth(token.reveal());
        headers.set(VERSION_HEADER, settings.version());
        headers.set(PROTOCOL_HEADER, PROTOCOL);
    }

    private static PlatformAnswer transient_(RestClient.RequestHeadersSpec<?> request, String what) {
        return PlatformAnswer.readOrTransient(request, LinkedInProvider.ID, "LinkedIn", what);
    }

    private static ProviderException unreachable(String what) {
        return PlatformAnswer.unreachable(LinkedInProvider.ID, "LinkedIn", what);
    }
}
