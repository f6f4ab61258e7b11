package herald.providers.sandbox;

import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import herald.providers.ProviderHttp;
import herald.vault.Secret;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StreamUtils;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * The HTTP calls to the Sandbox (docs/sandbox-api.md), each read whole into a {@link SandboxAnswer}. The OAuth
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
        this.http = RestClient.builder()
                .requestFactory(ProviderHttp.requestFactory(settings.connectTimeout(), settings.readTimeout()))
                .build();
    }

    SandboxAnswer token(MultiValueMap<String, String> form, String what) {
        return call(oauthForm("/oauth/token").accept(MediaType.APPLICATION_JSON).body(form), what);
    }

    SandboxAnswer revoke(MultiValueMap<String, String> form, String what) {
        return call(oauthForm("/oauth/revoke").body(form), what);
    }

    SandboxAnswer accounts(Secret userToken, String what) {
        return call(
                http.get()
                        .uri(settings.endpoint("/api/accounts"))
                        .headers(headers -> headers.setBearerAuth(userToken.reveal())),
                what);
    }

    SandboxAnswer recentPosts(String accountHandle, String what) {
        return call(
                http.get()
                        .uri(settings.endpoint("/api/accounts/" + accountHandle + "/posts?limit=100"))
                        .accept(MediaType.APPLICATION_JSON),
                what);
    }

    SandboxAnswer audience(Secret token, String what) {
        return call(
                http.get()
                        .uri(settings.endpoint("/api/me/metrics"))
                        .headers(headers -> headers.setBearerAuth(token.reveal()))
                        .accept(MediaType.APPLICATION_JSON),
                what);
    }

    SandboxAnswer metrics(Secret token, String postId, String what) {
        return call(
                http.get()
                        .uri(settings.endpoint(postPath(postId) + "/metrics"))
                        .headers(headers -> headers.setBearerAuth(token.reveal()))
                        .accept(MediaType.APPLICATION_JSON),
                what);
    }

    /** Creates a post: a request that went out without an answer may have created it. */
    SandboxAnswer createPost(Secret token, String body, String what) {
        return create(settings.endpoint("/api/posts"), token, body, what);
    }

    /** Writes a comment under a post: a request that went out without an answer may have written it. */
    SandboxAnswer createComment(Secret token, String postId, String body, String what) {
        return create(settings.endpoint(postPath(postId) + "/comments"), token, body, what);
    }

    /** The post's comments, newest first (at most 100). */
    SandboxAnswer comments(Secret token, String postId, String what) {
        return call(
                http.get()
                        .uri(settings.endpoint(postPath(postId) + "/comments?limit=100"))
                        .headers(headers -> headers.setBearerAuth(token.reveal()))
                        .accept(MediaType.APPLICATION_JSON),
                what);
    }

    private SandboxAnswer create(java.net.URI uri, Secret token, String body, String what) {
        try {
            return exchange(http.post()
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
    private static SandboxAnswer call(RestClient.RequestHeadersSpec<?> request, String what) {
        try {
            return exchange(request);
        } catch (ResourceAccessException e) {
            throw new ProviderException(
                    ID,
                    Kind.TRANSIENT,
                    "The Sandbox did not answer " + what + " in time or could not be reached; Herald will try"
                            + " again.",
                    null,
                    null);
        }
    }

    private static SandboxAnswer exchange(RestClient.RequestHeadersSpec<?> request) {
        return request.exchange(
                (sent, response) -> new SandboxAnswer(
                        response.getStatusCode().value(),
                        HttpHeaders.readOnlyHttpHeaders(response.getHeaders()),
                        StreamUtils.copyToString(response.getBody(), StandardCharsets.UTF_8)),
                true);
    }
}
