package herald.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.Concurrently;
import herald.SandboxConsent;
import herald.TenantFixtures;
import herald.database.TenantScope;
import herald.identity.ApiKeyScope;
import herald.identity.ApiKeys;
import herald.shared.WorkspaceId;
import herald.tenancy.SignUp;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * End to end against the real Sandbox running inside Herald at /sandbox, over HTTP as a client and a person would:
 * Herald's public URL is its real address, so the Sandbox's registered redirect URI is Herald's callback.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ExtendWith(OutputCaptureExtension.class)
class SandboxEndToEndTests {

    static final int PORT = freePort();
    static final String BASE = "http://localhost:" + PORT;
    static final String ADMIN = "test-sandbox-admin-token";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void publicUrl(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("herald.public-url", () -> BASE);
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    AccessTokens tokens;

    @Autowired
    Connections connections;

    @Autowired
    TenantScope tenants;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    herald.vault.Vault vault;

    final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    WorkspaceId workspace;
    String key;

    static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void workspace() {
        SignUp.Result owner = TenantFixtures.of(context).signUp("E2E", "pro");
        workspace = owner.workspace().orElseThrow().id();
        key = apiKeys.create(
                        workspace,
                        "e2e",
                        Set.of(ApiKeyScope.ADMIN),
                        null,
                        owner.user().id())
                .token();
    }

    record Response(int status, String body, java.net.http.HttpHeaders headers) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    Response send(HttpRequest.Builder request) {
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Response api(String method, String path, String json) {
        var request = HttpRequest.newBuilder(URI.create(BASE + path))
                .header("Authorization", "Bearer " + key)
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request);
    }

    Response admin(String method, String path) {
        return send(HttpRequest.newBuilder(URI.create(BASE + "/sandbox/admin" + path))
                .header("X-Sandbox-Admin-Token", ADMIN)
                .method(method, HttpRequest.BodyPublishers.noBody()));
    }

    /** An API client's connect: start, the person approves on the Sandbox (no browser), the callback completes. */
    List<Response> connect(String handle, String reconnect) {
        List<Response> seen = new ArrayList<>();
        String body = reconnect == null
                ? "{\"provider\":\"sandbox\",\"accountType\":\"company\"}"
                : "{\"provider\":\"sandbox\",\"accountType\":\"company\",\"reconnectConnectionId\":\"" + reconnect
                        + "\"}";
        Response started = api("POST", "/api/v1/workspaces/" + workspace + "/connections/oauth-sessions", body);
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        seen.add(started);
        URI authorize = URI.create(started.json().path("authorizationUrl").asString());
        String encoded = SandboxConsent.approving(authorize, handle);
        Response approved = send(HttpRequest.newBuilder(URI.create(BASE + "/sandbox/oauth/authorize"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded)));
        assertThat(approved.status()).as(approved.body()).isEqualTo(302);
        String location = approved.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(BASE + "/connections/callback/sandbox?");
        Response callback = send(HttpRequest.newBuilder(URI.create(location)).GET());
        assertThat(callback.status()).as(callback.body()).isEqualTo(200);
        assertThat(callback.body()).contains("Connected @" + handle).contains("You can close this window");
        seen.add(approved);
        seen.add(callback);
        return seen;
    }

    ConnectionId connectionOf(String handle) {
        return connections.list(workspace).stream()
                .filter(c -> c.username().equals(handle))
                .findFirst()
                .orElseThrow()
                .id();
    }

    void expireInHerald() {
        tenants.run(workspace, () -> jdbc.sql("update connections set expires_at = now() - interval '1 minute'")
                .update());
    }

    /** Uses the token as a publisher would: who am I, at the Sandbox. */
    String whoAmI(ConnectionId id) {
        return tokens.withAccessToken(workspace, id, token -> {
            Response me = send(HttpRequest.newBuilder(URI.create(BASE + "/sandbox/api/me"))
                    .header("Authorization", "Bearer " + token.reveal()));
            assertThat(me.status()).as(me.body()).isEqualTo(200);
            return me.json().path("handle").asString();
        });
    }

    /** The refresh token Herald holds, opened here only to look for it in logs and responses. */
    String storedRefreshToken(ConnectionId id) {
        byte[] sealed = tenants.call(workspace, () -> jdbc.sql("select refresh_token from connections where id = ?")
                .param(id.value())
                .query(byte[].class)
                .single());
        return vault.open(Slots.refresh(workspace, id), sealed).reveal();
    }

    long refreshes(String handle) {
        return admin("GET", "/stats")
                .json()
                .path("refreshesByAccount")
                .path(handle)
                .asLong(0);
    }

    static String handle() {
        return "e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    @Test
    void anApiClientConnectsWithoutABrowserAndTheTokenWorks() {
        String handle = handle();
        connect(handle, null);
        assertThat(whoAmI(connectionOf(handle))).isEqualTo(handle);
    }

    @Test
    void fiftyConcurrentUsesOfAnExpiredTokenRefreshOnceAtTheSandbox() throws InterruptedException {
        String handle = handle();
        connect(handle, null);
        ConnectionId id = connectionOf(handle);
        admin("POST", "/accounts/" + handle + "/expire-tokens");
        expireInHerald();
        long before = refreshes(handle);
        List<Callable<String>> uses = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            uses.add(() -> whoAmI(id));
        }

        var outcomes = Concurrently.run(uses);

        assertThat(outcomes).allSatisfy(o -> {
            assertThat(o.failure()).isNull();
            assertThat(o.value()).isEqualTo(handle);
        });
        assertThat(refreshes(handle) - before).isEqualTo(1);
        assertThat(connections.require(workspace, id).status()).isEqualTo(ConnectionStatus.ACTIVE);
    }

    @Test
    void aTokenThePlatformRefusesAsExpiredIsRefreshedOnceAndTheCallMadeAgain() {
        String handle = handle();
        connect(handle, null);
        ConnectionId id = connectionOf(handle);
        admin("POST", "/accounts/" + handle + "/expire-tokens");
        long before = refreshes(handle);
        var sandbox = context.getBean(herald.providers.Providers.class)
                .find("sandbox")
                .orElseThrow();
        String text = "Fresh from the oven " + UUID.randomUUID();

        var published = tokens.withAccessToken(
                workspace,
                id,
                token -> sandbox.publish(token, new herald.providers.PublishRequest(handle, text, null)));

        Response listing =
                send(HttpRequest.newBuilder(URI.create(BASE + "/sandbox/api/accounts/" + handle + "/posts")));
        assertThat(listing.body()).contains(published.id()).contains(text);
        assertThat(refreshes(handle) - before)
                .as("Herald thought the token valid; the platform's refusal caused exactly one refresh")
                .isEqualTo(1);
        assertThat(connections.require(workspace, id).status()).isEqualTo(ConnectionStatus.ACTIVE);
    }

    @Test
    void aRevocationAtThePlatformNeedsAReconnectAndAReconnectRestores() {
        String handle = handle();
        connect(handle, null);
        ConnectionId id = connectionOf(handle);
        admin("POST", "/accounts/" + handle + "/revoke-tokens");
        expireInHerald();

        assertThatThrownBy(() -> whoAmI(id)).isInstanceOf(ConnectionNotActive.class);
        assertThat(connections.health(workspace, id).state()).isEqualTo(ConnectionHealth.State.NEEDS_RECONNECT);
        Response health = api("GET", "/api/v1/workspaces/" + workspace + "/connections/" + id + "/health", null);
        assertThat(health.json().path("state").asString()).isEqualTo("needs_reconnect");

        connect(handle, id.toString());

        assertThat(connections.require(workspace, id).status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(whoAmI(id)).isEqualTo(handle);
    }

    @Test
    void noTokenAppearsInLogsOrResponsesFromConnectThroughRefreshAndUse(CapturedOutput output) {
        String handle = handle();
        List<Response> responses = new ArrayList<>(connect(handle, null));
        ConnectionId id = connectionOf(handle);
        List<String> seenTokens = new ArrayList<>();
        tokens.withAccessToken(workspace, id, token -> seenTokens.add(token.reveal()));
        String firstRefresh = storedRefreshToken(id);
        expireInHerald();
        tokens.withAccessToken(workspace, id, token -> seenTokens.add(token.reveal()));
        String rotatedRefresh = storedRefreshToken(id);
        assertThat(rotatedRefresh).as("the Sandbox rotates refresh tokens").isNotEqualTo(firstRefresh);
        assertThat(whoAmI(id)).isEqualTo(handle);
        String path = "/api/v1/workspaces/" + workspace;
        responses.add(api("GET", path + "/connections", null));
        responses.add(api("GET", path + "/connections/" + id + "/health", null));
        responses.add(api("GET", path + "/connections/" + id + "/refresh-history", null));
        responses.add(api("GET", path + "/audit-events?limit=100", null));
        assertThat(seenTokens).hasSize(2).doesNotHaveDuplicates();
        seenTokens.add(firstRefresh);
        seenTokens.add(rotatedRefresh);
        for (String token : seenTokens) {
            for (Response response : responses) {
                assertThat(response.body()).doesNotContain(token);
                assertThat(response.headers().toString()).doesNotContain(token);
            }
            assertThat(output.getAll()).doesNotContain(token);
        }
    }
}
