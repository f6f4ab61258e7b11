package herald.providers.sandbox;

import herald.providers.PlatformAnswer;
import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import herald.providers.ProviderHttp;
import herald.vault.Secret;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The HTTP calls to the Sandbox (docs/sandbox-api.md), each read whole into a {@link PlatformAnswer}. The OAuth
 * endpoints take Herald's client id and secret by HTTP Basic, the API the bearer token. No answer in time, or none at
 * all, is transient, except for the calls that create a post or a comment: a read timeout after sending one is an
 * unknown outcome.
 */
final class SandboxApi {

    private static final String ID = SandboxProvider.ID;

    private final SandboxClientSettings settings;
    private final RestClient http;

    SandboxApi(SandboxClientSettings settings) {
        this.settings = settings;
        this.http = ProviderHttp.client(settings.connectTimeout(), settings.readTimeout());
    }

    PlatformAnswer token(MultiValueMap<String, String> form, String what) {
        return call(oauthForm("/oauth/token").accept(MediaType.APPLICATION_JSON).body(form), what);
    }

    PlatformAnswer revoke(MultiValueMap<String, String> form, String what) {
        return call(oauthForm("/oauth/revoke").body(form), what);
    }

    PlatformAnswer accounts(Secret userToken, String what) {
        return call(
                http.get()
                        .uri(settings.endpoint("/api/accounts"))
                        .headers(headers -> headers.setBearerAuth(userToken.reveal())),
                what);
    }

    PlatformAnswer recentPosts(String accountHandle, String what) {
        return call(
                http.get()
                        .uri(settings.endpoint("/api/accounts/" + accountHandle + "/posts?limit=100"))
                        .accept(MediaType.APPLICATION_JSON),
                what);
    }

    PlatformAnswer audience(Secret token, String what) {
        return call(
                http.get()
                        .uri(settings.endpoint("/api/me/metrics"))
                        .headers(headers -> headers.setBearerAuth(token.reveal()))
                        .accept(MediaType.APPLICATION_JSON),
                what);
    }

    PlatformAnswer metrics(Secret token, String postId, String what) {
        return call(
                http.get()
                        .uri(settings.endpoint(postPath(postId) + "/metrics"))
                        .headers(headers -> headers.setBearerAuth(token.reveal()))
                        .accept(MediaType.APPLICATION_JSON),
                what);
    }

    /** Creates a post: a request that went out without an answer may have created it. */
    PlatformAnswer createPost(Secret token, String body, String what) {
        return create(settings.endpoint("/api/posts"), token, body, what);
    }

    /** Writes a comment under a post: a request that went out without an answer may have written it. */
    PlatformAnswer createComment(Secret token, String postId, String body, String what) {
        return create(settings.endpoint(postPath(postId) + "/comments"), token, body, what);
    }

    /** The post's comments, newest first: at most {@code limit}, which the Sandbox caps at 100. */
    PlatformAnswer comments(Secret token, String postId, int limit, String what) {
        return call(
                http.get()
                        .uri(settings.endpoint(postPath(postId) + "/comments?limit=" + limit))
                        .headers(headers -> headers.setBearerAuth(token.reveal()))
                        .accept(MediaType.APPLICATION_JSON),
                what);
    }

    private PlatformAnswer create(java.net.URI uri, Secret token, String body, String what) {
        try {
            return PlatformAnswer.read(http.post()
                    .uri(uri)
                    .headers(headers -> headers.setBearerAuth(token.reveal()))
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .body(body));
        } catch (ResourceAccessException e) {
            if (ProviderHttp.notSent(e)) {
                throw new ProviderException(
                        ID, Kind.TRANSIENT, "The Sandbox could not be reached for " + what + ".", null, null);
            }
            // The request went out and no answer came: it may have been stored. Only reconciliation can tell.
            throw new ProviderException(
                    ID,
                    Kind.UNKNOWN_OUTCOME,
                    "The Sandbox did not answer " + what + " in time after it was sent; it may have been published.",
                    null,
                    null);
        }
    }

    private static String postPath(String postId) {
        return "/api/posts/" + org.springframework.web.util.UriUtils.encodePathSegment(postId, StandardCharsets.UTF_8);
    }

    /** A form posted to an OAuth endpoint, with Herald's client id and secret by HTTP Basic. */
    private RestClient.RequestBodySpec oauthForm(String path) {
        return http.post()
                .uri(settings.endpoint(path))
                .headers(headers ->
                        headers.setBasicAuth(settings.clientId(), settings.clientSecret(), StandardCharsets.UTF_8))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED);
    }

    /** Makes the call and reads the whole answer; no answer in time, or none at all, is transient. */
    private static PlatformAnswer call(RestClient.RequestHeadersSpec<?> request, String what) {
        return PlatformAnswer.readOrTransient(request, ID, "The Sandbox", what);
    }
}
