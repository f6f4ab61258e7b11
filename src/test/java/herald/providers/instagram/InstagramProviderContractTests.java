package herald.providers.instagram;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static herald.providers.WireMockPlatform.NOW;
import static herald.providers.meta.GraphStubs.graph;
import static herald.providers.meta.GraphStubs.graphError;

import com.github.tomakehurst.wiremock.WireMockServer;
import herald.MutableClock;
import herald.providers.PublishRequest;
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

/** The Instagram provider against WireMock answering as the Graph API's content publishing does (contracts 3.1). */
class InstagramProviderContractTests extends SocialProviderContract {

    static final DateTimeFormatter GRAPH_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ").withZone(ZoneOffset.UTC);
    static final String IG = "17841400000000001";

    @RegisterExtension
    static final WireMockPlatform wiremock = new WireMockPlatform();

    InstagramProvider provider;

    @BeforeEach
    void createProvider() {
        provider = provider(wiremock, new MutableClock(NOW), Duration.ofMillis(1500), 30);
    }

    static InstagramProvider provider(WireMockServer wiremock, MutableClock clock, Duration readTimeout, int hashtags) {
        var settings = new InstagramSettings(
                "app-1",
                "app-secret-1",
                GraphStubs.VERSION,
                URI.create(wiremock.baseUrl() + "/dialog-host"),
                URI.create(wiremock.baseUrl()),
                URI.create("https://www.instagram.com"),
                List.of("instagram_basic", "instagram_content_publish", "pages_show_list"),
                hashtags,
                2200,
                10,
                DataSize.ofMegabytes(8),
                DataSize.ofGigabytes(1),
                Duration.ofMillis(10),
                Duration.ofMillis(50),
                Duration.ofSeconds(2),
                readTimeout);
        return new InstagramProvider(settings, GraphStubs.usage(clock), GraphStubs.JSON, clock);
    }

    @Override
    protected SocialProvider provider() {
        return provider;
    }

    @Override
    protected PublishRequest request() {
        return new PublishRequest(
                "contract",
                "Hello, contract",
                null,
                List.of(PublishRequest.Media.image(
                        URI.create("https://herald.test/media/a.jpg?sig=1"), "image/jpeg", 1000)),
                null);
    }

    /** The Page token names the linked Instagram account, its quota is free, and containers are ready at once. */
    static void accountReady(WireMockServer wiremock, String handle) {
        wiremock.stubFor(get(urlPathEqualTo(graph("me")))
                .withQueryParam("fields", equalTo("instagram_business_account{id,username}"))
                .willReturn(
                        okJson("{\"id\":\"page-1\",\"instagram_business_account\":{\"id\":\"%s\",\"username\":\"%s\"}}"
                                .formatted(IG, handle))));
        wiremock.stubFor(get(urlPathEqualTo(graph(IG + "/content_publishing_limit")))
                .willReturn(okJson(
                        "{\"data\":[{\"quota_usage\":2,\"config\":{\"quota_total\":50,\"quota_duration\":86400}}]}")));
    }

    @Override
    protected void platformRefreshes(String refreshToken, String access, String refresh) {
        wiremock.stubFor(get(urlPathEqualTo(graph("oauth/access_token")))
                .withQueryParam("grant_type", equalTo("fb_exchange_token"))
                .withQueryParam("fb_exchange_token", equalTo(refreshToken))
                .willReturn(okJson("{\"access_token\":\"%s\",\"token_type\":\"bearer\",\"expires_in\":5183944}"
                        .formatted(access))));
    }

    @Override
    protected void platformRefusesTheGrant() {
        wiremock.stubFor(get(urlPathEqualTo(graph("oauth/access_token")))
                .willReturn(graphError(190, 458, "The user has not authorized application.")));
    }

    @Override
    protected void platformFails() {
        wiremock.stubFor(get(urlPathEqualTo(graph("oauth/access_token")))
                .willReturn(graphError(500, 1, 0, "An unknown error occurred")));
    }

    @Override
    protected void platformAnswersMalformedJson() {
        wiremock.stubFor(get(urlPathEqualTo(graph("oauth/access_token"))).willReturn(okJson("[1,")));
    }

    @Override
    protected void platformRateLimits(int seconds) {
        wiremock.stubFor(get(urlPathEqualTo(graph("oauth/access_token")))
                .willReturn(graphError(17, 0, "User request limit reached")
                        .withHeader("Retry-After", String.valueOf(seconds))));
    }

    @Override
    protected void platformStalls() {
        wiremock.stubFor(get(urlPathEqualTo(graph("oauth/access_token")))
                .willReturn(okJson("{\"access_token\":\"late\"}").withFixedDelay(3_000)));
    }

    @Override
    protected void platformPublishes(String id, String url) {
        accountReady(wiremock, "contract");
        wiremock.stubFor(post(graph(IG + "/media"))
                .withFormParam("image_url", equalTo("https://herald.test/media/a.jpg?sig=1"))
                .withFormParam("caption", equalTo("Hello, contract"))
                .willReturn(okJson("{\"id\":\"c-1\"}")));
        wiremock.stubFor(get(urlPathEqualTo(graph("c-1")))
                .willReturn(okJson("{\"id\":\"c-1\",\"status_code\":\"FINISHED\",\"status\":\"Finished\"}")));
        wiremock.stubFor(post(graph(IG + "/media_publish"))
                .withFormParam("creation_id", equalTo("c-1"))
                .willReturn(okJson("{\"id\":\"%s\"}".formatted(id))));
        wiremock.stubFor(get(urlPathEqualTo(graph(id)))
                .willReturn(okJson("{\"id\":\"%s\",\"permalink\":\"%s\",\"timestamp\":\"2026-12-01T12:00:03+0000\"}"
                        .formatted(id, url))));
    }

    @Override
    protected void platformRefusesThePost(int status, String error) {
        accountReady(wiremock, "contract");
        var answer =
                switch (status) {
                    // Instagram documents no duplicate error of its own; the Graph envelope's 506 reads alike for both.
                    case 409 -> graphError(506, 0, "Duplicate post");
                    case 400 -> graphError(36000, 2207004, "The image size is too large.");
                    default -> aResponse().withStatus(status).withBody("Service Unavailable");
                };
        wiremock.stubFor(post(graph(IG + "/media")).willReturn(answer));
    }

    @Override
    protected void platformStallsAfterCreating() {
        platformPublishes("m-1", "https://www.instagram.com/p/abc/");
        wiremock.stubFor(post(graph(IG + "/media_publish"))
                .willReturn(okJson("{\"id\":\"m-1\"}").withFixedDelay(3_000)));
    }

    @Override
    protected void platformLists(String handle, Instant createdAt, String... texts) {
        accountReady(wiremock, handle);
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < texts.length; i++) {
            data.append(i == 0 ? "" : ",")
                    .append(("{\"id\":\"m-%d\",\"caption\":\"%s\",\"media_type\":\"IMAGE\",\"timestamp\":\"%s\","
                                    + "\"permalink\":\"https://www.instagram.com/p/%d/\"}")
                            .formatted(i, texts[i], GRAPH_TIME.format(createdAt), i));
        }
        wiremock.stubFor(get(urlPathEqualTo(graph(IG + "/media"))).willReturn(okJson("{\"data\":[" + data + "]}")));
    }
}
