package herald.providers.sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import herald.providers.AccountType;
import herald.providers.AuthorizationRequest;
import herald.providers.DiscoveredAccount;
import herald.providers.Pkce;
import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import herald.providers.ProviderFailures;
import herald.providers.SocialProvider;
import herald.providers.SocialProviderContract;
import herald.providers.TokenGrant;
import herald.vault.Secret;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The Sandbox provider against a WireMock stand-in answering every way docs/sandbox-api.md says the Sandbox may. */
class SandboxProviderContractTests extends SocialProviderContract {

    @Override
    protected SocialProvider provider() {
        return provider;
    }

    @Override
    protected void platformRefreshes(String refreshToken, String access, String refresh) {
        wiremock.stubFor(post("/sandbox/oauth/token")
                .withRequestBody(containing("refresh_token=" + refreshToken))
                .willReturn(
                        okJson("{\"access_token\":\"%s\",\"token_type\":\"bearer\",\"expires_in\":60,".formatted(access)
                                + "\"refresh_token\":\"%s\"}".formatted(refresh))));
    }

    @Override
    protected void platformRefusesTheGrant() {
        stubToken(400, "{\"error\":\"invalid_grant\"}");
    }

    @Override
    protected void platformFails() {
        stubToken(502, "bad gateway");
    }

    @Override
    protected void platformAnswersMalformedJson() {
        stubToken(200, "{\"access_token\":");
    }

    @Override
    protected void platformRateLimits(int seconds) {
        wiremock.stubFor(post("/sandbox/oauth/token")
                .willReturn(aResponse().withStatus(429).withHeader("retry-after", String.valueOf(seconds))));
    }

    @Override
    protected void platformStalls() {
        wiremock.stubFor(
                post("/sandbox/oauth/token").willReturn(okJson(TOKEN_ANSWER).withFixedDelay(3_000)));
    }

