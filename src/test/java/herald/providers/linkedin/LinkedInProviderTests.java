package herald.providers.linkedin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static herald.providers.WireMockPlatform.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.providers.AccountType;
import herald.providers.AuthorizationRequest;
import herald.providers.ClientAuthentication;
import herald.providers.DiscoveredAccount;
import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import herald.providers.ProviderFailures;
import herald.providers.TokenGrant;
import herald.providers.WireMockPlatform;
import herald.vault.Secret;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** LinkedIn's OAuth flow, member and page discovery, and its error answers, against WireMock. */
class LinkedInProviderTests {

    static final URI REDIRECT = URI.create("https://herald.test/connections/callback/linkedin");

    @RegisterExtension
    static final WireMockPlatform wiremock = new WireMockPlatform();

    LinkedInProvider provider;

    @BeforeEach
    void createProvider() {
        provider = LinkedInStub.provider(wiremock, "https://www.linkedin.com/feed/update/{urn}");
    }

    @Test
    void asksMemberOrPageScopesCommaJoinedWithoutPkce() {
        Map<String, String> personal = query(provider.authorizationUrl(
                new AuthorizationRequest("st4te", REDIRECT, "ignored-challenge", AccountType.PERSONAL)));
        assertThat(personal)
                .containsEntry("response_type", "code")
                .containsEntry("client_id", "li-client")
                .containsEntry("redirect_uri", REDIRECT.toString())
                .containsEntry("state", "st4te")
                .containsEntry("scope", "openid,profile,w_member_social")
                .doesNotContainKeys("code_challenge", "code_challenge_method");
        Map<String, String> company = query(
                provider.authorizationUrl(new AuthorizationRequest("st4te", REDIRECT, null, AccountType.COMPANY)));
        assertThat(company).containsEntry("scope", "w_organization_social,r_organization_social,r_organization_admin");
        assertThat(provider.oauth().clientAuthentication()).isEqualTo(ClientAuthentication.POST);
        assertThat(provider.accountTypes()).containsExactly(AccountType.PERSONAL, AccountType.COMPANY);
    }

    @Test
    void exchangesTheCodeWithTheClientSecretInTheFormBody() {
        wiremock.stubFor(post("/oauth/v2/accessToken").willReturn(okJson(LinkedInStub.token("li-at", "li-rt"))));

        TokenGrant grant = provider.exchange("c0de", null, REDIRECT);

        assertThat(grant.accessToken().reveal()).isEqualTo("li-at");
        assertThat(grant.refreshToken().reveal()).isEqualTo("li-rt");
        assertThat(grant.expiresAt()).as("60 days").isEqualTo(NOW.plus(Duration.ofDays(60)));
        assertThat(grant.scopes()).containsExactly("openid", "profile", "w_member_social");
        wiremock.verify(postRequestedFor(urlEqualTo("/oauth/v2/accessToken"))
                .withHeader("Authorization", absent())
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withFormParam("grant_type", equalTo("authorization_code"))
                .withFormParam("code", equalTo("c0de"))
                .withFormParam("redirect_uri", equalTo(REDIRECT.toString()))
                .withFormParam("client_id", equalTo("li-client"))
                .withFormParam("client_secret", equalTo("li-s3cret"))
                .withFormParam("code_verifier", absent()));
    }

