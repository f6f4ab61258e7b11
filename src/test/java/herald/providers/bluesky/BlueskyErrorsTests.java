package herald.providers.bluesky;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static herald.providers.bluesky.BlueskyStub.CREATE;
import static herald.providers.bluesky.BlueskyStub.HANDLE;
import static herald.providers.bluesky.BlueskyStub.PROFILE;
import static herald.providers.bluesky.BlueskyStub.UPLOAD;
import static herald.providers.bluesky.BlueskyStub.access;
import static herald.providers.bluesky.BlueskyStub.error;
import static herald.providers.bluesky.BlueskyStub.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import herald.providers.PublishRequest;
import herald.providers.WireMockPlatform;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bluesky's XRPC errors in Herald's taxonomy, in the platform's words and never with the token. */
class BlueskyErrorsTests {

    static final PublishRequest POST = new PublishRequest(HANDLE, "Hello", null);

    @RegisterExtension
    static final WireMockPlatform wiremock = new WireMockPlatform();

    BlueskyProvider provider;

    @BeforeEach
    void createProvider() {
        provider = BlueskyStub.provider(wiremock);
    }

    @Test
    void anExpiredOrInvalidSessionIsRenewedFirst() {
        assertPost(error(400, "ExpiredToken", "Token has expired"), Kind.AUTH_EXPIRED, "Token has expired");
        assertPost(error(401, "ExpiredToken", "Token has expired"), Kind.AUTH_EXPIRED, "ExpiredToken");
        assertPost(error(400, "InvalidToken", "Token could not be verified"), Kind.AUTH_EXPIRED, "InvalidToken");
        assertPost(error(401, "AuthenticationRequired", "Authentication Required"), Kind.AUTH_EXPIRED, "session");
    }

    @Test
    void aRateLimitWaitsUntilItsResetOrAsLongAsAsked() {
        ProviderException reset = assertPost(
                error(429, "RateLimitExceeded", "Rate Limit Exceeded")
                        .withHeader("RateLimit-Reset", String.valueOf(WireMockPlatform.NOW.getEpochSecond() + 90)),
                Kind.RATE_LIMITED,
                "rate-limited");
        assertThat(reset.retryAfter()).isEqualTo(Duration.ofSeconds(90));
        ProviderException retry = assertPost(
                error(429, "RateLimitExceeded", "Rate Limit Exceeded").withHeader("Retry-After", "12"),
                Kind.RATE_LIMITED,
                "rate-limited");
        assertThat(retry.retryAfter()).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void contentBlueskyRefusesIsInvalidInItsOwnWords() {
        assertPost(
                error(
                        400,
                        "InvalidRequest",
                        "Invalid app.bsky.feed.post record: Record/text must not be longer than 300 graphemes"),
                Kind.INVALID_CONTENT,
                "must not be longer than 300 graphemes");
    }

    @Test
    void anImageTooLargeIsInvalidContent() {
        URI png = wiremock.serves("/herald/media/big.png", new byte[] {1, 2, 3});
        wiremock.stubFor(post(UPLOAD).willReturn(error(413, "PayloadTooLarge", "request entity too large")));
        var media = List.of(PublishRequest.Media.image(png, "image/png", 3));

        BlueskyStub.assertKind(
                () -> provider.publish(access(), new PublishRequest(HANDLE, "Big", null, media, null)),
                Kind.INVALID_CONTENT,
                "request entity too large");
    }

    @Test
    void serverErrorsAndSilenceAreTransient() {
        wiremock.stubFor(get(urlPathEqualTo(BlueskyStub.GET_RECORD)).willReturn(error(400, "RecordNotFound", "none")));
        assertPost(error(502, "UpstreamFailure", "Upstream Failure"), Kind.TRANSIENT, "HTTP 502");

        var unreachable = new BlueskySettings(
                true,
                URI.create("http://127.0.0.1:9"),
                URI.create("https://bsky.app"),
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                Duration.ofSeconds(1));
        BlueskyStub.assertKind(
                () -> BlueskyStub.provider(unreachable, wiremock).publish(access(), POST),
                Kind.TRANSIENT,
                "could not be reached");
    }

    @Test
    void malformedJsonIsTransientAndSaysSo() {
        wiremock.stubFor(get(urlPathEqualTo(PROFILE)).willReturn(json(200, "<html>oops</html>")));
        BlueskyStub.assertKind(
                () -> provider.accountMetrics(access(), BlueskyStub.DID), Kind.TRANSIENT, "malformed JSON");
    }

    @Test
    void aTakenDownAccountIsRefusedPermission() {
        assertPost(error(401, "AccountTakedown", "Account has been taken down"), Kind.PERMISSION, "taken down");
    }

    @Test
    void anAcceptedPostWithoutAnAddressIsAnUnknownOutcome() {
        assertPost(json(200, "{}"), Kind.UNKNOWN_OUTCOME, "without its address");
    }

    private ProviderException assertPost(ResponseDefinitionBuilder answer, Kind kind, String messagePart) {
        wiremock.stubFor(post(CREATE).willReturn(answer));
        ProviderException e = BlueskyStub.assertKind(() -> provider.publish(access(), POST), kind, messagePart);
        assertThat(e.toString()).doesNotContain(access().reveal());
        return e;
    }
}
