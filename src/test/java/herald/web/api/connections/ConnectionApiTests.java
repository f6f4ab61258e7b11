package herald.web.api.connections;

import static org.assertj.core.api.Assertions.assertThat;

import herald.connections.ConnectionsTestBase;
import herald.connections.SandboxStub;
import herald.connections.SandboxStub.Account;
import herald.identity.ApiKeyScope;
import herald.identity.ApiKeys;
import herald.shared.WorkspaceId;
import herald.tenancy.SignUp;
import java.net.URI;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The connection API over HTTP, with the Sandbox played by WireMock. */
class ConnectionApiTests extends ConnectionsTestBase {

    static final String OPERATOR = "test-operator-token";

    @LocalServerPort
    int port;

    @Autowired
    ApiKeys apiKeys;

    Http http;
    WorkspaceId workspace;
    String admin;
    String path;

    @BeforeEach
    void workspace() {
        http = new Http(port);
        SignUp.Result owner = owner("pro");
        workspace = owner.workspace().orElseThrow().id();
        admin = key(owner, ApiKeyScope.ADMIN);
        path = "/api/v1/workspaces/" + workspace + "/connections";
    }

    String key(SignUp.Result owner, ApiKeyScope scope) {
        return apiKeys.create(
                        owner.workspace().orElseThrow().id(),
                        "k " + UUID.randomUUID(),
                        Set.of(scope),
                        null,
                        owner.user().id())
                .token();
    }

    /** Starts over the API, consents as the platform would, and lands on the callback with no Herald session. */
    Http.Response connect(String token, String base, Account... accounts) {
        var started =
                http.post(base + "/oauth-sessions", token, "{\"provider\":\"sandbox\",\"accountType\":\"company\"}");
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        URI authorize = URI.create(started.json().path("authorizationUrl").asString());
        String state = SandboxStub.query(authorize).get("state");
        assertThat(started.json().path("state").asString()).isEqualTo(state);
        String code = "code-" + UUID.randomUUID();
        SandboxStub.consent(code, accounts);
        return http.get("/connections/callback/sandbox?state=" + state + "&code=" + code, null);
    }

    @Test
    void anApiClientConnectsWithoutABrowserSessionAndNeverSeesATokenAgain() {
        Account krusty = Account.fresh("krusty");

        var callback = connect(admin, path, krusty);

        assertThat(callback.status()).as(callback.toString()).isEqualTo(200);
        assertThat(callback.body()).contains("Connected @krusty").contains("You can close this window");
        var list = http.get(path, admin);
        assertThat(list.status()).isEqualTo(200);
        JsonNode first = list.json().get(0);
        assertThat(first.path("username").asString()).isEqualTo("krusty");
        assertThat(first.path("provider").asString()).isEqualTo("sandbox");
        assertThat(first.path("accountType").asString()).isEqualTo("company");
        assertThat(first.path("status").asString()).isEqualTo("active");
        assertThat(first.path("expiresAt").isMissingNode()).isFalse();
        String id = first.path("id").asString();
        var one = http.get(path + "/" + id, admin);
        var health = http.get(path + "/" + id + "/health", admin);
        var history = http.get(path + "/" + id + "/refresh-history", admin);
        assertThat(health.json().path("state").asString()).isEqualTo("valid");
        assertThat(health.json().path("refreshable").asBoolean()).isTrue();
        assertThat(history.json().isArray()).isTrue();
        for (var response : java.util.List.of(callback, list, one, health, history)) {
            assertThat(response.body()).doesNotContain(krusty.accessToken()).doesNotContain(krusty.refreshToken());
        }
    }

    @Test
    void renamesAndDisconnects() {
        SandboxStub.revokeAccepted();
        connect(admin, path, Account.fresh("renamed"));
        String id = http.get(path, admin).json().get(0).path("id").asString();

        var renamed = http.send("PATCH", path + "/" + id, admin, "{\"label\":\"Main account\"}");
        assertThat(renamed.json().path("label").asString())
                .as(renamed.toString())
                .isEqualTo("Main account");
        var gone = http.send("DELETE", path + "/" + id, admin, null);
        assertThat(gone.status()).as(gone.toString()).isEqualTo(200);
        assertThat(gone.json().path("status").asString()).isEqualTo("disconnected");
        assertThat(http.get(path + "/" + id + "/health", admin)
                        .json()
                        .path("state")
                        .asString())
                .isEqualTo("disconnected");
        var blank = http.send("PATCH", path + "/" + id, admin, "{\"label\":\"\"}");
        assertThat(blank.status()).isEqualTo(400);
    }

    @Test
    void anUnknownProviderOrAccountTypeIsAProblemNamingTheField() {
        var unknown =
                http.post(path + "/oauth-sessions", admin, "{\"provider\":\"myspace\",\"accountType\":\"company\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.problemType()).isEqualTo("invalid-input");
        assertThat(unknown.json().path("errors").get(0).path("field").asString())
                .isEqualTo("provider");
        assertThat(unknown.json().path("detail").asString()).contains("myspace").contains("sandbox");
        var type = http.post(path + "/oauth-sessions", admin, "{\"provider\":\"sandbox\",\"accountType\":\"pet\"}");
        assertThat(type.json().path("errors").get(0).path("field").asString()).isEqualTo("accountType");
        var noConsent =
                http.post(path + "/oauth-sessions", admin, "{\"provider\":\"bluesky\",\"accountType\":\"personal\"}");
        assertThat(noConsent.status()).as("Bluesky has no consent to start").isEqualTo(400);
        assertThat(noConsent.json().path("errors").get(0).path("field").asString())
                .isEqualTo("provider");
        assertThat(noConsent.json().path("detail").asString()).contains("app password");
    }

    @Test
    void thePlanLimitIsAProblemBeforeAnyRoundTrip() {
        SignUp.Result small = owner("single");
        String token = key(small, ApiKeyScope.ADMIN);
        String base = "/api/v1/workspaces/" + small.workspace().orElseThrow().id() + "/connections";
        connect(token, base, Account.fresh("one"));

        var refused =
                http.post(base + "/oauth-sessions", token, "{\"provider\":\"sandbox\",\"accountType\":\"company\"}");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.problemType()).isEqualTo("plan-limit");
        assertThat(refused.json().path("limit").asString()).isEqualTo("connections");
    }

