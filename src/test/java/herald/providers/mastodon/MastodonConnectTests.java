package herald.providers.mastodon;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static herald.providers.mastodon.MastodonStub.ACCESS;
import static herald.providers.mastodon.MastodonStub.CLIENT_ID;
import static herald.providers.mastodon.MastodonStub.CLIENT_SECRET;
import static herald.providers.mastodon.MastodonStub.JSON;
import static herald.providers.mastodon.MastodonStub.REDIRECT;
import static herald.providers.mastodon.MastodonStub.VERIFY;
import static herald.providers.mastodon.MastodonStub.assertKind;
import static herald.providers.mastodon.MastodonStub.error;
import static herald.providers.mastodon.MastodonStub.server;
import static herald.providers.mastodon.MastodonStub.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.providers.AccountType;
import herald.providers.AuthorizationRequest;
import herald.providers.ConnectMethod;
import herald.providers.DiscoveredAccount;
import herald.providers.Pkce;
import herald.providers.ProviderException.Kind;
import herald.providers.TokenGrant;
import herald.providers.WireMockPlatform;
import herald.vault.Secret;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The consent at the person's server: its authorize URL, the code's exchange with Herald's client there, the account
 * the token belongs to, the token Herald keeps (the credential that names its server) and its revocation.
 */
class MastodonConnectTests {

    @RegisterExtension
    static final WireMockPlatform wiremock = new WireMockPlatform();

    MastodonStub.Clients clients;
    MastodonProvider provider;

    @BeforeEach
    void createProvider() {
        clients = new MastodonStub.Clients().with(server(wiremock));
        provider = MastodonStub.provider(wiremock, clients);
    }

    @Test
    void connectsAtANamedServerWithOAuthAsOnePersonalAccount() {
        assertThat(provider.connectMethod()).isEqualTo(ConnectMethod.SERVER_OAUTH);
        assertThat(provider.accountTypes()).containsExactly(AccountType.PERSONAL);
        assertThat(provider.refreshable()).isFalse();
        assertThatThrownBy(provider::oauth).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> provider.exchange("code", null, REDIRECT))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theAuthorizeUrlIsTheServersWithHeraldsClientTheScopesAndPkce() {
        Secret verifier = Secret.of("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");

        URI url = provider.authorizationUrl(new AuthorizationRequest(
                "the-state", REDIRECT, Pkce.challenge(verifier), AccountType.PERSONAL, server(wiremock)));

        assertThat(url.toString())
                .isEqualTo("http://" + server(wiremock) + "/oauth/authorize?response_type=code&client_id=" + CLIENT_ID
                        + "&redirect_uri=https%3A%2F%2Fherald.test%2Fconnections%2Fcallback%2Fmastodon"
                        + "&scope=read%3Aaccounts%20read%3Astatuses%20write%3Astatuses%20write%3Amedia"
                        + "&state=the-state&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM"
                        + "&code_challenge_method=S256");
    }

    @Test
    void anAuthorizeUrlNeedsTheServerAndHeraldsClientThere() {
        assertKind(
                () -> provider.authorizationUrl(new AuthorizationRequest("s", REDIRECT, "c", AccountType.PERSONAL)),
                Kind.PERMISSION,
                "names none");
        assertKind(
                () -> provider.authorizationUrl(
                        new AuthorizationRequest("s", REDIRECT, "c", AccountType.PERSONAL, "other.example")),
                Kind.PERMISSION,
                "not registered at the Mastodon server other.example");
    }

    @Test
    void exchangesTheCodeAtTheServerIntoACredentialThatNamesIt() {
        wiremock.stubFor(post("/oauth/token")
                .willReturn(okJson(
                        """
                        {"access_token":"%s","token_type":"Bearer",
                         "scope":"read:accounts read:statuses write:statuses write:media","created_at":1733054400}"""
                                .formatted(ACCESS))));

        TokenGrant grant = provider.exchange("the-code", Secret.of("the-verifier"), REDIRECT, server(wiremock));

        wiremock.verify(postRequestedFor(urlEqualTo("/oauth/token"))
                .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
                .withFormParam("grant_type", equalTo("authorization_code"))
                .withFormParam("code", equalTo("the-code"))
                .withFormParam("client_id", equalTo(CLIENT_ID))
                .withFormParam("client_secret", equalTo(CLIENT_SECRET))
                .withFormParam("redirect_uri", equalTo(REDIRECT.toString()))
                .withFormParam("code_verifier", equalTo("the-verifier")));
        MastodonCredential credential = MastodonCredential.unpack(JSON, grant.accessToken());
        assertThat(credential.server()).isEqualTo(server(wiremock));
        assertThat(credential.clientId()).isEqualTo(CLIENT_ID);
        assertThat(credential.clientSecret().reveal()).isEqualTo(CLIENT_SECRET);
        assertThat(credential.accessToken().reveal()).isEqualTo(ACCESS);
        assertThat(grant.refreshToken()).isNull();
        assertThat(grant.expiresAt()).as("Mastodon's tokens do not expire").isNull();
        assertThat(grant.scopes()).containsExactly("read:accounts", "read:statuses", "write:statuses", "write:media");
        assertThat(grant.toString() + credential).doesNotContain(ACCESS).doesNotContain(CLIENT_SECRET);
    }

