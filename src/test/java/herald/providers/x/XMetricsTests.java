package herald.providers.x;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.providers.MetricsBatch;
import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import herald.vault.Secret;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * X's counts read in bulk (platform-contracts.md 1.3): many posts in one {@code GET /2/tweets?ids=} call with X's
 * partial errors for the ones it has not, and the account's followers from {@code /2/users/me}. Every request is
 * checked against X's OpenAPI document.
 */
class XMetricsTests {

    static final Secret TOKEN = Secret.of("x-metrics-token");

    @RegisterExtension
    static final XStandIn x = XStandIn.checked();

    XProvider provider;

    @BeforeEach
    void reset() {
        provider = x.provider();
    }

    @AfterEach
    void xWasAsked() {
        assertThat(XOpenApi.validated(x)).isPositive();
    }

    @Test
    void readsManyPostsInOneCallAndADeletedOneIsGoneNotAFailure() {
        x.stubFor(
                get(urlEqualTo("/2/tweets?ids=1001,1002,1003&post.fields=public_metrics"))
                        .withHeader("Authorization", equalTo("Bearer x-metrics-token"))
                        .willReturn(
                                okJson(
                                        """
                        {"data":[
                          {"id":"1001","text":"One","public_metrics":{"retweet_count":5,"reply_count":1,"like_count":20,\
                        "quote_count":0,"bookmark_count":2,"impression_count":700}},
                          {"id":"1003","text":"Three","public_metrics":{"repost_count":1,"reply_count":0,"like_count":3,\
                        "quote_count":1,"bookmark_count":0,"impression_count":90}}],
                         "errors":[{"value":"1002","detail":"Could not find tweet with id: [1002].","title":"Not Found Error",\
                        "resource_type":"tweet","parameter":"ids","resource_id":"1002",\
                        "type":"https://api.twitter.com/2/problems/resource-not-found"}]}""")));

        MetricsBatch batch = provider.metrics(TOKEN, List.of("1001", "1002", "1003", "not-an-x-id"));

        x.verify(1, getRequestedFor(urlPathEqualTo("/2/tweets")));
        assertThat(batch.counted()).containsOnlyKeys("1001", "1003");
        assertThat(batch.counted().get("1001").counts())
                .containsEntry("impressions", 700L)
                .containsEntry("likes", 20L)
                .containsEntry("reposts", 5L)
                .containsEntry("bookmarks", 2L);
        assertThat(batch.counted().get("1003").counts())
                .as("the OpenAPI document's name of reposts is read too")
                .containsEntry("reposts", 1L)
                .containsEntry("quotes", 1L);
        assertThat(batch.gone()).containsExactlyInAnyOrder("1002", "not-an-x-id");
        assertThat(batch.refused()).isEmpty();
    }

    @Test
    void aPostXWillNotShowIsRefusedWithXsWordsAndTheOthersStillCount() {
        x.stubFor(
                get(urlPathEqualTo("/2/tweets"))
                        .willReturn(
                                okJson(
                                        """
                        {"data":[{"id":"2001","text":"Fine","public_metrics":{"retweet_count":0,"reply_count":0,\
                        "like_count":1,"quote_count":0,"bookmark_count":0,"impression_count":10}}],
                         "errors":[{"value":"2002","detail":"Sorry, you are not authorized to see the Tweet with id: [2002].",\
                        "title":"Authorization Error","resource_type":"tweet","parameter":"ids","resource_id":"2002",\
                        "type":"https://api.twitter.com/2/problems/not-authorized-for-resource"}]}""")));

        MetricsBatch batch = provider.metrics(TOKEN, List.of("2001", "2002"));

        assertThat(batch.counted()).containsOnlyKeys("2001");
        assertThat(batch.refused()).containsOnlyKeys("2002");
        assertThat(batch.refused().get("2002").kind()).isEqualTo(Kind.PERMISSION);
        assertThat(batch.refused().get("2002").getMessage()).contains("not authorized to see");
    }

    @Test
    void aHundredIdsACallAndARateLimitStopsTheRest() {
        x.stubFor(get(urlPathEqualTo("/2/tweets")).willReturn(okJson("{\"meta\":{\"result_count\":0}}")));
        List<String> ids = IntStream.rangeClosed(1, 150)
                .mapToObj(i -> String.valueOf(3000 + i))
                .toList();

        MetricsBatch batch = provider.metrics(TOKEN, ids);

        x.verify(2, getRequestedFor(urlPathEqualTo("/2/tweets")));
        x.verify(getRequestedFor(urlPathEqualTo("/2/tweets"))
                .withQueryParam("ids", equalTo(String.join(",", ids.subList(100, 150)))));
        assertThat(batch.gone()).hasSize(150);

        x.reset();
        x.stubFor(get(urlPathEqualTo("/2/tweets"))
                .willReturn(XStandIn.json(
                                429,
                                "{\"title\":\"Too Many Requests\",\"detail\":\"Too Many Requests\",\"type\":\"about:blank\","
                                        + "\"status\":429}")
                        .withHeader("x-rate-limit-reset", String.valueOf(XStandIn.NOW.getEpochSecond() + 600))));
        MetricsBatch limited = provider.metrics(TOKEN, ids);
        x.verify(1, getRequestedFor(urlPathEqualTo("/2/tweets")));
        assertThat(limited.refused()).hasSize(150);
        assertThat(limited.refused().get("3150").kind()).isEqualTo(Kind.RATE_LIMITED);
    }

    @Test
    void aRefusedTokenIsThrownSoTheCallerRefreshesIt() {
        x.stubFor(get(urlPathEqualTo("/2/tweets"))
                .willReturn(
                        XStandIn.json(401, "{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"Unauthorized\"}")));
        assertThatThrownBy(() -> provider.metrics(TOKEN, List.of("4001", "4002")))
                .isInstanceOfSatisfying(
                        ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.AUTH_EXPIRED));
    }

    @Test
    void readsTheAccountsFollowersFollowingAndPosts() {
        x.stubFor(get(urlEqualTo("/2/users/me?user.fields=public_metrics"))
                .withHeader("Authorization", equalTo("Bearer x-metrics-token"))
                .willReturn(okJson(
                        """
                        {"data":{"id":"%s","name":"Krusty Burger","username":"krusty",\
                        "public_metrics":{"followers_count":1520,"following_count":31,"tweet_count":412,\
                        "listed_count":4,"like_count":9}}}"""
                                .formatted(XStandIn.USER_ID))));

        var audience = provider.accountMetrics(TOKEN, XStandIn.USER_ID);

        assertThat(audience).hasValueSatisfying(counts -> {
            assertThat(counts.followers()).isEqualTo(1520L);
            assertThat(counts.following()).isEqualTo(31L);
            assertThat(counts.posts()).isEqualTo(412L);
            assertThat(counts.readAt()).isEqualTo(XStandIn.NOW);
        });
        assertThat(provider.countsFollowers()).isTrue();

        // A token that now answers for another account is no reading of the connected one.
        assertThatThrownBy(() -> provider.accountMetrics(TOKEN, "999"))
                .isInstanceOfSatisfying(
                        ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.PERMISSION));
    }
}
