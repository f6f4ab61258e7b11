package herald.providers.linkedin;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.connections.AccessTokens;
import herald.connections.ConnectFlow;
import herald.connections.Connection;
import herald.connections.ConnectionHealth;
import herald.connections.ConnectionId;
import herald.connections.ConnectionStatus;
import herald.connections.Connections;
import herald.connections.ConnectionsTestBase;
import herald.connections.Initiator;
import herald.connections.OAuthFlows;
import herald.connections.OAuthSession;
import herald.providers.WireMockPlatform;
import herald.shared.UserId;
import herald.shared.WorkspaceId;
import herald.tenancy.SignUp;
import herald.vault.Secret;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A LinkedIn connection through Herald's connections module against a WireMock LinkedIn: a grant without a refresh
 * token is held as not refreshable and asks for a reconnect when its 60 days are over; one with a refresh token is
 * refreshed with the client secret in the form.
 */
class LinkedInConnectionLifecycleTests extends ConnectionsTestBase {

    static final WireMockPlatform linkedin = new WireMockPlatform().running();

    @DynamicPropertySource
    static void linkedIn(DynamicPropertyRegistry registry) {
        registry.add("herald.providers.linkedin.client-id", () -> "li-client");
        registry.add("herald.providers.linkedin.client-secret", () -> "li-s3cret");
        registry.add("herald.providers.linkedin.version", () -> LinkedInStub.VERSION);
        registry.add(
                "herald.providers.linkedin.authorization-url", () -> linkedin.baseUrl() + "/oauth/v2/authorization");
        registry.add("herald.providers.linkedin.token-url", () -> linkedin.baseUrl() + "/oauth/v2/accessToken");
        registry.add("herald.providers.linkedin.revoke-url", () -> linkedin.baseUrl() + "/oauth/v2/revoke");
        registry.add("herald.providers.linkedin.api-url", linkedin::baseUrl);
    }

    @AfterAll
    static void stop() {
        linkedin.stop();
    }

    @Autowired
    OAuthFlows flows;

    @Autowired
    Connections connections;

    @Autowired
    AccessTokens tokens;

    WorkspaceId workspace;
    UserId user;

    @BeforeEach
    void workspace() {
        SignUp.Result owner = owner("pro");
        workspace = owner.workspace().orElseThrow().id();
        user = owner.user().id();
    }

    @Test
    void aGrantWithoutARefreshTokenIsNotRefreshableAndAsksForAReconnectOnceExpired() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Connection connection = connect("at-" + tag, null, "sub" + tag);

        assertThat(connection.username()).isEqualTo("sub" + tag);
        assertThat(connection.externalId()).isEqualTo("urn:li:person:sub" + tag);
        assertThat(connection.displayName()).isEqualTo("Ada " + tag);
        assertThat(connection.expiresAt())
                .isBetween(
                        Instant.now().plus(Duration.ofDays(59)), Instant.now().plus(Duration.ofDays(61)));
        ConnectionHealth health = connections.health(workspace, connection.id());
        assertThat(health.refreshable()).isFalse();
        assertThat(health.state()).isEqualTo(ConnectionHealth.State.VALID);
        assertThat(tokens.withAccessToken(workspace, connection.id(), Secret::reveal))
                .isEqualTo("at-" + tag);

        expire(connection.id());

