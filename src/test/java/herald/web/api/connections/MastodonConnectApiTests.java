package herald.web.api.connections;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import herald.connections.AccessTokens;
import herald.connections.Connection;
import herald.connections.Connections;
import herald.connections.MastodonTestBase;
import herald.identity.ApiKeyScope;
import herald.identity.ApiKeys;
import herald.shared.WorkspaceId;
import herald.tenancy.SignUp;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Connecting Mastodon accounts through the connection API against a WireMock Mastodon server on this machine (a local
 * server the test configuration allows): Herald registers itself at the server the person names once and reuses that
 * client, the consent's code is exchanged at that server with the PKCE verifier, the account is stored with its server
 * in its handle, and a server that is no Mastodon, or one Herald may not call, is refused before anything is stored.
 */
class MastodonConnectApiTests extends MastodonTestBase {

    @LocalServerPort
    int port;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    AccessTokens tokens;

    @Autowired
    Connections connections;

    Http http;
    SignUp.Result owner;
    WorkspaceId workspace;
    String admin;
    String path;

    @BeforeEach
    void workspace() {
        http = new Http(port);
        owner = owner("pro");
        workspace = owner.workspace().orElseThrow().id();
        admin = apiKeys.create(
                        workspace,
                        "k " + UUID.randomUUID(),
                        Set.of(ApiKeyScope.ADMIN, ApiKeyScope.WRITE),
                        null,
                        owner.user().id())
                .token();
        path = "/api/v1/workspaces/" + workspace + "/connections";
    }

    @Test
    void heraldRegistersAtTheNamedServerOnceAndConnectsTheAccountThatConsented() {
        String secret = "client-secret-" + UUID.randomUUID();
        registers("herald-client", secret);
        String access = "access-" + UUID.randomUUID();
        consents(access, "109371", "krusty");

        var started = start("https://" + server() + "/@krusty");

        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        URI authorize = URI.create(started.json().path("authorizationUrl").asString());
        assertThat(authorize.getScheme() + "://" + authorize.getAuthority() + authorize.getPath())
                .isEqualTo("http://" + server() + "/oauth/authorize");
        Map<String, String> query = query(authorize.getRawQuery());
        assertThat(query)
                .containsEntry("response_type", "code")
                .containsEntry("client_id", "herald-client")
                .containsEntry("code_challenge_method", "S256")
                .containsKey("code_challenge");
        assertThat(query.get("redirect_uri")).endsWith("/connections/callback/mastodon");
        assertThat(query.get("scope").split(" ")).contains("write:statuses", "write:media");
        mastodon.verify(
                1,
                postRequestedFor(urlPathEqualTo("/api/v1/apps"))
                        .withRequestBody(containing("redirect_uris="
                                + java.net.URLEncoder.encode(query.get("redirect_uri"), StandardCharsets.UTF_8))));

        var callback = http.get("/connections/callback/mastodon?state=" + query.get("state") + "&code=abc", null);

        assertThat(callback.status()).as(callback.toString()).isEqualTo(200);
        assertThat(callback.body()).contains("Connected @krusty@" + server());
        mastodon.verify(postRequestedFor(urlPathEqualTo("/oauth/token"))
                .withRequestBody(containing("grant_type=authorization_code"))
                .withRequestBody(containing("code=abc"))
                .withRequestBody(containing("client_id=herald-client"))
                .withRequestBody(containing("client_secret=" + secret))
                .withRequestBody(containing("code_verifier=")));
        Connection connection = connections.list(workspace).getFirst();
        assertThat(connection.provider()).isEqualTo("mastodon");
        assertThat(connection.username()).isEqualTo("krusty@" + server());
        assertThat(connection.externalId()).isEqualTo("109371@" + server());
        assertThat(connection.label()).isEqualTo("krusty on Mastodon");
        assertThat(connection.expiresAt()).as("Mastodon's tokens do not expire").isNull();
        assertThat(count(
                        workspace,
                        "select count(*) from connections where position(convert_to('" + access
                                + "', 'UTF8') in access_token) > 0"))
                .as("the access token is sealed")
                .isZero();
        assertThat(jdbc.sql("select count(*) from server_clients where provider = 'mastodon' and server = :server"
                                + " and position(convert_to(:secret, 'UTF8') in client_secret) = 0")
                        .param("server", server())
                        .param("secret", secret)
                        .query(Long.class)
                        .single())
                .as("Herald's client at the server is kept once, its secret sealed")
                .isEqualTo(1);
        assertThat(callback.body()).doesNotContain(access).doesNotContain(secret);

        var again = start(server());

        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(query(URI.create(again.json().path("authorizationUrl").asString())
                        .getRawQuery()))
                .containsEntry("client_id", "herald-client");
        mastodon.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/apps")));

        String post = "{\"body\":\"%s\",\"targets\":[{\"connectionId\":\"" + connection.id()
                + "\"}],\"scheduledAt\":\"2099-05-01T12:00\",\"timezone\":\"Europe/Berlin\"}";
        var fits = http.post("/api/v1/workspaces/" + workspace + "/posts", admin, post.formatted("a".repeat(700)));
        assertThat(fits.status())
                .as("700 characters on a server that takes 1,000: " + fits)
                .isEqualTo(201);
        var tooLong = http.post("/api/v1/workspaces/" + workspace + "/posts", admin, post.formatted("a".repeat(1001)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("1001 of 1000 characters");

        var platforms = http.get(path + "/platforms", admin).json();
        assertThat(platforms
                        .valueStream()
                        .filter(p -> p.path("id").asString().equals("mastodon"))
                        .map(p -> p.path("connectMethod").asString()))
                .containsExactly("server_oauth");
    }

    @Test
    void aServerThatIsNoMastodonOrThatHeraldMayNotCallIsRefusedBeforeAnythingIsStored() {
        for (String named : new String[] {"", "10.20.30.40", "192.168.1.1:8080", "not a host!"}) {
            var refused = start(named);
            assertThat(refused.status()).as(named + ": " + refused).isEqualTo(400);
            assertThat(refused.problemType()).isEqualTo("invalid-input");
            assertThat(refused.json().path("errors").get(0).path("field").asString())
                    .isEqualTo("server");
        }

        mastodon.stubFor(get(urlPathEqualTo("/api/v2/instance"))
                .willReturn(aResponse().withStatus(404).withBody("<html>Not found</html>")));
        var notMastodon = start(server());
        assertThat(notMastodon.status()).as(notMastodon.toString()).isEqualTo(400);
        assertThat(notMastodon.json().path("errors").get(0).path("message").asString())
                .contains("Mastodon");
        mastodon.verify(getRequestedFor(urlPathEqualTo("/api/v2/instance")));
        mastodon.verify(0, postRequestedFor(urlPathEqualTo("/api/v1/apps")));
        assertThat(count(workspace, "select count(*) from oauth_states"))
                .as("no connect was started")
                .isZero();
    }

    private Http.Response start(String server) {
        return http.post(
                path + "/oauth-sessions",
                admin,
                "{\"provider\":\"mastodon\",\"accountType\":\"personal\",\"server\":\"" + server + "\"}");
    }
}