    @Test
    void aGrantWithoutARefreshTokenIsHeldWithoutOneSoTheConnectionIsReconnectedBeforeItExpires() {
        wiremock.stubFor(post("/oauth/v2/accessToken").willReturn(okJson(LinkedInStub.token("li-at", null))));

        TokenGrant grant = provider.exchange("c0de", null, REDIRECT);

        assertThat(grant.refreshToken()).isNull();
        assertThat(grant.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(60)));
        assertThat(provider.refreshable())
                .as("apps LinkedIn approved for refresh tokens refresh; the others hold no refresh token")
                .isTrue();
        assertThat(provider.refreshWhenIdleFor()).isNull();
    }

    @Test
    void refreshesWithTheRefreshTokenAndTheClientSecretInTheForm() {
        wiremock.stubFor(post("/oauth/v2/accessToken").willReturn(okJson(LinkedInStub.token("li-at-2", "li-rt"))));

        TokenGrant grant = provider.refresh(Secret.of("li-rt"));

        assertThat(grant.accessToken().reveal()).isEqualTo("li-at-2");
        assertThat(grant.refreshToken().reveal()).isEqualTo("li-rt");
        wiremock.verify(postRequestedFor(urlEqualTo("/oauth/v2/accessToken"))
                .withFormParam("grant_type", equalTo("refresh_token"))
                .withFormParam("refresh_token", equalTo("li-rt"))
                .withFormParam("client_id", equalTo("li-client"))
                .withFormParam("client_secret", equalTo("li-s3cret")));
    }

    @Test
    void aSpentRefreshTokenAsksForAReconnect() {
        wiremock.stubFor(post("/oauth/v2/accessToken")
                .willReturn(json(
                        400,
                        "{\"error\":\"invalid_grant\",\"error_description\":\"The provided authorization grant or"
                                + " refresh token is invalid, expired or revoked\"}")));
        assertKind(() -> provider.refresh(Secret.of("li-rt-old")), Kind.AUTH_REVOKED, "Reconnect the account");
    }

    @Test
    void wrongClientCredentialsNameTheVariablesToCheck() {
        wiremock.stubFor(post("/oauth/v2/accessToken")
                .willReturn(json(
                        401,
                        "{\"error\":\"invalid_client\",\"error_description\":\"Client authentication" + " failed\"}")));
        assertKind(
                () -> provider.exchange("c", null, REDIRECT),
                Kind.PERMISSION,
                "HERALD_LINKEDIN_CLIENT_ID and HERALD_LINKEDIN_CLIENT_SECRET");
    }

    @Test
    void revokesWithTheClientCredentialsInTheFormAndTakesADeadTokenAsRevoked() {
        wiremock.stubFor(post("/oauth/v2/revoke").willReturn(aResponse().withStatus(200)));
        provider.revoke(Secret.of("li-at"));
        wiremock.verify(postRequestedFor(urlEqualTo("/oauth/v2/revoke"))
                .withFormParam("token", equalTo("li-at"))
                .withFormParam("client_id", equalTo("li-client"))
                .withFormParam("client_secret", equalTo("li-s3cret")));

        wiremock.stubFor(post("/oauth/v2/revoke")
                .willReturn(json(400, "{\"error\":\"invalid_request\",\"error_description\":\"token revoked\"}")));
        provider.revoke(Secret.of("li-at"));

        wiremock.stubFor(post("/oauth/v2/revoke").willReturn(json(401, "{\"error\":\"invalid_client\"}")));
        assertKind(() -> provider.revoke(Secret.of("li-at")), Kind.PERMISSION, "HERALD_LINKEDIN_CLIENT_SECRET");

        wiremock.stubFor(post("/oauth/v2/revoke").willReturn(json(503, "{}")));
        assertKind(() -> provider.revoke(Secret.of("li-at")), Kind.TRANSIENT, "HTTP 503");
    }

    @Test
    void discoversTheMemberFromUserinfo() {
        wiremock.stubFor(
                get("/v2/userinfo")
                        .willReturn(
                                okJson(
                                        """
                        {"sub":"782bbtaQ","name":"Ada Lovelace","given_name":"Ada","family_name":"Lovelace",
                         "picture":"https://media.licdn.com/ada.jpg","email":"ada@example.com","locale":"en-US"}""")));
        TokenGrant user = new TokenGrant(Secret.of("member-at"), null, NOW.plusSeconds(60), List.of());

        List<DiscoveredAccount> accounts = provider.discover(user, AccountType.PERSONAL);

        assertThat(accounts).singleElement().satisfies(account -> {
            assertThat(account.externalId()).isEqualTo("urn:li:person:782bbtaQ");
            assertThat(account.username()).isEqualTo("782bbtaQ");
            assertThat(account.displayName()).isEqualTo("Ada Lovelace");
            assertThat(account.avatarUrl()).isEqualTo("https://media.licdn.com/ada.jpg");
            assertThat(account.accountType()).isEqualTo(AccountType.PERSONAL);
            assertThat(account.tokens()).isSameAs(user);
        });
        wiremock.verify(getRequestedFor(urlEqualTo("/v2/userinfo"))
                .withHeader("Authorization", equalTo("Bearer member-at"))
                .withHeader("LinkedIn-Version", equalTo(LinkedInStub.VERSION))
                .withHeader("X-Restli-Protocol-Version", equalTo("2.0.0")));
    }

    @Test
    void discoversEveryPageTheMemberAdministersWithItsName() {
        wiremock.stubFor(
                get(urlPathEqualTo("/rest/organizationAcls"))
                        .willReturn(
                                okJson(
                                        """
                        {"paging":{"start":0,"count":100,"total":3},"elements":[
                          {"organization":"urn:li:organization:2414183","role":"ADMINISTRATOR","state":"APPROVED",
                           "roleAssignee":"urn:li:person:782bbtaQ"},
                          {"organization":"urn:li:organization:555","role":"ADMINISTRATOR","state":"APPROVED",
                           "roleAssignee":"urn:li:person:782bbtaQ"},
                          {"organization":"urn:li:organization:2414183","role":"ADMINISTRATOR","state":"APPROVED",
                           "roleAssignee":"urn:li:person:782bbtaQ"}]}""")));
        wiremock.stubFor(
                get(urlPathEqualTo("/rest/organizations"))
                        .willReturn(
                                okJson(
                                        """
                        {"results":{
                          "2414183":{"id":2414183,"localizedName":"Krusty Krab","vanityName":"krusty-krab",
                                     "logoV2":{"original":"urn:li:digitalmediaAsset:C4D0BAQ"}},
                          "555":{"id":555,"localizedName":"Chum Bucket"}},
                         "statuses":{"2414183":200,"555":200},"errors":{}}""")));
        TokenGrant user = new TokenGrant(Secret.of("admin-at"), Secret.of("admin-rt"), null, List.of());

        List<DiscoveredAccount> pages = provider.discover(user, AccountType.COMPANY);

        assertThat(pages)
                .extracting(DiscoveredAccount::externalId)
                .containsExactly("urn:li:organization:2414183", "urn:li:organization:555");
        assertThat(pages).extracting(DiscoveredAccount::username).containsExactly("company/krusty-krab", "company/555");
        assertThat(pages).extracting(DiscoveredAccount::displayName).containsExactly("Krusty Krab", "Chum Bucket");
        assertThat(pages).allSatisfy(page -> {
            assertThat(page.accountType()).isEqualTo(AccountType.COMPANY);
            assertThat(page.tokens()).isSameAs(user);
        });
        wiremock.verify(getRequestedFor(
                        urlEqualTo("/rest/organizationAcls?q=roleAssignee&role=ADMINISTRATOR&state=APPROVED&count=100"))
                .withHeader("Authorization", equalTo("Bearer admin-at"))
                .withHeader("LinkedIn-Version", equalTo(LinkedInStub.VERSION))
                .withHeader("X-Restli-Protocol-Version", equalTo("2.0.0")));
        wiremock.verify(getRequestedFor(urlEqualTo("/rest/organizations?ids=List(2414183,555)"))
                .withHeader("Authorization", equalTo("Bearer admin-at"))
                .withHeader("LinkedIn-Version", equalTo(LinkedInStub.VERSION))
                .withHeader("X-Restli-Protocol-Version", equalTo("2.0.0")));
    }

    @Test
    void aMemberWhoAdministersNoPageHearsWhy() {
        wiremock.stubFor(get(urlPathEqualTo("/rest/organizationAcls")).willReturn(okJson("{\"elements\":[]}")));
        assertKind(() -> provider.discover(grant(), AccountType.COMPANY), Kind.PERMISSION, "ADMINISTRATOR role");
    }

    @Test
    void aMissingScopeIsNamed() {
        wiremock.stubFor(get(urlPathEqualTo("/rest/organizationAcls"))
                .willReturn(json(
                        403,
                        "{\"status\":403,\"serviceErrorCode\":100,\"code\":\"ACCESS_DENIED\",\"message\":\"Not enough"
                                + " permissions to access: organizationAcls.FINDER-roleAssignee.20261101\"}")));
        assertKind(
                () -> provider.discover(grant(), AccountType.COMPANY),
                Kind.PERMISSION,
                "needs the scope r_organization_admin");
    }

    @Test
    void aRevokedTokenIsAuthRevokedAndAnExpiredOneAuthExpired() {
        wiremock.stubFor(get("/v2/userinfo")
                .willReturn(json(
                        401,
                        "{\"status\":401,\"serviceErrorCode\":65601,\"code\":\"REVOKED_ACCESS_TOKEN\",\"message\":\"The"
                                + " token used in the request has been revoked by the user\"}")));
        assertKind(() -> provider.discover(grant(), AccountType.PERSONAL), Kind.AUTH_REVOKED, "revoked by the user");
        wiremock.stubFor(get("/v2/userinfo")
                .willReturn(json(
                        401,
                        "{\"status\":401,\"serviceErrorCode\":65600,\"code\":\"EXPIRED_ACCESS_TOKEN\",\"message\":\"The"
                                + " token used in the request has expired\"}")));
        assertKind(() -> provider.discover(grant(), AccountType.PERSONAL), Kind.AUTH_EXPIRED, "EXPIRED_ACCESS_TOKEN");
    }

    @Test
    void aSunsetVersionSaysWhichSettingToChange() {
        wiremock.stubFor(get("/v2/userinfo")
                .willReturn(json(
                        426,
                        "{\"status\":426,\"code\":\"NONEXISTENT_VERSION\",\"message\":\"Requested version 20"
                                + "2611 is not active\"}")));
        assertThatThrownBy(() -> provider.discover(grant(), AccountType.PERSONAL))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.PERMISSION);
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage())
                            .contains("no longer serves API version " + LinkedInStub.VERSION)
                            .contains("set HERALD_LINKEDIN_VERSION");
                });
    }

    @Test
    void withoutCredentialsLinkedInIsNotConfiguredAndNamesTheVariables() {
        var settings = LinkedInStub.settings(wiremock, "https://www.linkedin.com/feed/update/{urn}");
        var blank = new LinkedInClientSettings(
                "",
                " ",
                "2026-05",
                settings.authorizationUrl(),
                settings.tokenUrl(),
                settings.revokeUrl(),
                settings.apiUrl(),
                settings.postUrl(),
                settings.memberScopes(),
                settings.organizationScopes(),
                settings.connectTimeout(),
                settings.readTimeout(),
                settings.uploadTimeout());
        LinkedInProvider unconfigured = LinkedInStub.provider(blank, wiremock);
        assertThat(unconfigured.configured()).isFalse();
        assertThat(unconfigured.missingSettings())
                .containsExactly(
                        "HERALD_LINKEDIN_CLIENT_ID",
                        "HERALD_LINKEDIN_CLIENT_SECRET",
                        "HERALD_LINKEDIN_VERSION (YYYYMM, e.g. 202605; it is '2026-05')");
        assertThat(provider.configured()).isTrue();
        assertThat(settings.toString()).doesNotContain("li-s3cret");
    }

    @Test
    void errorsNeverCarryTheTokens() {
        wiremock.stubFor(post("/oauth/v2/accessToken").willReturn(json(400, "{\"error\":\"invalid_grant\"}")));
        assertThatThrownBy(() -> provider.refresh(Secret.of("rt-very-secret"))).satisfies(e -> assertThat(e.toString())
                .doesNotContain("rt-very-secret")
                .doesNotContain("li-s3cret"));
    }

    static TokenGrant grant() {
        return new TokenGrant(Secret.of("member-at"), null, null, List.of());
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
    }

    static Map<String, String> query(URI url) {
        return Arrays.stream(url.getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
    }

    static void assertKind(Runnable call, Kind kind, String messagePart) {
        ProviderFailures.assertKind(call::run, "linkedin", kind, messagePart);
    }
}