    @Override
    protected void platformPublishes(String id, String url) {
        wiremock.stubFor(post("/sandbox/api/posts")
                .withHeader(
                        "Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer contract-at"))
                .withRequestBody(containing("\"text\":\"Hello, contract\""))
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"id\":\"%s\",\"url\":\"%s\",\"createdAt\":\"2026-12-01T12:00:00Z\"}"
                                .formatted(id, url))));
    }

    @Override
    protected void platformRefusesThePost(int status, String error) {
        wiremock.stubFor(post("/sandbox/api/posts")
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"%s\",\"message\":\"no\"}".formatted(error))));
    }

    @Override
    protected void platformStallsAfterCreating() {
        wiremock.stubFor(post("/sandbox/api/posts")
                .willReturn(okJson("{\"id\":\"p-1\",\"url\":\"https://x.test/p-1\"}")
                        .withFixedDelay(3_000)));
    }

    @Override
    protected void platformLists(String handle, Instant createdAt, String... texts) {
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < texts.length; i++) {
            data.append(i == 0 ? "" : ",")
                    .append("{\"id\":\"p-%d\",\"accountHandle\":\"%s\",\"text\":\"%s\",\"mediaUrls\":[],"
                            .formatted(i, handle, texts[i]))
                    .append("\"createdAt\":\"%s\",\"url\":\"https://x.test/p-%d\"}".formatted(createdAt, i));
        }
        wiremock.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
                        urlEqualTo("/sandbox/api/accounts/" + handle + "/posts?limit=100"))
                .willReturn(okJson("{\"data\":[" + data + "]}")));
    }

    static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");
    static final URI REDIRECT = URI.create("https://herald.test/connections/callback/sandbox");
    static WireMockServer wiremock;

    SandboxProvider provider;

    @BeforeAll
    static void start() {
        wiremock = new WireMockServer(wireMockConfig().dynamicPort());
        wiremock.start();
    }

    @AfterAll
    static void stop() {
        wiremock.stop();
    }

    @BeforeEach
    void createProvider() {
        wiremock.resetAll();
        provider = new SandboxProvider(
                new SandboxClientSettings(
                        URI.create(wiremock.baseUrl() + "/sandbox"),
                        "herald",
                        "s3cret",
                        Duration.ofSeconds(2),
                        Duration.ofMillis(1500),
                        Duration.ofDays(1)),
                JsonMapper.builder().build(),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static final String TOKEN_ANSWER =
            """
            {"access_token":"at-1","token_type":"bearer","expires_in":7200,"refresh_token":"rt-1",\
            "scope":"accounts.read posts.write"}""";

    @Test
    void buildsTheAuthorizeUrlWithStateAndAnS256Challenge() {
        Secret verifier = Pkce.verifier();
        URI url = provider.authorizationUrl(
                new AuthorizationRequest("st4te", REDIRECT, Pkce.challenge(verifier), AccountType.COMPANY));
        assertThat(url.toString()).startsWith(wiremock.baseUrl() + "/sandbox/oauth/authorize?");
        Map<String, String> query = Arrays.stream(url.getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
        assertThat(query)
                .containsEntry("response_type", "code")
                .containsEntry("client_id", "herald")
                .containsEntry("redirect_uri", REDIRECT.toString())
                .containsEntry("state", "st4te")
                .containsEntry("code_challenge", Pkce.challenge(verifier))
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("scope", "accounts.read posts.write");
        assertThat(Pkce.challenge(Secret.of("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")))
                .as("RFC 7636 appendix B")
                .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    @Test
    void exchangesACodeWithBasicClientAuthAndTheVerifier() {
        wiremock.stubFor(post("/sandbox/oauth/token").willReturn(okJson(TOKEN_ANSWER)));

        TokenGrant grant = provider.exchange("c0de", Secret.of("verifier-1"), REDIRECT);

        assertThat(grant.accessToken().reveal()).isEqualTo("at-1");
        assertThat(grant.refreshToken().reveal()).isEqualTo("rt-1");
        assertThat(grant.expiresAt()).isEqualTo(NOW.plusSeconds(7200));
        assertThat(grant.scopes()).containsExactly("accounts.read", "posts.write");
        assertThat(grant.toString()).doesNotContain("at-1").doesNotContain("rt-1");
        wiremock.verify(postRequestedFor(urlEqualTo("/sandbox/oauth/token"))
                .withBasicAuth(new com.github.tomakehurst.wiremock.client.BasicCredentials("herald", "s3cret"))
                .withRequestBody(containing("grant_type=authorization_code"))
                .withRequestBody(containing("code=c0de"))
                .withRequestBody(containing("code_verifier=verifier-1"))
                .withRequestBody(
                        containing("redirect_uri=https%3A%2F%2Fherald.test%2Fconnections%2Fcallback%2Fsandbox")));
    }

    @Test
    void refreshesWithTheRefreshTokenAndKeepsAnAnswerWithoutOneAsNull() {
        wiremock.stubFor(post("/sandbox/oauth/token")
                .withRequestBody(containing("grant_type=refresh_token"))
                .withRequestBody(containing("refresh_token=rt-1"))
                .willReturn(okJson("{\"access_token\":\"at-2\",\"token_type\":\"bearer\",\"expires_in\":60}")));

        TokenGrant grant = provider.refresh(Secret.of("rt-1"));

        assertThat(grant.accessToken().reveal()).isEqualTo("at-2");
        assertThat(grant.refreshToken()).isNull();
        assertThat(grant.expiresAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void discoversEveryGrantedAccountWithItsOwnTokens() {
        wiremock.stubFor(
                get("/sandbox/api/accounts")
                        .withHeader("Authorization", equalTo("Bearer user-at"))
                        .willReturn(
                                okJson(
                                        """
                        {"data":[
                          {"id":"a1","handle":"krusty","displayName":"Krusty Pizza","avatarUrl":"https://x/a.png",
                           "accessToken":"k-at","refreshToken":"k-rt","expiresIn":3600},
                          {"id":"a2","handle":"hults","displayName":"Hults Cafe","avatarUrl":null,
                           "accessToken":"h-at","refreshToken":"h-rt","expiresIn":3600}]}""")));

        List<DiscoveredAccount> accounts = provider.discover(
                new TokenGrant(Secret.of("user-at"), Secret.of("user-rt"), null, List.of()), AccountType.COMPANY);

        assertThat(accounts).extracting(DiscoveredAccount::externalId).containsExactly("a1", "a2");
        assertThat(accounts.get(0).username()).isEqualTo("krusty");
        assertThat(accounts.get(0).displayName()).isEqualTo("Krusty Pizza");
        assertThat(accounts.get(0).accountType()).isEqualTo(AccountType.COMPANY);
        assertThat(accounts.get(0).tokens().accessToken().reveal()).isEqualTo("k-at");
        assertThat(accounts.get(1).tokens().refreshToken().reveal()).isEqualTo("h-rt");
        assertThat(accounts.get(1).avatarUrl()).isNull();
        assertThat(accounts.get(0).tokens().expiresAt()).isEqualTo(NOW.plusSeconds(3600));
    }

    @Test
    void aConsentThatGrantedNoAccountIsAPermissionError() {
        wiremock.stubFor(get("/sandbox/api/accounts").willReturn(okJson("{\"data\":[]}")));
        assertKind(() -> provider.discover(grant(), AccountType.PERSONAL), Kind.PERMISSION, "no account");
    }

    @Test
    void anInvalidTokenAtTheApiIsAuthExpired() {
        wiremock.stubFor(get("/sandbox/api/accounts")
                .willReturn(aResponse()
                        .withStatus(401)
                        .withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"invalid_token\"}")));
        assertKind(() -> provider.discover(grant(), AccountType.PERSONAL), Kind.AUTH_EXPIRED, "invalid_token");
    }

    @Test
    void invalidGrantIsAuthRevoked() {
        stubToken(400, "{\"error\":\"invalid_grant\",\"error_description\":\"refresh token spent\"}");
        assertKind(() -> provider.refresh(Secret.of("rt-old")), Kind.AUTH_REVOKED, "refresh token spent");
    }

    @Test
    void invalidRequestAndUnsupportedGrantAreRefusals() {
        stubToken(400, "{\"error\":\"invalid_request\",\"error_description\":\"code_verifier does not match\"}");
        assertKind(() -> provider.exchange("c", Secret.of("v"), REDIRECT), Kind.PERMISSION, "code_verifier");
        stubToken(400, "{\"error\":\"unsupported_grant_type\"}");
        assertKind(() -> provider.refresh(Secret.of("rt")), Kind.PERMISSION, "unsupported_grant_type");
    }

    @Test
    void invalidClientNamesTheSettingsToCheck() {
        stubToken(401, "{\"error\":\"invalid_client\"}");
        assertKind(() -> provider.refresh(Secret.of("rt")), Kind.PERMISSION, "client-secret");
    }

    @Test
    void serverErrorsAreTransient() {
        stubToken(500, "{\"error\":\"server_error\"}");
        assertKind(() -> provider.exchange("c", Secret.of("v"), REDIRECT), Kind.TRANSIENT, "HTTP 500");
        stubToken(503, "<html>down</html>");
        assertKind(() -> provider.refresh(Secret.of("rt")), Kind.TRANSIENT, "HTTP 503");
    }

    @Test
    void malformedJsonAtTheTokenEndpointIsTransientAndSaysSo() {
        stubToken(200, "{\"access_token\": \"at-1\", ");
        assertKind(() -> provider.exchange("c", Secret.of("v"), REDIRECT), Kind.TRANSIENT, "malformed JSON");
        stubToken(200, "[1,2]");
        assertKind(() -> provider.refresh(Secret.of("rt")), Kind.TRANSIENT, "malformed JSON");
        stubToken(200, "{\"token_type\":\"bearer\"}");
        assertKind(() -> provider.refresh(Secret.of("rt")), Kind.TRANSIENT, "without an access token");
    }

    @Test
    void rateLimitsCarryTheirRetryAfter() {
        wiremock.stubFor(post("/sandbox/oauth/token")
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader("retry-after", "42")
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"rate_limited\"}")));
        assertThatThrownBy(() -> provider.refresh(Secret.of("rt")))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(42));
                    assertThat(e.retryable()).isTrue();
                });
        wiremock.stubFor(get("/sandbox/api/accounts")
                .willReturn(aResponse()
                        .withStatus(429)
                        .withHeader(
                                "x-rate-limit-reset",
                                String.valueOf(NOW.plusSeconds(90).getEpochSecond()))));
        assertThatThrownBy(() -> provider.discover(grant(), AccountType.PERSONAL))
                .isInstanceOfSatisfying(
                        ProviderException.class, e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(90)));
    }

    @Test
    void aTimeoutIsTransient() {
        wiremock.stubFor(
                post("/sandbox/oauth/token").willReturn(okJson(TOKEN_ANSWER).withFixedDelay(3_000)));
        assertKind(() -> provider.refresh(Secret.of("rt")), Kind.TRANSIENT, "in time");
    }

    @Test
    void anUnreachableSandboxIsTransient() {
        var down = new SandboxProvider(
                new SandboxClientSettings(
                        URI.create("http://127.0.0.1:9/sandbox"),
                        "herald",
                        "s",
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(1),
                        Duration.ofDays(1)),
                JsonMapper.builder().build(),
                Clock.systemUTC());
        assertKind(() -> down.refresh(Secret.of("rt")), Kind.TRANSIENT, "could not be reached");
    }

    @Test
    void revokesWithBasicClientAuth() {
        wiremock.stubFor(post("/sandbox/oauth/revoke").willReturn(aResponse().withStatus(200)));
        provider.revoke(Secret.of("rt-1"));
        wiremock.verify(postRequestedFor(urlPathEqualTo("/sandbox/oauth/revoke"))
                .withBasicAuth(new com.github.tomakehurst.wiremock.client.BasicCredentials("herald", "s3cret"))
                .withRequestBody(equalTo("token=rt-1")));
    }

    @Test
    void errorMessagesNeverCarryTheTokensSent() {
        stubToken(400, "{\"error\":\"invalid_grant\"}");
        assertThatThrownBy(() -> provider.refresh(Secret.of("rt-very-secret")))
                .satisfies(e -> assertThat(e.toString()).doesNotContain("rt-very-secret"));
    }

    static TokenGrant grant() {
        return new TokenGrant(Secret.of("user-at"), null, null, List.of());
    }

    void stubToken(int status, String body) {
        wiremock.stubFor(post("/sandbox/oauth/token")
                .willReturn(aResponse()
                        .withStatus(status)
                        .withHeader("Content-Type", "application/json")
                        .withBody(body)));
    }

    static void assertKind(Runnable call, Kind kind, String messagePart) {
        ProviderFailures.assertKind(call::run, "sandbox", kind, messagePart);
    }
}
