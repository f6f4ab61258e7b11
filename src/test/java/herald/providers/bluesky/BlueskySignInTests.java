package herald.providers.bluesky;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static herald.providers.WireMockPlatform.NOW;
import static herald.providers.bluesky.BlueskyStub.DELETE_SESSION;
import static herald.providers.bluesky.BlueskyStub.DID;
import static herald.providers.bluesky.BlueskyStub.HANDLE;
import static herald.providers.bluesky.BlueskyStub.PROFILE;
import static herald.providers.bluesky.BlueskyStub.REFRESH;
import static herald.providers.bluesky.BlueskyStub.SESSION;
import static herald.providers.bluesky.BlueskyStub.assertKind;
import static herald.providers.bluesky.BlueskyStub.error;
import static herald.providers.bluesky.BlueskyStub.jwt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.providers.AccountType;
import herald.providers.ConnectMethod;
import herald.providers.DiscoveredAccount;
import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import herald.providers.TokenGrant;
import herald.providers.WireMockPlatform;
import herald.vault.Secret;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Connecting with an app password, renewing and ending the session, against a WireMock PDS. */
class BlueskySignInTests {

    static final Secret PASSWORD = Secret.of("abcd-efgh-ijkl-mnop");
    static final Instant ACCESS_EXPIRES = NOW.plus(Duration.ofHours(2));
    static final String ACCESS = jwt(DID, ACCESS_EXPIRES, "com.atproto.appPass");
    static final String REFRESH_JWT = jwt(DID, NOW.plus(Duration.ofDays(90)), "com.atproto.refresh");

    @RegisterExtension
    static final WireMockPlatform wiremock = new WireMockPlatform();

    BlueskyProvider provider;

    @BeforeEach
    void createProvider() {
        provider = BlueskyStub.provider(wiremock);
    }

    @Test
    void isAPersonalAccountConnectedWithAnAppPassword() {
        assertThat(provider.id()).isEqualTo("bluesky");
        assertThat(provider.displayName()).isEqualTo("Bluesky");
        assertThat(provider.accountTypes()).containsExactly(AccountType.PERSONAL);
        assertThat(provider.connectMethod()).isEqualTo(ConnectMethod.APP_PASSWORD);
        assertThat(provider.configured()).isTrue();
        assertThat(provider.refreshWhenIdleFor()).isEqualTo(Duration.ofDays(30));
        assertThatThrownBy(provider::oauth).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aDisabledBlueskySaysWhichSettingTurnsItOn() {
        var off = new BlueskySettings(
                false,
                BlueskyStub.settings(wiremock, BlueskyStub.READ_TIMEOUT).serviceUrl(),
                java.net.URI.create("https://bsky.app"),
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Duration.ofSeconds(1));
        BlueskyProvider disabled = BlueskyStub.provider(off, wiremock);
        assertThat(disabled.missingSettings()).containsExactly("HERALD_BLUESKY_ENABLED");
        assertThat(disabled.configured()).isFalse();
    }

    @Test
    void signsInOnceAndKeepsTheSessionNotThePassword() {
        session();
        wiremock.stubFor(get(urlPathEqualTo(PROFILE))
                .withQueryParam("actor", equalTo(DID))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS))
                .willReturn(okJson(
                        "{\"did\":\"%s\",\"handle\":\"%s\",\"displayName\":\"Ada Lovelace\",\"avatar\":\"https://cdn.bsky.app/img/avatar/plain/%s/bafk@jpeg\"}"
                                .formatted(DID, HANDLE, DID))));

        DiscoveredAccount account = provider.signIn(" @" + HANDLE + " ", PASSWORD);

