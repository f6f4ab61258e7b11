package herald.providers.x;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import herald.providers.PostMetrics;
import herald.providers.ProviderException.Kind;
import herald.providers.PublishRequest;
import herald.vault.Secret;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Reading back from X: a post's public metrics, and the account's timeline for reconciliation. */
class XReadTests {

    static final Secret TOKEN = Secret.of("x-read-token");
    static final Instant SINCE = XStandIn.NOW.minusSeconds(60);
    static final String TIMELINE = "/2/users/" + XStandIn.USER_ID + "/tweets";

    @RegisterExtension
    static final XStandIn x = XStandIn.checked();

    XProvider provider;

    @BeforeEach
    void reset() {
        provider = x.provider();
    }

    @Test
    void readsThePublicMetricsUnderHeraldsNames() {
        x.stubFor(
                get(urlEqualTo("/2/tweets/1234567890?post.fields=public_metrics"))
                        .withHeader("Authorization", equalTo("Bearer x-read-token"))
                        .willReturn(
                                okJson(
                                        """
                        {"data":{"id":"1234567890","text":"Hello world!","public_metrics":{"retweet_count":50,\
                        "reply_count":12,"like_count":234,"quote_count":5,"bookmark_count":8,"impression_count":5432}}}""")));

        Optional<PostMetrics> metrics = provider.metrics(TOKEN, "1234567890");

        assertThat(metrics).hasValueSatisfying(read -> {
            assertThat(read.counts())
                    .containsEntry("impressions", 5432L)
                    .containsEntry("likes", 234L)
                    .containsEntry("replies", 12L)
                    .containsEntry("reposts", 50L)
                    .containsEntry("quotes", 5L)
                    .containsEntry("bookmarks", 8L);
            assertThat(read.readAt()).isEqualTo(XStandIn.NOW);
        });
    }

    @Test
    void aDeletedPostHasNoMetricsAndAnExpiredTokenSaysSo() {
        x.stubFor(
                get(urlPathEqualTo("/2/tweets/1234567891"))
                        .willReturn(
                                okJson(
                                        """
                        {"errors":[{"value":"1234567891","detail":"Could not find tweet with id: [1234567891].",\
                        "title":"Not Found Error","resource_type":"tweet","parameter":"id","resource_id":"1234567891",\
                        "type":"https://api.twitter.com/2/problems/resource-not-found"}]}""")));
        assertThat(provider.metrics(TOKEN, "1234567891")).isEmpty();
        assertThat(provider.metrics(TOKEN, "not-an-x-id")).isEmpty();
        x.stubFor(get(urlPathEqualTo("/2/tweets/1234567892"))
                .willReturn(
                        XStandIn.json(401, "{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"Unauthorized\"}")));
        XPublishTests.assertKind(() -> provider.metrics(TOKEN, "1234567892"), Kind.AUTH_EXPIRED, "Unauthorized");
    }

    @Test
    void findsThePostByItsTextAsXKeepsItAndItsMediaCount() {
        x.me("krusty");
        x.stubFor(get(urlPathEqualTo(TIMELINE))
                .willReturn(okJson(
                        """
                        {"data":[
                          {"id":"1900000000000000003","text":"Fish &amp; chips today https://t.co/AbC","created_at":"%s"},
                          {"id":"1900000000000000002","text":"Fish &amp; chips today https://t.co/AbC https://t.co/m3d",\
                        "created_at":"%s","attachments":{"media_keys":["3_1"]}},
                          {"id":"1900000000000000001","text":"Fish &amp; chips today","created_at":"%s"}],
                         "meta":{"result_count":3,"newest_id":"1900000000000000003"}}"""
                                .formatted(SINCE.plusSeconds(30), SINCE.plusSeconds(10), SINCE.minusSeconds(600)))));
        var image = new PublishRequest.Media(URI.create("https://herald.test/m/1"), "image/png", "image", 10, "");
        var request = new PublishRequest(
                "krusty", "Fish & chips today", URI.create("https://krusty.example/menu"), List.of(image), null);

        var found = provider.findExisting(TOKEN, request, SINCE);

        assertThat(found).hasValueSatisfying(post -> {
            assertThat(post.id()).isEqualTo("1900000000000000002");
            assertThat(post.url()).isEqualTo(URI.create("https://x.com/krusty/status/1900000000000000002"));
            assertThat(post.createdAt()).isEqualTo(SINCE.plusSeconds(10));
        });
        x.verify(getRequestedFor(urlEqualTo(TIMELINE + "?max_results=100&exclude=retweets&start_time="
                + SINCE.minusSeconds(2) + "&post.fields=created_at,attachments")));
        var withoutMedia = new PublishRequest("krusty", "Fish & chips today", null, List.of(), null);
        assertThat(provider.findExisting(TOKEN, withoutMedia, SINCE))
                .as("the post without media is the newer one; the one before the attempt is not")
                .hasValueSatisfying(post -> assertThat(post.id()).isEqualTo("1900000000000000003"));
    }

    @Test
    void readsFurtherPagesAndProvesAbsence() {
        x.me("krusty");
        x.stubFor(get(urlPathEqualTo(TIMELINE))
                .willReturn(okJson(
                        """
                        {"data":[{"id":"1900000000000000009","text":"Something else","created_at":"%s"}],
                         "meta":{"result_count":1,"next_token":"7140dibdnow9c7btw4"}}"""
                                .formatted(SINCE.plusSeconds(5)))));
        x.stubFor(get(urlPathEqualTo(TIMELINE))
                .withQueryParam("pagination_token", equalTo("7140dibdnow9c7btw4"))
                .willReturn(okJson("{\"meta\":{\"result_count\":0}}")));

        assertThat(provider.findExisting(TOKEN, new PublishRequest("krusty", "Not there", null), SINCE))
                .isEmpty();
        x.verify(2, getRequestedFor(urlPathEqualTo(TIMELINE)));
    }

    @Test
    void aTimelineXWillNotShowIsNoProofOfAbsence() {
        x.me("krusty");
        x.stubFor(get(urlPathEqualTo(TIMELINE)).willReturn(XStandIn.json(503, "{\"title\":\"Service Unavailable\"}")));
        XPublishTests.assertKind(
                () -> provider.findExisting(TOKEN, new PublishRequest("krusty", "Hi", null), SINCE),
                Kind.TRANSIENT,
                "recent posts");
    }
}