        assertThatThrownBy(() -> tokens.withAccessToken(workspace, connection.id(), Secret::reveal))
                .hasMessageContaining("reconnect");
        Connection after = connections.require(workspace, connection.id());
        assertThat(after.status()).isEqualTo(ConnectionStatus.NEEDS_RECONNECT);
        assertThat(after.statusReason()).isEqualTo("The token expired and LinkedIn gave Herald no way to refresh it.");
        linkedin.verify(
                0,
                postRequestedFor(urlEqualTo("/oauth/v2/accessToken"))
                        .withRequestBody(containing("grant_type=refresh_token")));
    }

    @Test
    void aGrantWithARefreshTokenIsRefreshedAheadOfExpiry() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Connection connection = connect("at-" + tag, "rt-" + tag, "sub" + tag);
        assertThat(connections.health(workspace, connection.id()).refreshable()).isTrue();
        linkedin.stubFor(post("/oauth/v2/accessToken")
                .withRequestBody(containing("refresh_token=rt-" + tag))
                .willReturn(okJson(LinkedInStub.token("at2-" + tag, "rt-" + tag))));

        expire(connection.id());

        assertThat(tokens.withAccessToken(workspace, connection.id(), Secret::reveal))
                .isEqualTo("at2-" + tag);
        linkedin.verify(postRequestedFor(urlEqualTo("/oauth/v2/accessToken"))
                .withFormParam("grant_type", equalTo("refresh_token"))
                .withFormParam("refresh_token", equalTo("rt-" + tag))
                .withFormParam("client_id", equalTo("li-client"))
                .withFormParam("client_secret", equalTo("li-s3cret")));
        assertThat(connections.require(workspace, connection.id()).status()).isEqualTo(ConnectionStatus.ACTIVE);
    }

    @Test
    void aTokenThatCannotBeRefreshedAsksForAReconnectAWeekAhead() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Connection without = connect("at-" + tag, null, "sub" + tag);
        Connection with = connect("atr-" + tag, "rt-" + tag, "subr" + tag);
        assertThat(connections.reconnectSoon(workspace)).isEmpty();

        expireIn(without.id(), "3 days");
        expireIn(with.id(), "3 days");

        assertThat(connections.health(workspace, without.id()).state()).isEqualTo(ConnectionHealth.State.EXPIRING);
        assertThat(connections.health(workspace, with.id()).state()).isEqualTo(ConnectionHealth.State.VALID);
        assertThat(connections.reconnectSoon(workspace))
                .extracting(Connection::id)
                .containsExactly(without.id());
    }

    @Test
    void disconnectingOnePageKeepsTheGrantItsSiblingsStillPublishWith() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        linkedin.stubFor(post("/oauth/v2/revoke").willReturn(okJson("{}")));
        List<Connection> pages = connectPages("at-" + tag);
        assertThat(pages).hasSize(2);

        connections.disconnect(workspace, pages.get(0).id());

        linkedin.verify(0, postRequestedFor(urlEqualTo("/oauth/v2/revoke")).withRequestBody(containing("at-" + tag)));
        assertThat(tokens.withAccessToken(workspace, pages.get(1).id(), Secret::reveal))
                .isEqualTo("at-" + tag);

        connections.disconnect(workspace, pages.get(1).id());

        linkedin.verify(postRequestedFor(urlEqualTo("/oauth/v2/revoke")).withRequestBody(containing("at-" + tag)));
    }

    private List<Connection> connectPages(String access) {
        OAuthSession session = flows.start(
                workspace,
                new OAuthFlows.Start("linkedin", "company", ConnectFlow.UI, null),
                Initiator.user(user.toString(), "owner"));
        String code = "code-" + access;
        linkedin.stubFor(post("/oauth/v2/accessToken")
                .withRequestBody(containing("code=" + code))
                .willReturn(okJson(LinkedInStub.token(access, null))));
        linkedin.stubFor(
                get(urlPathEqualTo("/rest/organizationAcls"))
                        .withHeader("Authorization", equalTo("Bearer " + access))
                        .willReturn(
                                okJson(
                                        """
                        {"paging":{"start":0,"count":100,"total":2},"elements":[
                          {"organization":"urn:li:organization:71","role":"ADMINISTRATOR","state":"APPROVED"},
                          {"organization":"urn:li:organization:72","role":"ADMINISTRATOR","state":"APPROVED"}]}""")));
        linkedin.stubFor(get(urlPathEqualTo("/rest/organizations"))
                .withHeader("Authorization", equalTo("Bearer " + access))
                .willReturn(okJson(
                        """
                        {"results":{"71":{"id":71,"localizedName":"Krusty Krab","vanityName":"krusty-%s"},
                                    "72":{"id":72,"localizedName":"Chum Bucket","vanityName":"chum-%s"}},
                         "statuses":{"71":200,"72":200},"errors":{}}"""
                                .formatted(access, access))));
        return flows.complete("linkedin", new OAuthFlows.Callback(session.state(), code, null, null), user)
                .connections();
    }

    private void expireIn(ConnectionId id, String interval) {
        update(
                workspace,
                "update connections set expires_at = now() + interval '" + interval + "' where id = ?",
                id.value());
    }

    private Connection connect(String access, String refresh, String sub) {
        OAuthSession session = flows.start(
                workspace,
                new OAuthFlows.Start("linkedin", "personal", ConnectFlow.UI, null),
                Initiator.user(user.toString(), "owner"));
        Map<String, String> query = Arrays.stream(
                        session.authorizationUrl().getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
        assertThat(query)
                .containsEntry("scope", "openid,profile,w_member_social")
                .doesNotContainKey("code_challenge");
        assertThat(query.get("redirect_uri")).endsWith("/connections/callback/linkedin");
        String code = "code-" + sub;
        linkedin.stubFor(post("/oauth/v2/accessToken")
                .withRequestBody(containing("code=" + code))
                .willReturn(okJson(LinkedInStub.token(access, refresh))));
        linkedin.stubFor(get("/v2/userinfo")
                .withHeader("Authorization", equalTo("Bearer " + access))
                .willReturn(okJson("{\"sub\":\"%s\",\"name\":\"Ada %s\"}".formatted(sub, sub.substring(3)))));
        return flows.complete("linkedin", new OAuthFlows.Callback(session.state(), code, null, null), user)
                .connections()
                .getFirst();
    }

    private void expire(ConnectionId id) {
        update(workspace, "update connections set expires_at = now() - interval '1 minute' where id = ?", id.value());
    }
}