        assertThat(account.externalId()).isEqualTo(DID);
        assertThat(account.accountType()).isEqualTo(AccountType.PERSONAL);
        assertThat(account.username()).isEqualTo(HANDLE);
        assertThat(account.displayName()).isEqualTo("Ada Lovelace");
        assertThat(account.avatarUrl()).startsWith("https://cdn.bsky.app/img/avatar/");
        TokenGrant tokens = account.tokens();
        assertThat(tokens.accessToken().reveal()).isEqualTo(ACCESS);
        assertThat(tokens.refreshToken().reveal()).isEqualTo(REFRESH_JWT);
        assertThat(tokens.expiresAt()).as("the access JWT's exp").isEqualTo(ACCESS_EXPIRES);
        assertThat(tokens.toString()).doesNotContain(ACCESS).doesNotContain(PASSWORD.reveal());
        wiremock.verify(postRequestedFor(urlPathEqualTo(SESSION))
                .withHeader("Authorization", absent())
                .withRequestBody(
                        equalToJson("{\"identifier\":\"ada.bsky.social\",\"password\":\"abcd-efgh-ijkl-mnop\"}")));
    }

    @Test
    void aProfileThatCannotBeReadLeavesTheHandleAsTheName() {
        session();
        wiremock.stubFor(get(urlPathEqualTo(PROFILE)).willReturn(error(502, "UpstreamFailure", "Upstream Failure")));

        DiscoveredAccount account = provider.signIn(HANDLE, PASSWORD);

        assertThat(account.displayName()).isEqualTo(HANDLE);
        assertThat(account.avatarUrl()).isNull();
        assertThat(account.tokens().accessToken().reveal()).isEqualTo(ACCESS);
    }

    @Test
    void aWrongPasswordSaysWhereAppPasswordsAreMadeWithoutRepeatingIt() {
        wiremock.stubFor(
                post(SESSION).willReturn(error(401, "AuthenticationRequired", "Invalid identifier or password")));

        ProviderException e = assertKind(
                () -> provider.signIn(HANDLE, PASSWORD),
                Kind.PERMISSION,
                "Settings → Privacy and security → App passwords");

        assertThat(e.getMessage()).contains("Invalid identifier or password").contains("Check the handle");
        assertThat(e.toString()).doesNotContain(PASSWORD.reveal());
    }

    @Test
    void theAccountsOwnPasswordAsksForAnAppPasswordInstead() {
        wiremock.stubFor(post(SESSION)
                .willReturn(
                        error(401, "AuthFactorTokenRequired", "A sign in code has been sent to your email address")));

        ProviderException e = assertKind(() -> provider.signIn(HANDLE, PASSWORD), Kind.PERMISSION, "app password");

        assertThat(e.getMessage()).contains("account's own password").contains("App passwords");
        assertThat(e.toString()).doesNotContain(PASSWORD.reveal());
    }

    @Test
    void aTakenDownAccountCannotConnect() {
        wiremock.stubFor(post(SESSION).willReturn(error(401, "AccountTakedown", "Account has been taken down")));
        assertKind(() -> provider.signIn(HANDLE, PASSWORD), Kind.PERMISSION, "taken this account down");
    }

    @Test
    void aServerEchoingThePasswordDoesNotGetItIntoTheMessage() {
        wiremock.stubFor(post(SESSION).willReturn(error(400, "InvalidRequest", "bad password abcd-efgh-ijkl-mnop")));
        ProviderException e = assertKind(() -> provider.signIn(HANDLE, PASSWORD), Kind.PERMISSION, "bad password ***");
        assertThat(e.toString()).doesNotContain(PASSWORD.reveal());
    }

    @Test
    void renewingRotatesBothTokens() {
        String access2 = jwt(DID, NOW.plus(Duration.ofHours(4)), "com.atproto.appPass");
        String refresh2 = jwt(DID, NOW.plus(Duration.ofDays(91)), "com.atproto.refresh");
        wiremock.stubFor(post(REFRESH)
                .withHeader("Authorization", equalTo("Bearer " + REFRESH_JWT))
                .willReturn(okJson("{\"accessJwt\":\"%s\",\"refreshJwt\":\"%s\",\"handle\":\"%s\",\"did\":\"%s\"}"
                        .formatted(access2, refresh2, HANDLE, DID))));

        TokenGrant grant = provider.refresh(Secret.of(REFRESH_JWT));

        assertThat(grant.accessToken().reveal()).isEqualTo(access2);
        assertThat(grant.refreshToken().reveal()).isEqualTo(refresh2);
        assertThat(grant.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(4)));
    }

    @Test
    void anInvalidRefreshTokenAsksForANewSignIn() {
        wiremock.stubFor(post(REFRESH).willReturn(error(400, "InvalidToken", "Token could not be verified")));
        assertKind(() -> provider.refresh(Secret.of(REFRESH_JWT)), Kind.AUTH_REVOKED, "new app password");
    }

    @Test
    void endingTheSessionSpendsTheRefreshTokenAndToleratesADeadOne() {
        wiremock.stubFor(post(DELETE_SESSION).willReturn(okJson("")));
        provider.revoke(Secret.of(REFRESH_JWT));
        wiremock.verify(postRequestedFor(urlPathEqualTo(DELETE_SESSION))
                .withHeader("Authorization", equalTo("Bearer " + REFRESH_JWT)));

        wiremock.stubFor(post(DELETE_SESSION).willReturn(error(400, "ExpiredToken", "Token has expired")));
        provider.revoke(Secret.of(REFRESH_JWT));

        wiremock.stubFor(post(DELETE_SESSION).willReturn(error(503, "NotEnoughResources", "Busy")));
        assertKind(() -> provider.revoke(Secret.of(REFRESH_JWT)), Kind.TRANSIENT, "HTTP 503");
    }

    @Test
    void anAccessTokenIsNotSentToDeleteSession() {
        provider.revoke(Secret.of(ACCESS));
        wiremock.verify(0, postRequestedFor(urlPathEqualTo(DELETE_SESSION)));
    }

    @Test
    void discoversTheAccountOfASession() {
        wiremock.stubFor(get(urlPathEqualTo(PROFILE))
                .willReturn(okJson("{\"did\":\"%s\",\"handle\":\"%s\"}".formatted(DID, HANDLE))));
        var grant = new TokenGrant(Secret.of(ACCESS), Secret.of(REFRESH_JWT), ACCESS_EXPIRES, java.util.List.of());

        assertThat(provider.discover(grant, AccountType.PERSONAL))
                .singleElement()
                .satisfies(account -> {
                    assertThat(account.externalId()).isEqualTo(DID);
                    assertThat(account.username()).isEqualTo(HANDLE);
                });
        wiremock.verify(getRequestedFor(urlPathEqualTo(PROFILE)).withQueryParam("actor", equalTo(DID)));
    }

    private void session() {
        wiremock.stubFor(post(SESSION)
                .willReturn(okJson(
                        "{\"accessJwt\":\"%s\",\"refreshJwt\":\"%s\",\"handle\":\"%s\",\"did\":\"%s\",\"active\":true,\"email\":\"ada@example.com\"}"
                                .formatted(ACCESS, REFRESH_JWT, HANDLE, DID))));
    }
}
