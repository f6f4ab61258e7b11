package herald.web.api.connections;

import static org.assertj.core.api.Assertions.assertThat;

import herald.connections.AccessTokens;
import herald.connections.ConnectionId;
import herald.connections.ConnectionsTestBase;
import herald.connections.SandboxStub;
import herald.connections.SandboxStub.Account;
import herald.identity.ApiKeyScope;
import herald.identity.ApiKeys;
import herald.shared.WorkspaceId;
import herald.tenancy.SignUp;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Connect, refresh, use, fail and disconnect, capturing every log line and every response: no token Herald was given
 * appears anywhere but inside the function that uses it.
 */
@ExtendWith(OutputCaptureExtension.class)
class TokenLeakTests extends ConnectionsTestBase {

    @LocalServerPort
    int port;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    AccessTokens tokens;

    @Test
    void noTokenAppearsInLogsResponsesOrTheAuditLog(CapturedOutput output) {
        Http http = new Http(port);
        SignUp.Result owner = owner("pro");
        WorkspaceId workspace = owner.workspace().orElseThrow().id();
        String admin = apiKeys.create(
                        workspace,
                        "leak",
                        Set.of(ApiKeyScope.ADMIN),
                        null,
                        owner.user().id())
                .token();
        String path = "/api/v1/workspaces/" + workspace;
        List<Http.Response> responses = new ArrayList<>();
        Account account = Account.fresh("leaky");

        var started = http.post(
                path + "/connections/oauth-sessions", admin, "{\"provider\":\"sandbox\",\"accountType\":\"personal\"}");
        String state = SandboxStub.query(
                        URI.create(started.json().path("authorizationUrl").asString()))
                .get("state");
        String code = "code-" + UUID.randomUUID();
        SandboxStub.consent(code, account);
        responses.add(http.get("/connections/callback/sandbox?state=" + state + "&code=" + code, null));
        responses.add(http.get("/connections/callback/sandbox?state=" + state + "&code=" + code, null));
        var list = http.get(path + "/connections", admin);
        responses.add(list);
        ConnectionId id = ConnectionId.of(list.json().get(0).path("id").asString());

        update(workspace, "update connections set expires_at = now() - interval '1 minute'");
        String refreshed = "at-refreshed-" + UUID.randomUUID();
        String rotated = "rt-rotated-" + UUID.randomUUID();
        SandboxStub.refreshes(account.refreshToken(), refreshed, rotated, 0);
        assertThat(tokens.<String>withAccessToken(workspace, id, herald.vault.Secret::reveal))
                .isEqualTo(refreshed);
        update(workspace, "update connections set expires_at = now() - interval '1 minute'");
        SandboxStub.tokenEndpointAnswers(
                "refresh_token=" + rotated, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"revoked\"}");
        try {
            tokens.withAccessToken(workspace, id, herald.vault.Secret::reveal);
        } catch (RuntimeException expected) {
            assertThat(expected.toString()).doesNotContain(rotated).doesNotContain(refreshed);
        }
        responses.add(http.get(path + "/connections/" + id, admin));
        responses.add(http.get(path + "/connections/" + id + "/health", admin));
        responses.add(http.get(path + "/connections/" + id + "/refresh-history", admin));
        responses.add(http.get(path + "/audit-events?limit=100", admin));
        responses.add(http.send("DELETE", path + "/connections/" + id, admin, null));

        List<String> secrets = List.of(
                account.accessToken(),
                account.refreshToken(),
                refreshed,
                rotated,
                "user-at-" + code,
                "user-rt-" + code);
        assertThat(responses).allSatisfy(response -> {
            for (String secret : secrets) {
                assertThat(response.body()).as(response.toString()).doesNotContain(secret);
                assertThat(response.headers().toString()).doesNotContain(secret);
            }
        });
        assertThat(responses.get(6).body())
                .as(responses.get(6).toString())
                .contains("connection.connected")
                .contains("connection.needs_reconnect");
        for (String secret : secrets) {
            assertThat(output.getAll()).doesNotContain(secret);
        }
        assertThat(state).isNotBlank();
    }
}
