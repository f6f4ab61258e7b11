package herald.providers.x;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.github.tomakehurst.wiremock.client.BasicCredentials;
import herald.providers.AccountType;
import herald.providers.AuthorizationRequest;
import herald.providers.ClientAuthentication;
import herald.providers.DiscoveredAccount;
import herald.providers.Pkce;
import herald.providers.ProviderException.Kind;
import herald.providers.TokenGrant;
import herald.vault.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.util.unit.DataSize;

/** Connecting an X account: the authorize URL, the code exchange, discovery, rotation and revocation. */
class XAccountTests {

    static final URI REDIRECT = URI.create("https://herald.test/connections/callback/x");
    static final String TOKENS =
            """
            {"token_type":"bearer","expires_in":7200,"access_token":"x-at-1",\
            "scope":"tweet.read tweet.write users.read offline.access media.write","refresh_token":"x-rt-1"}""";

    @RegisterExtension
    static final XStandIn x = XStandIn.checked();

    XProvider provider;

    @BeforeEach
    void reset() {
        provider = x.provider();
    }

    @Test
    void asksForTheFiveScopesWithAnS256ChallengeAsAConfidentialClient() {
        Secret verifier = Pkce.verifier();
        URI url = provider.authorizationUrl(
                new AuthorizationRequest("st4te", REDIRECT, Pkce.challenge(verifier), AccountType.COMPANY));

        assertThat(url.toString())
                .startsWith(x.baseUrl() + "/i/oauth2/authorize?response_type=code&client_id=herald-x-client")
                .contains("&scope=tweet.read%20tweet.write%20users.read%20media.write%20offline.access&")
                .contains("&redirect_uri=https%3A%2F%2Fherald.test%2Fconnections%2Fcallback%2Fx")
                .contains("&state=st4te")
                .contains("&code_challenge=" + Pkce.challenge(verifier))
                .endsWith("&code_challenge_method=S256")
                .doesNotContain("+");
        assertThat(provider.oauth().clientAuthentication()).isEqualTo(ClientAuthentication.BASIC);
        assertThat(provider.oauth().pkce()).isTrue();
        assertThat(provider.accountTypes())
                .containsExactly(AccountType.PERSONAL, AccountType.COMPANY, AccountType.PRODUCT);
    }

