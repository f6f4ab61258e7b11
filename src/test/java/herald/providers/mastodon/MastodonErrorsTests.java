package herald.providers.mastodon;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static herald.providers.mastodon.MastodonStub.ACCESS;
import static herald.providers.mastodon.MastodonStub.CLIENT_SECRET;
import static herald.providers.mastodon.MastodonStub.STATUSES;
import static herald.providers.mastodon.MastodonStub.error;
import static herald.providers.mastodon.MastodonStub.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import herald.providers.PublishRequest;
import herald.providers.WireMockPlatform;
import herald.vault.Secret;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Mastodon's errors in Herald's taxonomy, in the server's words and never with a token or the client's secret. */
class MastodonErrorsTests {

    static final PublishRequest POST = new PublishRequest("ada", "Hello", null);

    @RegisterExtension
    static final WireMockPlatform wiremock = new WireMockPlatform();

    MastodonProvider provider;

    @BeforeEach
    void createProvider() {
        provider = MastodonStub.provider(wiremock, new MastodonStub.Clients());
    }

    @Test
    void aRefusedTokenWasRevokedBecauseTokensDoNotExpire() {
        assertPost(error(401, "The access token is invalid"), Kind.AUTH_REVOKED, "The access token is invalid.");
    }

    @Test
    void aForbiddenCallIsAPermissionInTheServersWords() {
        assertPost(
                error(403, "This action is outside the authorized scopes"),
                Kind.PERMISSION,
                "(HTTP 403): This action is outside the authorized scopes.");
        assertPost(error(403, "Your login is currently disabled"), Kind.PERMISSION, "currently disabled");
    }

    @Test
    void contentTheServerRefusesIsInvalidInItsWords() {
        assertPost(
                error(422, "Validation failed: Text character limit of 500 exceeded"),
                Kind.INVALID_CONTENT,
                "Validation failed: Text character limit of 500 exceeded.");
    }

    @Test
    void aRateLimitWaitsUntilItsResetOrAsLongAsAsked() {
        ProviderException reset = assertPost(
                error(429, "Too many requests")
                        .withHeader("X-RateLimit-Limit", "300")
                        .withHeader("X-RateLimit-Remaining", "0")
                        .withHeader("X-RateLimit-Reset", "2026-12-01T12:01:30.000Z"),
                Kind.RATE_LIMITED,
                "rate-limited the post");
        assertThat(reset.retryAfter()).isEqualTo(Duration.ofSeconds(90));
        ProviderException retry =
                assertPost(error(429, "Too many requests").withHeader("Retry-After", "12"), Kind.RATE_LIMITED, "rate");
        assertThat(retry.retryAfter()).isEqualTo(Duration.ofSeconds(12));
        ProviderException unsaid = assertPost(error(429, "Too many requests"), Kind.RATE_LIMITED, "rate");
        assertThat(unsaid.retryAfter()).isNull();
    }

    @Test
    void serverErrorsAndSilenceBeforeSendingAreTransient() {
        assertPost(error(502, "Bad gateway"), Kind.TRANSIENT, "HTTP 502");

        Secret nowhere = new MastodonCredential("localhost:9", "c", Secret.of(CLIENT_SECRET), Secret.of(ACCESS))
                .pack(MastodonStub.JSON);
        ProviderException e =
                MastodonStub.assertKind(() -> provider.publish(nowhere, POST), Kind.TRANSIENT, "could not be reached");
        assertThat(e.toString()).doesNotContain(ACCESS).doesNotContain(CLIENT_SECRET);
    }

    @Test
    void aTokenAtAnInternalServerIsNeverSent() {
        var strict = new MastodonSettings(
                true,
                List.of(),
                "Herald",
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Duration.ofMillis(10));
        MastodonProvider noLocalServers = MastodonStub.provider(strict, wiremock, new MastodonStub.Clients());

        MastodonStub.assertKind(
                () -> noLocalServers.publish(token(wiremock), POST), Kind.PERMISSION, "internal address");
        wiremock.verify(
                0,
                com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                        com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
    }

    @Test
    void anAnswerLongerThanAnyMastodonAnswerIsNotReadToItsEnd() {
        byte[] endless = new byte[MastodonApi.MAX_ANSWER_BYTES + 1];
        java.util.Arrays.fill(endless, (byte) ' ');
        wiremock.stubFor(get(urlPathMatching("/api/v1/statuses/.*"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody(endless)));

        MastodonStub.assertKind(() -> provider.metrics(token(wiremock), "1100"), Kind.PERMISSION, "more than 4 MB");
    }

    private ProviderException assertPost(ResponseDefinitionBuilder answer, Kind kind, String messagePart) {
        wiremock.stubFor(post(STATUSES).willReturn(answer));
        ProviderException e = MastodonStub.assertKind(() -> provider.publish(token(wiremock), POST), kind, messagePart);
        assertThat(e.toString()).doesNotContain(ACCESS).doesNotContain(CLIENT_SECRET);
        return e;
    }
}
