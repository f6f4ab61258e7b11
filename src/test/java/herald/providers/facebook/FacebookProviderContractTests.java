package herald.providers.facebook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static herald.providers.meta.GraphStubs.graph;
import static herald.providers.meta.GraphStubs.graphError;

import herald.MutableClock;
import herald.providers.SocialProvider;
import herald.providers.SocialProviderContract;
import herald.providers.WireMockPlatform;
import herald.providers.meta.GraphStubs;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.util.unit.DataSize;

/** The Facebook provider against WireMock answering as the Graph API does (platform-contracts.md 2). */
class FacebookProviderContractTests extends SocialProviderContract {

    static final DateTimeFormatter GRAPH_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ").withZone(ZoneOffset.UTC);

    @RegisterExtension
    static final WireMockPlatform wiremock = new WireMockPlatform();

    FacebookProvider provider;

    @BeforeEach
    void createProvider() {
        provider = provider(
                wiremock,
                URI.create("https://platform.test"),
                new MutableClock(WireMockPlatform.NOW),
                Duration.ofMillis(1500));
    }

    /** Facebook's app {@code app-1} with the secret {@code app-secret-1}, its web pages at {@code webUrl}. */
    static FacebookProvider provider(WireMockPlatform wiremock, URI webUrl, MutableClock clock, Duration readTimeout) {
        return provider(wiremock, webUrl, "app-1", "app-secret-1", clock, readTimeout);
    }

    static FacebookProvider provider(
            WireMockPlatform wiremock,
            URI webUrl,
            String clientId,
            String clientSecret,
            MutableClock clock,
            Duration readTimeout) {
        var settings = new FacebookSettings(
                clientId,
                clientSecret,
                GraphStubs.VERSION,
                URI.create(wiremock.baseUrl() + "/dialog-host"),
                URI.create(wiremock.baseUrl()),
                webUrl,
                List.of("pages_show_list", "pages_manage_posts", "pages_read_engagement", "read_insights"),
                10,
                DataSize.ofMegabytes(4),
                63206,
                Duration.ofSeconds(2),
                readTimeout);
        return new FacebookProvider(settings, GraphStubs.usage(clock), wiremock.downloads(""), GraphStubs.JSON, clock);
    }

    @Override
    protected SocialProvider provider() {
        return provider;
    }

    @Override
    protected void platformRefreshes(String refreshToken, String access, String refresh) {
        wiremock.stubFor(get(urlPathEqualTo(graph("oauth/access_token")))
                .withQueryParam("grant_type", equalTo("fb_exchange_token"))
                .withQueryParam("fb_exchange_token", equalTo(refreshToken))
                .withQueryParam("client_secret", equalTo("app-secret-1"))
                .willReturn(okJson("{\"access_token\":\"%s\",\"token_type\":\"bearer\",\"expires_in\":5183944}"
                        .formatted(access))));
    }

    @Override
    protected void platformRefusesTheGrant() {
        wiremock.stubFor(get(urlPathEqualTo(graph("oauth/access_token")))
                .willReturn(graphError(
                        190, 460, "The session has been invalidated because the user changed their" + " password.")));
    }

    @Override
    protected void platformFails() {
        wiremock.stubFor(get(urlPathEqualTo(graph("oauth/access_token")))
                .willReturn(aResponse().withStatus(502).withBody("bad gateway")));
    }

    @Override
    protected void platformAnswersMalformedJson() {
        wiremock.stubFor(get(urlPathEqualTo(graph("oauth/access_token"))).willReturn(okJson("{\"access_token\":")));
    }

    @Override
    protected void platformRateLimits(int seconds) {
        wiremock.stubFor(get(urlPathEqualTo(graph("oauth/access_token")))
                .willReturn(graphError(4, 0, "Application request limit reached")
                        .withHeader("Retry-After", String.valueOf(seconds))));
    }

    @Override
    protected void platformStalls() {
        wiremock.stubFor(get(urlPathEqualTo(graph("oauth/access_token")))
                .willReturn(okJson("{\"access_token\":\"late\"}").withFixedDelay(3_000)));
    }

    @Override
    protected void platformPublishes(String id, String url) {
        // The Page's post URL is Facebook's web address and the post's id; the test's web address is platform.test.
        wiremock.stubFor(post(graph("contract/feed"))
                .withFormParam("message", equalTo("Hello, contract"))
                .withFormParam("access_token", equalTo("contract-at"))
                .willReturn(okJson("{\"id\":\"%s\"}".formatted(id))));
    }

    @Override
    protected void platformRefusesThePost(int status, String error) {
        var answer =
                switch (status) {
                    case 409 -> graphError(506, 0, "Duplicate status message");
                    case 400 -> graphError(100, 0, "Invalid parameter");
                    default -> graphError(status, 2, 0, "Service temporarily unavailable");
                };
        wiremock.stubFor(post(graph("contract/feed")).willReturn(answer));
    }

    @Override
    protected void platformStallsAfterCreating() {
        wiremock.stubFor(post(graph("contract/feed"))
                .willReturn(okJson("{\"id\":\"contract_1\"}").withFixedDelay(3_000)));
    }

    @Override
    protected void platformLists(String handle, Instant createdAt, String... texts) {
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < texts.length; i++) {
            data.append(i == 0 ? "" : ",")
                    .append("{\"id\":\"%s_%d\",\"message\":\"%s\",\"created_time\":\"%s\"}"
                            .formatted(handle, i, texts[i], GRAPH_TIME.format(createdAt)));
        }
        wiremock.stubFor(get(urlPathEqualTo(graph(handle + "/published_posts")))
                .willReturn(okJson("{\"data\":[" + data + "]}")));
    }
}
