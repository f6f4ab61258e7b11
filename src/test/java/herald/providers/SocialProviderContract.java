package herald.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.providers.ProviderException.Kind;
import herald.vault.Secret;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SocialProvider} promises, whatever the platform: the standard authorize URL, tokens only as
 * secrets, and the platform's failures in the one taxonomy. A platform's test extends this and makes its stub (WireMock
 * or the Sandbox) answer each way.
 */
public abstract class SocialProviderContract {

    protected static final URI REDIRECT = URI.create("https://herald.test/connections/callback/platform");

    protected abstract SocialProvider provider();

    /** The token endpoint answers a refresh of {@code refreshToken} with {@code access} and {@code refresh}. */
    protected abstract void platformRefreshes(String refreshToken, String access, String refresh);

    /** The platform refuses the grant itself (revoked, spent, app removed). */
    protected abstract void platformRefusesTheGrant();

    /** The platform fails with a server error. */
    protected abstract void platformFails();

    /** The platform answers 200 with a body that is not the JSON it documents. */
    protected abstract void platformAnswersMalformedJson();

    /** The platform rate-limits, asking to wait {@code seconds}. */
    protected abstract void platformRateLimits(int seconds);

    /** The platform takes longer than the provider's read timeout. */
    protected abstract void platformStalls();

    /** The publish endpoint creates a post and answers with {@code id} and {@code url}. */
    protected abstract void platformPublishes(String id, String url);

    /** The publish endpoint answers with one of {@code status}'s errors: 409 duplicate, 400 invalid, 5xx. */
    protected abstract void platformRefusesThePost(int status, String error);

    /** The publish endpoint creates the post and answers after the provider's read timeout. */
    protected abstract void platformStallsAfterCreating();

    /** The account's recent posts are these texts, each created at {@code createdAt}. */
    protected abstract void platformLists(String handle, java.time.Instant createdAt, String... texts);

    /**
     * The URL the provider should give a post the platform published as {@code id} and answered {@code url} for:
     * that URL, unless the platform answers none and the provider builds it (X: {@code x.com/{handle}/status/{id}}).
     */
    protected URI publishedUrl(String id, String url) {
        return URI.create(url);
    }

    protected static final PublishRequest REQUEST = new PublishRequest("contract", "Hello, contract", null);

    /** The post the publishing tests send; a platform that requires media (Instagram) gives one with an image. */
    protected PublishRequest request() {
        return REQUEST;
    }

    @Test
    void publishingAnswersThePlatformsIdAndUrl() {
        platformPublishes("p-1", "https://platform.test/p-1");
        PublishedPost post = provider().publish(Secret.of("contract-at"), request());
        assertThat(post.id()).isEqualTo("p-1");
        assertThat(post.url()).isEqualTo(publishedUrl("p-1", "https://platform.test/p-1"));
    }

    @Test
    void publishingFailuresAreInTheTaxonomy() {
        platformRefusesThePost(409, "duplicate");
        assertPublishFails(Kind.DUPLICATE);
        platformRefusesThePost(400, "invalid_content");
        assertPublishFails(Kind.INVALID_CONTENT);
        platformRefusesThePost(503, "unavailable");
        assertPublishFails(Kind.TRANSIENT);
    }

    @Test
    void aStallAfterSendingAPostIsAnUnknownOutcomeNeverTransient() {
        platformStallsAfterCreating();
        assertPublishFails(Kind.UNKNOWN_OUTCOME);
    }

    @Test
    void findsAnExistingPostBySameTextSinceTheAttemptBegan() {
        java.time.Instant since = java.time.Instant.parse("2026-12-01T12:00:00Z");
        platformLists(
                request().accountHandle(),
                since.plusSeconds(1),
                "Something else",
                request().text());
        assertThat(provider().findExisting(Secret.of("contract-at"), request(), since))
                .hasValueSatisfying(post -> assertThat(post.id()).isNotBlank());
        platformLists(
                request().accountHandle(), since.minusSeconds(3600), request().text());
        assertThat(provider().findExisting(Secret.of("contract-at"), request(), since))
                .as("a post older than the attempt is not this one")
                .isEmpty();
    }

    private void assertPublishFails(Kind kind) {
        assertThatThrownBy(() -> provider().publish(Secret.of("contract-at-secret"), request()))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind);
                    assertThat(e.toString()).doesNotContain("contract-at-secret");
                });
    }

    @Test
    void buildsAStandardAuthorizeUrl() {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                provider().connectMethod() == ConnectMethod.OAUTH, "the platform connects without OAuth");
        Secret verifier = Pkce.verifier();
        var type = provider().accountTypes().getFirst();
        URI url = provider()
                .authorizationUrl(new AuthorizationRequest("the-state", REDIRECT, Pkce.challenge(verifier), type));
        Map<String, String> query = Arrays.stream(url.getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
        assertThat(url.toString())
                .startsWith(provider().oauth().authorizationEndpoint().toString());
        assertThat(query)
                .containsEntry("response_type", "code")
                .containsEntry("client_id", provider().oauth().clientId())
                .containsEntry("redirect_uri", REDIRECT.toString())
                .containsEntry("state", "the-state");
        if (provider().oauth().pkce()) {
            assertThat(query)
                    .containsEntry("code_challenge", Pkce.challenge(verifier))
                    .containsEntry("code_challenge_method", "S256");
        }
    }

    @Test
    void refreshesIntoSecretsThatDoNotShowThemselves() {
        platformRefreshes("contract-rt", "contract-at-2", "contract-rt-2");
        TokenGrant grant = provider().refresh(Secret.of("contract-rt"));
        assertThat(grant.accessToken().reveal()).isEqualTo("contract-at-2");
        assertThat(grant.refreshToken()).isNotNull();
        assertThat(grant.toString()).doesNotContain("contract-at-2").doesNotContain("contract-rt-2");
    }

    @Test
    void aRefusedGrantIsAuthRevoked() {
        platformRefusesTheGrant();
        assertKind(Kind.AUTH_REVOKED);
    }

    @Test
    void aServerErrorIsTransient() {
        platformFails();
        assertKind(Kind.TRANSIENT);
    }

    @Test
    void malformedJsonIsTransientAndSaysSo() {
        platformAnswersMalformedJson();
        assertThatThrownBy(() -> provider().refresh(Secret.of("contract-rt")))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.TRANSIENT);
                    assertThat(e.getMessage()).containsIgnoringCase("malformed");
                });
    }

    @Test
    void aRateLimitCarriesItsWait() {
        platformRateLimits(30);
        assertThatThrownBy(() -> provider().refresh(Secret.of("contract-rt")))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30));
                });
    }

    @Test
    void aStallIsTransient() {
        platformStalls();
        assertKind(Kind.TRANSIENT);
    }

    private void assertKind(Kind kind) {
        assertThatThrownBy(() -> provider().refresh(Secret.of("contract-rt-secret")))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind);
                    assertThat(e.provider()).isEqualTo(provider().id());
                    assertThat(e.toString()).doesNotContain("contract-rt-secret");
                });
    }
}