    @Test
    void aCodeTheServerRefusesIsRefusedWithItsWords() {
        wiremock.stubFor(post("/oauth/token")
                .willReturn(MastodonStub.json(
                        400,
                        "{\"error\":\"invalid_grant\",\"error_description\":\"The provided authorization grant is"
                                + " invalid, expired, revoked, does not match the redirection URI used in the"
                                + " authorization request, or was issued to another client.\"}")));

        assertKind(
                () -> provider.exchange("stale", Secret.of("v"), REDIRECT, server(wiremock)),
                Kind.PERMISSION,
                "did not accept the consent (invalid_grant): The provided authorization grant is invalid");
    }

    @Test
    void discoversTheAccountAsItsIdAndHandleAtTheServer() {
        MastodonStub.verifies(wiremock);
        TokenGrant grant = new TokenGrant(token(wiremock), null, null, List.of());

        List<DiscoveredAccount> accounts = provider.discover(grant, AccountType.PERSONAL);

        assertThat(accounts).singleElement().satisfies(account -> {
            assertThat(account.externalId()).isEqualTo("109348@" + server(wiremock));
            assertThat(account.username()).isEqualTo("ada@" + server(wiremock));
            assertThat(account.displayName()).isEqualTo("Ada Lovelace");
            assertThat(account.avatarUrl()).isEqualTo("https://files.example/ada.png");
            assertThat(account.accountType()).isEqualTo(AccountType.PERSONAL);
            assertThat(account.tokens()).isSameAs(grant);
        });
        wiremock.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo(VERIFY))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS)));
    }

    @Test
    void anAccountWithoutADisplayNameIsNamedByItsHandle() {
        wiremock.stubFor(get(VERIFY)
                .willReturn(okJson("{\"id\":\"7\",\"username\":\"bo\",\"acct\":\"bo\",\"display_name\":\"\"}")));

        DiscoveredAccount account = provider.discover(
                        new TokenGrant(token(wiremock), null, null, List.of()), AccountType.PERSONAL)
                .getFirst();

        assertThat(account.displayName()).isEqualTo("bo@" + server(wiremock));
        assertThat(account.avatarUrl()).isNull();
    }

    @Test
    void revokesTheTokenWithHeraldsClientAndADeadTokenIsNoError() {
        wiremock.stubFor(post("/oauth/revoke").willReturn(okJson("{}")));
        provider.revoke(token(wiremock));
        wiremock.verify(postRequestedFor(urlEqualTo("/oauth/revoke"))
                .withFormParam("client_id", equalTo(CLIENT_ID))
                .withFormParam("client_secret", equalTo(CLIENT_SECRET))
                .withFormParam("token", equalTo(ACCESS)));

        wiremock.stubFor(post("/oauth/revoke").willReturn(error(401, "invalid_token")));
        provider.revoke(token(wiremock));

        wiremock.stubFor(post("/oauth/revoke").willReturn(error(503, "Service Unavailable")));
        assertKind(() -> provider.revoke(token(wiremock)), Kind.TRANSIENT, "HTTP 503");
    }

    @Test
    void tokensCannotBeRefreshedOnlyReconnected() {
        assertKind(() -> provider.refresh(Secret.of("anything")), Kind.PERMISSION, "connect the account again");
    }

    @Test
    void aTokenThatIsNoMastodonCredentialAsksForAReconnect() {
        assertKind(() -> provider.revoke(Secret.of("a-bare-token")), Kind.AUTH_REVOKED, "connect the account again");
        assertKind(
                () -> provider.metrics(Secret.of("{\"server\":\"x.example\"}"), "1"),
                Kind.AUTH_REVOKED,
                "names no server");
    }
}
