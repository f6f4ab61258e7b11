package herald.providers.x;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import herald.providers.PublishRequest;
import herald.providers.WireMockPlatform;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/**
 * X played by WireMock from the facts of platform-contracts.md 1: its token endpoint, API and v2 media upload, plus
 * Herald's own asset library serving the media the provider downloads. Every request the provider sends can be checked
 * against X's OpenAPI document by {@link #assertRequestsValid()}; a {@link #checked()} stand-in does so after each test.
 */
final class XStandIn extends WireMockPlatform implements AfterEachCallback {

    static final String USER_ID = "2244994945";
    static final String CLIENT_ID = "herald-x-client";
    static final String CLIENT_SECRET = "herald-x-secret";
    static final Duration READ_TIMEOUT = Duration.ofMillis(2500);
    /** Longer than {@link #READ_TIMEOUT}: how long a stalling X takes to answer. */
    static final int STALL_MILLIS = 6_000;

    final List<Duration> pauses = new ArrayList<>();
    private final boolean checked;

    /** A stand-in that checks nothing by itself. */
    XStandIn() {
        this(false);
    }

    private XStandIn(boolean checked) {
        this.checked = checked;
    }

    /** A stand-in that asserts after each test that every request sent to X's API was one X allows. */
    static XStandIn checked() {
        return new XStandIn(true);
    }

    @Override
    public XStandIn running() {
        super.running();
        return this;
    }

    @Override
    protected void reset() {
        super.reset();
        pauses.clear();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (checked) {
            assertRequestsValid();
        }
    }

    XClientSettings settings(int chunkBytes) {
        String base = baseUrl();
        return new XClientSettings(
                CLIENT_ID,
                CLIENT_SECRET,
                URI.create(base + "/i/oauth2/authorize"),
                URI.create(base + "/2/oauth2/token"),
                URI.create(base + "/2/oauth2/revoke"),
                URI.create(base),
                URI.create(base),
                URI.create("https://x.com"),
                Duration.ofSeconds(2),
                READ_TIMEOUT,
                Duration.ofSeconds(5),
                DataSize.ofBytes(chunkBytes),
                Duration.ofSeconds(60));
    }

    XProvider provider() {
        return provider(settings(8));
    }

    XProvider provider(XClientSettings settings) {
        return new XProvider(
                settings,
                JsonMapper.builder().build(),
                Clock.fixed(NOW, ZoneOffset.UTC),
                downloads("/herald"),
                pauses::add);
    }

    /** Herald's asset library serves {@code bytes} at a signed URL; the medium as a post carries it. */
    PublishRequest.Media medium(String name, String contentType, String kind, byte[] bytes, String altText) {
        URI url = serves("/herald/media/" + name, bytes);
        return new PublishRequest.Media(URI.create(url + "?sig=abc"), contentType, kind, bytes.length, altText);
    }

    void token(int status, String body) {
        stubFor(post("/2/oauth2/token").willReturn(json(status, body)));
    }

    void me(String username) {
        stubFor(get(urlPathEqualTo("/2/users/me"))
                .willReturn(okJson(
                        """
                        {"data":{"id":"%s","name":"Krusty Burger","username":"%s",\
                        "profile_image_url":"https://pbs.twimg.com/profile_images/1/k_normal.jpg"}}"""
                                .formatted(USER_ID, username))));
    }

    void created(String id, String text) {
        stubFor(post("/2/tweets")
                .willReturn(json(
                        201,
                        "{\"data\":{\"id\":\"%s\",\"text\":\"%s\",\"edit_history_tweet_ids\":[\"%s\"]}}"
                                .formatted(id, text, id))));
    }

    /** The media upload answers: ids from {@code firstId} on, processing as {@code processing} says (null: none). */
    void uploads(long firstId, String processing) {
        stubFor(post("/2/media/upload/initialize")
                .willReturn(okJson("{\"data\":{\"id\":\"%d\",\"media_key\":\"3_%d\",\"expires_after_secs\":86399}}"
                        .formatted(firstId, firstId))));
        stubFor(post(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/2/media/upload/[0-9]+/append"))
                .willReturn(okJson("{\"data\":{\"expires_at\":1764676800}}")));
        stubFor(post(com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/2/media/upload/[0-9]+/finalize"))
                .willReturn(okJson(
                        "{\"data\":{\"id\":\"%d\",\"media_key\":\"3_%d\",\"size\":10,\"expires_after_secs\":86400%s}}"
                                .formatted(
                                        firstId,
                                        firstId,
                                        processing == null ? "" : ",\"processing_info\":" + processing))));
        stubFor(post("/2/media/metadata")
                .willReturn(okJson("{\"data\":{\"id\":\"%d\",\"associated_metadata\":true}}".formatted(firstId))));
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", status >= 400 ? "application/problem+json" : "application/json")
                .withBody(body);
    }

    /** Every request sent to X's API was one X's OpenAPI document allows, and there was at least one. */
    void assertRequestsValid() {
        assertThat(XOpenApi.problems(this)).isEmpty();
    }
}
