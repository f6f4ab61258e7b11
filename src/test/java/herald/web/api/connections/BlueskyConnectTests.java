package herald.web.api.connections;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.connections.AccessTokens;
import herald.connections.AppPasswordConnects;
import herald.connections.BlueskyTestBase;
import herald.connections.ConnectFlow;
import herald.connections.ConnectRefused;
import herald.connections.Connection;
import herald.connections.ConnectionStatus;
import herald.connections.Connections;
import herald.identity.ApiKeyScope;
import herald.identity.ApiKeys;
import herald.shared.InvalidInput;
import herald.shared.LimitReached;
import herald.shared.WorkspaceId;
import herald.tenancy.SignUp;
import herald.vault.Secret;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Connecting Bluesky accounts with an app password, through {@link AppPasswordConnects} and the connection API, against
 * a WireMock Bluesky: the session's tokens are stored sealed and renewed (both rotate), the password is kept nowhere, a
 * refusal stores nothing, a reconnect must be the same account, and the plan is checked before the platform is called.
 */
class BlueskyConnectTests extends BlueskyTestBase {

    @LocalServerPort
    int port;

    @Autowired
    Connections connections;

    @Autowired
    AccessTokens tokens;

    @Autowired
    ApiKeys apiKeys;

    SignUp.Result owner;
    WorkspaceId workspace;

    @BeforeEach
    void workspace() {
        owner = owner("pro");
        workspace = owner.workspace().orElseThrow().id();
    }

    @Test
    void signingInStoresTheSessionSealedAndForgetsThePassword() {
        Account krusty = Account.fresh("krusty");
        krusty.signsIn();

        Connection connection = signIn(workspace, krusty.handle(), null);

        assertThat(connection.provider()).isEqualTo("bluesky");
        assertThat(connection.externalId()).isEqualTo(krusty.did());
        assertThat(connection.username()).isEqualTo(krusty.handle());
        assertThat(connection.label()).isEqualTo("Krusty " + krusty.tag());
        assertThat(connection.expiresAt()).isEqualTo(krusty.expiresAt());
        assertThat(tokens.withAccessToken(workspace, connection.id(), Secret::reveal))
                .isEqualTo(krusty.access());
        bluesky.verify(postRequestedFor(urlPathEqualTo("/xrpc/com.atproto.server.createSession"))
                .withRequestBody(
                        equalToJson("{\"identifier\":\"" + krusty.handle() + "\",\"password\":\"" + PASSWORD + "\"}")));
        assertThat(count(
                        workspace,
                        "select count(*) from connections where position(convert_to('" + krusty.access()
                                + "', 'UTF8') in access_token) > 0"))
                .as("the access token is sealed, not stored as written")
                .isZero();
        assertThat(count(
                        workspace,
                        "select count(*) from audit_events where details::text like '%" + PASSWORD
                                + "%' or details::text" + " like '%" + krusty.access() + "%'"))
                .as("neither the password nor a token reaches the audit log")
                .isZero();
        assertThat(count(
                        workspace,
                        "select count(*) from audit_events where action = 'connection.connected' and details->>'account' = '@"
                                + krusty.handle() + "'"))
                .isEqualTo(1);
    }

    @Test
    void anExpiredSessionIsRenewedAndBothTokensRotate() {
        Account krusty = Account.fresh("renew");
        krusty.signsIn();
        Connection connection = signIn(workspace, krusty.handle(), null);
        Account renewed = krusty.renewed();
        bluesky.stubFor(post(urlPathEqualTo("/xrpc/com.atproto.server.refreshSession"))
                .withHeader("Authorization", equalTo("Bearer " + krusty.refresh()))
                .willReturn(okJson(renewed.session())));

        expire(connection);

        assertThat(tokens.withAccessToken(workspace, connection.id(), Secret::reveal))
                .isEqualTo(renewed.access());
        assertThat(connections.require(workspace, connection.id()).expiresAt()).isEqualTo(renewed.expiresAt());
        Account again = renewed.renewed();
        bluesky.stubFor(post(urlPathEqualTo("/xrpc/com.atproto.server.refreshSession"))
                .withHeader("Authorization", equalTo("Bearer " + renewed.refresh()))
                .willReturn(okJson(again.session())));
        expire(connection);
        assertThat(tokens.withAccessToken(workspace, connection.id(), Secret::reveal))
                .as("the second renewal presents the rotated refresh token")
                .isEqualTo(again.access());
    }