    @Test
    void anotherWorkspacesConnectionIsNotFoundWhateverTheRoute() {
        connect(admin, path, Account.fresh("theirs"));
        String id = http.get(path, admin).json().get(0).path("id").asString();
        SignUp.Result other = owner("pro");
        String otherKey = key(other, ApiKeyScope.ADMIN);
        String otherPath =
                "/api/v1/workspaces/" + other.workspace().orElseThrow().id() + "/connections/" + id;

        for (var response : java.util.List.of(
                http.get(otherPath, otherKey),
                http.get(otherPath + "/health", otherKey),
                http.get(otherPath + "/refresh-history", otherKey),
                http.send("PATCH", otherPath, otherKey, "{\"label\":\"mine now\"}"),
                http.send("DELETE", otherPath, otherKey, null),
                http.get(path + "/" + id, otherKey))) {
            assertThat(response.status()).as(response.toString()).isEqualTo(404);
            assertThat(response.problemType()).isEqualTo("not-found");
        }
        assertThat(http.get(path + "/" + id, admin).json().path("status").asString())
                .isEqualTo("active");
        assertThat(http.get(path + "/" + UUID.randomUUID(), admin).status()).isEqualTo(404);
    }

    @Test
    void onlyAdminKeysConnectOrDisconnect() {
        SignUp.Result owner = owner("pro");
        String reader = key(owner, ApiKeyScope.READ);
        String base = "/api/v1/workspaces/" + owner.workspace().orElseThrow().id() + "/connections";
        var refused =
                http.post(base + "/oauth-sessions", reader, "{\"provider\":\"sandbox\",\"accountType\":\"company\"}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.problemType()).isEqualTo("insufficient-scope");
        assertThat(http.get(base, reader).status()).isEqualTo(200);
    }

    @Test
    void aReplayedStartDoesNotShowTheUrlAgain() {
        String key = "start-" + UUID.randomUUID();
        String body = "{\"provider\":\"sandbox\",\"accountType\":\"personal\"}";
        var first = http.post(path + "/oauth-sessions", admin, body, "Idempotency-Key", key);
        var replay = http.post(path + "/oauth-sessions", admin, body, "Idempotency-Key", key);
        assertThat(first.json().path("authorizationUrl").asString()).startsWith("http");
        assertThat(replay.headers().firstValue("Idempotency-Replayed")).contains("true");
        assertThat(replay.json().path("authorizationUrl").isNull())
                .as(replay.toString())
                .isTrue();
        assertThat(replay.body()).doesNotContain(first.json().path("state").asString());
    }

    @Test
    void theCallbackExplainsARefusalAndStoresNothing() {
        var forged = http.get("/connections/callback/sandbox?state=forged&code=x", null);
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.body()).contains("not valid");

        var started =
                http.post(path + "/oauth-sessions", admin, "{\"provider\":\"sandbox\",\"accountType\":\"company\"}");
        String state = SandboxStub.query(
                        URI.create(started.json().path("authorizationUrl").asString()))
                .get("state");
        var denied = http.get("/connections/callback/sandbox?error=access_denied&state=" + state, null);
        assertThat(denied.status()).isEqualTo(400);
        assertThat(denied.body()).contains("declined").contains("nothing was connected");
        assertThat(http.get(path, admin).json().size()).isZero();
    }

    @Test
    void theOperatorSeesAWorkspacesConnectionsAndThoseExpiringSoon() {
        connect(admin, path, Account.fresh("watched"));
        String id = http.get(path, admin).json().get(0).path("id").asString();
        update(workspace, "update connections set expires_at = now() + interval '20 minutes'");

        var listed = http.get("/api/v1/operator/connections/workspaces/" + workspace, OPERATOR);
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.json().get(0).path("id").asString()).isEqualTo(id);
        var expiring = http.get("/api/v1/operator/connections/expiring?within=PT30M&limit=1000", OPERATOR);
        assertThat(expiring.status()).as(expiring.toString()).isEqualTo(200);
        assertThat(expiring.body()).contains(id).contains(workspace.toString());
        assertThat(http.get("/api/v1/operator/connections/expiring?within=PT1M&limit=1000", OPERATOR)
                        .body())
                .doesNotContain(id);
        assertThat(http.get("/api/v1/operator/connections/expiring?within=soon", OPERATOR)
                        .status())
                .isEqualTo(400);
        var byKey = http.get("/api/v1/operator/connections/workspaces/" + workspace, admin);
        assertThat(byKey.status()).as("an API key is no operator").isEqualTo(401);
        assertThat(http.get("/api/v1/operator/connections/workspaces/" + UUID.randomUUID(), OPERATOR)
                        .status())
                .isEqualTo(404);
    }
}