    @Test
    void theRealHostsAreTheDefaults() {
        var bound = new org.springframework.boot.context.properties.bind.Binder(
                        new org.springframework.boot.context.properties.source.MapConfigurationPropertySource(
                                java.util.Map.of("herald.providers.x.client-id", "id")))
                .bindOrCreate("herald.providers.x", XClientSettings.class);
        assertThat(bound.authorizeUrl()).isEqualTo(URI.create("https://x.com/i/oauth2/authorize"));
        assertThat(bound.tokenUrl()).isEqualTo(URI.create("https://api.x.com/2/oauth2/token"));
        assertThat(bound.revokeUrl()).isEqualTo(URI.create("https://api.x.com/2/oauth2/revoke"));
        assertThat(bound.apiUrl()).isEqualTo(URI.create("https://api.x.com"));
        assertThat(bound.uploadUrl()).isEqualTo(URI.create("https://api.x.com"));
        assertThat(bound.readTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(bound.toString()).doesNotContain("secret");
    }

    @Test
    void withoutCredentialsNamesTheEnvironmentVariables() {
        var unconfigured = x.provider(new XClientSettings(
                "",
                "",
                URI.create("https://x.com/i/oauth2/authorize"),
                URI.create("https://api.x.com/2/oauth2/token"),
                URI.create("https://api.x.com/2/oauth2/revoke"),
                URI.create("https://api.x.com"),
                URI.create("https://api.x.com"),
                URI.create("https://x.com"),
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                DataSize.ofMegabytes(4),
                Duration.ofMinutes(1)));
        assertThat(unconfigured.configured()).isFalse();
        assertThat(unconfigured.missingSettings()).containsExactly("HERALD_X_CLIENT_ID", "HERALD_X_CLIENT_SECRET");
        assertThat(provider.configured()).isTrue();
    }

    @Test
    void exchangesTheCodeWithBasicAuthTheVerifierAndTheClientId() {
        x.token(200, TOKENS);

        TokenGrant grant = provider.exchange("c0de", Secret.of("verifier-1"), REDIRECT);

        assertThat(grant.accessToken().reveal()).isEqualTo("x-at-1");
        assertThat(grant.refreshToken().reveal()).isEqualTo("x-rt-1");
        assertThat(grant.expiresAt()).isEqualTo(XStandIn.NOW.plus(Duration.ofHours(2)));
        assertThat(grant.scopes()).contains("offline.access", "media.write");
        x.verify(postRequestedFor(urlEqualTo("/2/oauth2/token"))
                .withBasicAuth(new BasicCredentials(XStandIn.CLIENT_ID, XStandIn.CLIENT_SECRET))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withRequestBody(containing("grant_type=authorization_code"))
                .withRequestBody(containing("code=c0de"))
                .withRequestBody(containing("code_verifier=verifier-1"))
                .withRequestBody(containing("client_id=herald-x-client"))
                .withRequestBody(containing("redirect_uri=https%3A%2F%2Fherald.test%2Fconnections%2Fcallback%2Fx")));
    }

    @Test
    void aRefreshRotatesAndAnAnswerWithoutARefreshTokenKeepsItNull() {
        x.stubFor(post("/2/oauth2/token")
                .withRequestBody(containing("refresh_token=x-rt-1"))
                .willReturn(okJson("{\"token_type\":\"bearer\",\"expires_in\":7200,\"access_token\":\"x-at-2\"}")));
        TokenGrant grant = provider.refresh(Secret.of("x-rt-1"));
        assertThat(grant.accessToken().reveal()).isEqualTo("x-at-2");
        assertThat(grant.refreshToken()).isNull();
        x.verify(postRequestedFor(urlEqualTo("/2/oauth2/token"))
                .withBasicAuth(new BasicCredentials(XStandIn.CLIENT_ID, XStandIn.CLIENT_SECRET))
                .withRequestBody(containing("grant_type=refresh_token")));
    }

    @Test
    void aRefusedRefreshIsRevokedAndARefusedClientNamesTheSettings() {
        x.token(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Refresh token expired\"}");
        XPublishTests.assertKind(() -> provider.refresh(Secret.of("x-rt-1")), Kind.AUTH_REVOKED, "Reconnect");
        x.token(
                401,
                "{\"error\":\"unauthorized_client\",\"error_description\":\"Missing valid authorization header\"}");
        XPublishTests.assertKind(
                () -> provider.refresh(Secret.of("x-rt-1")), Kind.PERMISSION, "HERALD_X_CLIENT_SECRET");
        x.token(
                400,
                "{\"error\":\"invalid_request\",\"error_description\":\"Value passed for the authorization code"
                        + " was invalid.\"}");
        XPublishTests.assertKind(
                () -> provider.exchange("old", Secret.of("v"), REDIRECT),
                Kind.PERMISSION,
                "authorization code was invalid");
    }

    @Test
    void discoversTheOneAccountThatConsentedAsTheTypeAskedFor() {
        x.me("krusty");
        TokenGrant user = new TokenGrant(Secret.of("x-at-1"), Secret.of("x-rt-1"), XStandIn.NOW, List.of());

        List<DiscoveredAccount> accounts = provider.discover(user, AccountType.PRODUCT);

        assertThat(accounts).singleElement().satisfies(account -> {
            assertThat(account.externalId()).isEqualTo(XStandIn.USER_ID);
            assertThat(account.username()).isEqualTo("krusty");
            assertThat(account.displayName()).isEqualTo("Krusty Burger");
            assertThat(account.avatarUrl()).isEqualTo("https://pbs.twimg.com/profile_images/1/k_normal.jpg");
            assertThat(account.accountType()).isEqualTo(AccountType.PRODUCT);
            assertThat(account.tokens()).isSameAs(user);
        });
        x.verify(getRequestedFor(urlEqualTo("/2/users/me?user.fields=profile_image_url"))
                .withHeader("Authorization", equalTo("Bearer x-at-1")));
    }

    @Test
    void revokesWithBasicAuthAndADeadTokenIsNoError() {
        x.stubFor(post("/2/oauth2/revoke").willReturn(okJson("{\"revoked\":true}")));
        provider.revoke(Secret.of("x-rt-1"));
        x.verify(postRequestedFor(urlEqualTo("/2/oauth2/revoke"))
                .withBasicAuth(new BasicCredentials(XStandIn.CLIENT_ID, XStandIn.CLIENT_SECRET))
                .withHeader("Authorization", containing("Basic "))
                .withRequestBody(containing("token=x-rt-1"))
                .withRequestBody(containing("client_id=herald-x-client")));
        x.stubFor(
                post("/2/oauth2/revoke")
                        .willReturn(
                                XStandIn.json(
                                        400,
                                        "{\"error\":\"invalid_request\",\"error_description\":\"Value passed for the token was invalid.\"}")));
        assertThatCode(() -> provider.revoke(Secret.of("x-rt-dead"))).doesNotThrowAnyException();
        x.stubFor(post("/2/oauth2/revoke").willReturn(XStandIn.json(503, "{}")));
        XPublishTests.assertKind(() -> provider.revoke(Secret.of("x-rt-1")), Kind.TRANSIENT, "HTTP 503");
    }
}