    @Test
    void aRefusedPasswordStoresNothingAndSaysWhatToDo() {
        bluesky.stubFor(post(urlPathEqualTo("/xrpc/com.atproto.server.createSession"))
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"AuthenticationRequired\",\"message\":\"Invalid identifier or"
                                + " password\"}")));

        assertThatThrownBy(() -> signIn(workspace, "nobody.bsky.social", null))
                .isInstanceOf(ConnectRefused.class)
                .hasMessageStartingWith("Connecting to Bluesky failed:")
                .hasMessageContaining("app password")
                .hasMessageEndingWith("Nothing was connected.")
                .hasMessageNotContaining(PASSWORD);
        assertThat(count(workspace, "select count(*) from connections")).isZero();
    }

    @Test
    void aReconnectMustBeTheSameAccountAndAnotherOnesSessionIsClosed() {
        Account krusty = Account.fresh("same");
        krusty.signsIn();
        Connection connection = signIn(workspace, krusty.handle(), null);
        update(
                workspace,
                "update connections set status = 'needs_reconnect', status_reason = 'revoked' where id = ?",
                connection.id().value());
        Account other = Account.fresh("other");
        other.signsIn();
        bluesky.stubFor(post(urlPathEqualTo("/xrpc/com.atproto.server.deleteSession"))
                .willReturn(aResponse().withStatus(200)));

        assertThatThrownBy(() -> signIn(workspace, other.handle(), connection.id()))
                .isInstanceOf(ConnectRefused.class)
                .hasMessageContaining(
                        "You signed in as @" + other.handle() + ", which is not the account being" + " reconnected");
        bluesky.verify(postRequestedFor(urlPathEqualTo("/xrpc/com.atproto.server.deleteSession"))
                .withHeader("Authorization", equalTo("Bearer " + other.refresh())));
        assertThat(connections.require(workspace, connection.id()).status())
                .isEqualTo(ConnectionStatus.NEEDS_RECONNECT);

        Account again = krusty.renewed();
        again.signsIn();
        Connection reconnected = signIn(workspace, "@" + krusty.handle().toUpperCase(), connection.id());
        assertThat(reconnected.id()).isEqualTo(connection.id());
        assertThat(reconnected.status()).isEqualTo(ConnectionStatus.ACTIVE);
        assertThat(tokens.withAccessToken(workspace, connection.id(), Secret::reveal))
                .isEqualTo(again.access());
        assertThat(count(workspace, "select count(*) from connections")).isEqualTo(1);
    }

    @Test
    void aFullPlanIsRefusedBeforeThePlatformIsAsked() {
        SignUp.Result single = owner("single");
        WorkspaceId small = single.workspace().orElseThrow().id();
        Account first = Account.fresh("first");
        first.signsIn();
        signIn(small, first.handle(), null);
        bluesky.resetRequests();

        assertThatThrownBy(() -> signIn(small, "second.bsky.social", null))
                .isInstanceOf(LimitReached.class)
                .hasMessageContaining("allows 1 connected account");
        bluesky.verify(0, postRequestedFor(urlPathEqualTo("/xrpc/com.atproto.server.createSession")));
    }

    @Test
    void onlyAppPasswordPlatformsTakeAPasswordAndAHandleMustBeOne() {
        assertThatThrownBy(() -> signIn(workspace, "krusty", null, "sandbox"))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("connect with an app password: bluesky");
        assertThatThrownBy(() -> signIn(workspace, "two words", null))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("handle");
        assertThatThrownBy(() -> connects.connect(
                        workspace,
                        new AppPasswordConnects.SignIn(
                                "bluesky", "krusty.bsky.social", Secret.of(" "), ConnectFlow.UI, null)))
                .isInstanceOf(InvalidInput.class)
                .hasMessageContaining("app password");
        bluesky.verify(0, postRequestedFor(urlPathEqualTo("/xrpc/com.atproto.server.createSession")));
    }

    @Test
    void theApiConnectsWithAnAppPasswordAndNeverAnswersIt() {
        Http http = new Http(port);
        String admin = apiKeys.create(
                        workspace,
                        "k " + UUID.randomUUID(),
                        Set.of(ApiKeyScope.ADMIN),
                        null,
                        owner.user().id())
                .token();
        String reader = apiKeys.create(
                        workspace,
                        "r " + UUID.randomUUID(),
                        Set.of(ApiKeyScope.READ),
                        null,
                        owner.user().id())
                .token();
        String path = "/api/v1/workspaces/" + workspace + "/connections";
        Account krusty = Account.fresh("api");
        krusty.signsIn();
        String body = "{\"provider\":\"bluesky\",\"identifier\":\"" + krusty.handle() + "\",\"appPassword\":\""
                + PASSWORD + "\"}";

        assertThat(http.post(path + "/app-password-sign-ins", reader, body).status())
                .as("connecting needs the admin scope")
                .isEqualTo(403);
        var created = http.post(path + "/app-password-sign-ins", admin, body);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("provider").asString()).isEqualTo("bluesky");
        assertThat(created.json().path("username").asString()).isEqualTo(krusty.handle());
        assertThat(created.body()).doesNotContain(PASSWORD).doesNotContain(krusty.access());

        var platforms = http.get(path + "/platforms", admin).json();
        assertThat(platforms
                        .valueStream()
                        .filter(p -> p.path("id").asString().equals("bluesky"))
                        .map(p -> p.path("connectMethod").asString()))
                .containsExactly("app_password");

        bluesky.stubFor(post(urlPathEqualTo("/xrpc/com.atproto.server.createSession"))
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"AuthenticationRequired\",\"message\":\"Invalid identifier or"
                                + " password\"}")));
        var refused = http.post(
                path + "/app-password-sign-ins", admin, body.replace(krusty.handle(), "someone-else.bsky.social"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.problemType()).isEqualTo("connect-refused");
        assertThat(refused.json().path("reason").asString()).isEqualTo("provider_failed");
        assertThat(refused.body()).doesNotContain(PASSWORD);

        var blank =
                http.post(path + "/app-password-sign-ins", admin, "{\"provider\":\"bluesky\",\"identifier\":\"x\"}");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.problemType()).isEqualTo("invalid-input");
    }

    private void expire(Connection connection) {
        update(
                workspace,
                "update connections set expires_at = now() - interval '1 minute' where id = ?",
                connection.id().value());
    }
}
