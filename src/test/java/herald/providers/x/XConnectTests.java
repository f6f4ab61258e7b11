package herald.providers.x;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.BasicCredentials;
import herald.connections.ConnectionsTestBase;
import herald.identity.ApiKeyScope;
import herald.identity.ApiKeys;
import herald.providers.Pkce;
import herald.tenancy.SignUp;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A Herald with X credentials, X played by WireMock: the connect flow's authorize URL carries X's parameters, and the
 * callback exchanges the code (PKCE verifier, Basic client authentication) and stores the account that consented.
 */
class XConnectTests extends ConnectionsTestBase {

    static final XStandIn x = new XStandIn().running();

    @DynamicPropertySource
    static void x(DynamicPropertyRegistry registry) {
        registry.add("herald.providers.x.client-id", () -> XStandIn.CLIENT_ID);
        registry.add("herald.providers.x.client-secret", () -> XStandIn.CLIENT_SECRET);
        registry.add("herald.providers.x.authorize-url", () -> x.baseUrl() + "/i/oauth2/authorize");
        registry.add("herald.providers.x.token-url", () -> x.baseUrl() + "/2/oauth2/token");
        registry.add("herald.providers.x.revoke-url", () -> x.baseUrl() + "/2/oauth2/revoke");
        registry.add("herald.providers.x.api-url", x::baseUrl);
        registry.add("herald.providers.x.upload-url", x::baseUrl);
    }

    @AfterAll
    static void stop() {
        x.stop();
    }

    @LocalServerPort
    int port;

    @Autowired
    ApiKeys apiKeys;

    @Test
    void theAuthorizeUrlCarriesXsParametersAndTheCallbackStoresTheAccount() {
        x.reset();
        SignUp.Result owner = owner("pro");
        String path = "/api/v1/workspaces/" + owner.workspace().orElseThrow().id() + "/connections";
        String admin = apiKeys.create(
                        owner.workspace().orElseThrow().id(),
                        "x " + UUID.randomUUID(),
                        Set.of(ApiKeyScope.ADMIN),
                        null,
                        owner.user().id())
                .token();
        XHttp http = new XHttp(port);
        var platforms = http.get(path + "/platforms", admin);
        assertThat(platforms.body()).contains("\"id\":\"x\"");
        for (var platform : platforms.json()) {
            if ("x".equals(platform.path("id").asString())) {
                assertThat(platform.path("configured").asBoolean()).isTrue();
                assertThat(platform.path("missingSettings").isEmpty()).isTrue();
            }
        }

        var started = http.post(path + "/oauth-sessions", admin, "{\"provider\":\"x\",\"accountType\":\"company\"}");

        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        URI authorize = URI.create(started.json().path("authorizationUrl").asString());
        assertThat(authorize.toString()).startsWith(x.baseUrl() + "/i/oauth2/authorize?");
        Map<String, String> query = Arrays.stream(authorize.getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
        assertThat(query)
                .containsEntry("response_type", "code")
                .containsEntry("client_id", XStandIn.CLIENT_ID)
                .containsEntry("scope", "tweet.read tweet.write users.read media.write offline.access")
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("state", started.json().path("state").asString());
        assertThat(query.get("redirect_uri")).endsWith("/connections/callback/x");
        assertThat(query.get("code_challenge")).hasSize(43);
        assertThat(authorize.getRawQuery()).contains("scope=tweet.read%20tweet.write");

        x.stubFor(
                post("/2/oauth2/token")
                        .willReturn(
                                okJson(
                                        """
                        {"token_type":"bearer","expires_in":7200,"access_token":"x-connect-at",\
                        "scope":"tweet.read tweet.write users.read offline.access media.write",\
                        "refresh_token":"x-connect-rt"}""")));
        x.me("krustyco");
        var callback = http.get(
                "/connections/callback/x?state=" + query.get("state") + "&code=x-code-" + UUID.randomUUID(), null);

        assertThat(callback.status()).as(callback.toString()).isEqualTo(200);
        assertThat(callback.body()).contains("@krustyco").doesNotContain("x-connect-at");
        x.verify(postRequestedFor(urlEqualTo("/2/oauth2/token"))
                .withBasicAuth(new BasicCredentials(XStandIn.CLIENT_ID, XStandIn.CLIENT_SECRET))
                .withRequestBody(containing("grant_type=authorization_code"))
                .withRequestBody(containing("code_verifier=")));
        String verifier = URLDecoder.decode(
                x.findAll(postRequestedFor(urlEqualTo("/2/oauth2/token")))
                        .getFirst()
                        .getBodyAsString()
                        .replaceAll(".*code_verifier=([^&]*).*", "$1"),
                StandardCharsets.UTF_8);
        assertThat(Pkce.challenge(herald.vault.Secret.of(verifier)))
                .as("the verifier answers the challenge")
                .isEqualTo(query.get("code_challenge"));
        var list = http.get(path, admin);
        assertThat(list.body()).doesNotContain("x-connect-at").doesNotContain("x-connect-rt");
        var connection = list.json().get(0);
        assertThat(connection.path("provider").asString()).isEqualTo("x");
        assertThat(connection.path("username").asString()).isEqualTo("krustyco");
        assertThat(connection.path("accountType").asString()).isEqualTo("company");
        x.assertRequestsValid();
    }
}
