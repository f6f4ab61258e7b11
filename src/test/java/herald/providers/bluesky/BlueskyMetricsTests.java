package herald.providers.bluesky;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static herald.providers.WireMockPlatform.NOW;
import static herald.providers.bluesky.BlueskyStub.DID;
import static herald.providers.bluesky.BlueskyStub.POSTS;
import static herald.providers.bluesky.BlueskyStub.PROFILE;
import static herald.providers.bluesky.BlueskyStub.access;
import static herald.providers.bluesky.BlueskyStub.assertKind;
import static herald.providers.bluesky.BlueskyStub.at;
import static herald.providers.bluesky.BlueskyStub.error;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import herald.providers.AccountMetrics;
import herald.providers.MetricsBatch;
import herald.providers.ProviderException.Kind;
import herald.providers.WireMockPlatform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Likes, reposts, replies and quotes of many posts a call, and the account's followers, from a WireMock AppView. */
class BlueskyMetricsTests {

    @RegisterExtension
    static final WireMockPlatform wiremock = new WireMockPlatform();

    BlueskyProvider provider;

    @BeforeEach
    void createProvider() {
        provider = BlueskyStub.provider(wiremock);
    }

    @Test
    void countsThePostsBlueskyShowsAndCallsTheOthersGone() {
        wiremock.stubFor(get(urlPathEqualTo(POSTS))
                .willReturn(okJson("{\"posts\":[" + view(at("3lone22222222"), 12, 3, 4, 1) + "]}")));

        MetricsBatch batch = provider.metrics(access(), List.of(at("3lone22222222"), at("3ldeleted2222"), "not-a-uri"));

        assertThat(batch.counted().get(at("3lone22222222")).counts())
                .isEqualTo(Map.of("likes", 12L, "reposts", 3L, "replies", 4L, "quotes", 1L));
        assertThat(batch.counted().get(at("3lone22222222")).readAt()).isEqualTo(NOW);
        assertThat(batch.gone()).containsExactlyInAnyOrder(at("3ldeleted2222"), "not-a-uri");
        wiremock.verify(getRequestedFor(urlPathEqualTo(POSTS))
                .withHeader("Authorization", equalTo("Bearer " + access().reveal()))
                .withQueryParam("uris", equalTo(at("3lone22222222")))
                .withQueryParam("uris", equalTo(at("3ldeleted2222"))));
    }

    @Test
    void asksForTwentyFivePostsACall() {
        wiremock.stubFor(get(urlPathEqualTo(POSTS)).willReturn(okJson("{\"posts\":[]}")));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(at(Tids.encode(1_700_000_000_000_000L + i, 1)));
        }

        MetricsBatch batch = provider.metrics(access(), ids);

        assertThat(batch.gone()).hasSize(30);
        List<LoggedRequest> calls = wiremock.findAll(getRequestedFor(urlPathEqualTo(POSTS)));
        assertThat(calls).hasSize(2);
        assertThat(calls)
                .extracting(call -> call.queryParameter("uris").values().size())
                .containsExactly(25, 5);
    }

    @Test
    void aPostWhoseIdNamesTheHandleIsMatchedToTheAnswerByDid() {
        String byHandle = "at://ada.bsky.social/app.bsky.feed.post/3lone22222222";
        wiremock.stubFor(get(urlPathEqualTo(POSTS))
                .willReturn(okJson("{\"posts\":[" + view(at("3lone22222222"), 1, 0, 0, 0) + "]}")));

        assertThat(provider.metrics(access(), byHandle))
                .hasValueSatisfying(metrics -> assertThat(metrics.counts()).containsEntry("likes", 1L));
    }

    @Test
    void aRateLimitRefusesTheRestAndAnExpiredSessionIsThrown() {
        wiremock.stubFor(get(urlPathEqualTo(POSTS))
                .willReturn(
                        error(429, "RateLimitExceeded", "Rate Limit Exceeded").withHeader("Retry-After", "40")));
        MetricsBatch batch = provider.metrics(access(), List.of(at("3lone22222222"), at("3ltwo22222222")));
        assertThat(batch.refused()).containsOnlyKeys(at("3lone22222222"), at("3ltwo22222222"));
        assertThat(batch.refused().get(at("3ltwo22222222")).kind()).isEqualTo(Kind.RATE_LIMITED);

        wiremock.stubFor(get(urlPathEqualTo(POSTS)).willReturn(error(400, "ExpiredToken", "Token has expired")));
        assertKind(
                () -> provider.metrics(access(), List.of(at("3lone22222222"))), Kind.AUTH_EXPIRED, "Token has expired");
    }

    @Test
    void readsTheAccountsFollowersFollowsAndPosts() {
        wiremock.stubFor(get(urlPathEqualTo(PROFILE))
                .withQueryParam("actor", equalTo(DID))
                .willReturn(okJson(
                        "{\"did\":\"%s\",\"handle\":\"ada.bsky.social\",\"followersCount\":1200,\"followsCount\":180,\"postsCount\":642}"
                                .formatted(DID))));

        assertThat(provider.countsFollowers()).isTrue();
        assertThat(provider.accountMetrics(access(), DID)).hasValue(new AccountMetrics(1200, 180L, 642L, NOW));
    }

    private static String view(String uri, int likes, int reposts, int replies, int quotes) {
        return """
                {"uri":"%s","cid":"bafy","author":{"did":"%s","handle":"ada.bsky.social"},
                 "record":{"$type":"app.bsky.feed.post","text":"hi","createdAt":"2026-12-01T12:00:00.000Z"},
                 "likeCount":%d,"repostCount":%d,"replyCount":%d,"quoteCount":%d,"indexedAt":"2026-12-01T12:00:01.000Z"}"""
                .formatted(uri, DID, likes, reposts, replies, quotes);
    }
}
