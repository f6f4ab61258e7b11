package herald.providers.facebook;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static herald.providers.WireMockPlatform.NOW;
import static herald.providers.meta.GraphStubs.graph;
import static herald.providers.meta.GraphStubs.graphError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.MutableClock;
import herald.providers.AccountType;
import herald.providers.AuthorizationRequest;
import herald.providers.DiscoveredAccount;
import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import herald.providers.ProviderFailures;
import herald.providers.PublishRequest;
import herald.providers.PublishedPost;
import herald.providers.TokenGrant;
import herald.providers.WireMockPlatform;
import herald.vault.Secret;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Facebook's own ways, checked request by request against WireMock: what is sent where, and how answers are read. */
class FacebookProviderTests {

    static final URI REDIRECT = URI.create("https://herald.test/connections/callback/facebook");
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 1, 2, 3, 4, 5};
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 9, 8, 7};

    @RegisterExtension
    static final WireMockPlatform wiremock = new WireMockPlatform();

    MutableClock clock;
    FacebookProvider provider;

    @BeforeEach
    void createProvider() {
        clock = new MutableClock(NOW);
        provider = FacebookProviderContractTests.provider(
                wiremock, URI.create("https://www.facebook.com"), clock, Duration.ofSeconds(3));
        wiremock.serves("/media/a.jpg", JPEG);
        wiremock.serves("/media/b.png", PNG);
    }

    @Test
    void theLoginDialogAsksForPageScopesCommaSeparatedWithoutPkce() {
        URI url = provider.authorizationUrl(
                new AuthorizationRequest("st4te", REDIRECT, "a-challenge", AccountType.COMPANY));
        assertThat(url.toString())
                .startsWith(wiremock.baseUrl() + "/dialog-host/v26.0/dialog/oauth?")
                .contains("client_id=app-1")
                .contains("scope=pages_show_list%2Cpages_manage_posts%2Cpages_read_engagement%2Cread_insights")
                .contains("state=st4te")
                .contains("response_type=code")
                .doesNotContain("code_challenge");
        assertThat(provider.oauth().pkce()).isFalse();
        assertThat(provider.accountTypes()).containsExactly(AccountType.COMPANY);
    }

    @Test
    void exchangesTheCodeWithTheAppSecretThenForALongLivedUserToken() {
        wiremock.stubFor(get(urlPathEqualTo(graph("oauth/access_token")))
                .withQueryParam("code", equalTo("c0de"))
                .willReturn(okJson("{\"access_token\":\"short-user\",\"token_type\":\"bearer\",\"expires_in\":3600}")));
        wiremock.stubFor(get(urlPathEqualTo(graph("oauth/access_token")))
                .withQueryParam("grant_type", equalTo("fb_exchange_token"))
                .willReturn(
                        okJson("{\"access_token\":\"long-user\",\"token_type\":\"bearer\",\"expires_in\":5183944}")));

        TokenGrant grant = provider.exchange("c0de", null, REDIRECT);

        assertThat(grant.accessToken().reveal()).isEqualTo("long-user");
        assertThat(grant.expiresAt()).isEqualTo(NOW.plusSeconds(5183944));
        wiremock.verify(getRequestedFor(urlPathEqualTo(graph("oauth/access_token")))
                .withQueryParam("client_id", equalTo("app-1"))
                .withQueryParam("client_secret", equalTo("app-secret-1"))
                .withQueryParam("redirect_uri", equalTo(REDIRECT.toString()))
                .withQueryParam("code", equalTo("c0de")));
        wiremock.verify(getRequestedFor(urlPathEqualTo(graph("oauth/access_token")))
                .withQueryParam("grant_type", equalTo("fb_exchange_token"))
                .withQueryParam("client_id", equalTo("app-1"))
                .withQueryParam("client_secret", equalTo("app-secret-1"))
                .withQueryParam("fb_exchange_token", equalTo("short-user")));
    }

    @Test
    void everyPageThePersonMayPostToBecomesAConnectionWithItsOwnNonExpiringToken() {
        grants("pages_show_list", "pages_manage_posts", "pages_read_engagement");
        wiremock.stubFor(
                get(urlPathEqualTo(graph("me/accounts")))
                        .withQueryParam("after", absent())
                        .willReturn(
                                okJson(
                                        """
                        {"data":[
                          {"id":"101","name":"Krusty Pizza","access_token":"page-101","tasks":["MANAGE","CREATE_CONTENT"],
                           "picture":{"data":{"url":"https://cdn.test/101.png"}}},
                          {"id":"102","name":"Read Only Page","access_token":"page-102","tasks":["ANALYZE"]}],
                         "paging":{"cursors":{"before":"b1","after":"a1"},"next":"https://graph.facebook.com/next"}}""")));
        wiremock.stubFor(
                get(urlPathEqualTo(graph("me/accounts")))
                        .withQueryParam("after", equalTo("a1"))
                        .willReturn(
                                okJson(
                                        """
                        {"data":[{"id":"103","name":"Hults Cafe","access_token":"page-103","tasks":["CREATE_CONTENT"]}],
                         "paging":{"cursors":{"before":"b2","after":"a2"}}}""")));

        List<DiscoveredAccount> pages = provider.discover(user(), AccountType.COMPANY);

        assertThat(pages).extracting(DiscoveredAccount::externalId).containsExactly("101", "103");
        assertThat(pages).extracting(DiscoveredAccount::username).containsExactly("101", "103");
        assertThat(pages).extracting(DiscoveredAccount::displayName).containsExactly("Krusty Pizza", "Hults Cafe");
        assertThat(pages).allSatisfy(page -> {
            assertThat(page.accountType()).isEqualTo(AccountType.COMPANY);
            assertThat(page.tokens().expiresAt())
                    .as("Page tokens of a long-lived user token do not expire")
                    .isNull();
            assertThat(page.tokens().refreshToken()).isNull();
            assertThat(page.tokens().scopes()).contains("pages_manage_posts");
        });
        assertThat(pages.get(0).tokens().accessToken().reveal()).isEqualTo("page-101");
        assertThat(pages.get(0).avatarUrl()).isEqualTo("https://cdn.test/101.png");
        assertThat(pages.get(1).tokens().accessToken().reveal()).isEqualTo("page-103");
        assertThat(provider.refreshable()).isFalse();
        wiremock.verify(getRequestedFor(urlPathEqualTo(graph("me/accounts")))
                .withQueryParam("access_token", equalTo("long-user"))
                .withQueryParam("appsecret_proof", matching("[0-9a-f]{64}"))
                .withQueryParam("fields", equalTo("id,name,access_token,tasks,picture{url}")));
    }

    @Test
    void aDeclinedPublishingPermissionIsNamed() {
        grants("pages_show_list");
        assertKind(() -> provider.discover(user(), AccountType.COMPANY), Kind.PERMISSION, "pages_manage_posts");
    }

    @Test
    void noPageToPostToIsAPermissionError() {
        grants("pages_show_list", "pages_manage_posts");
        wiremock.stubFor(get(urlPathEqualTo(graph("me/accounts"))).willReturn(okJson("{\"data\":[]}")));
        assertKind(() -> provider.discover(user(), AccountType.COMPANY), Kind.PERMISSION, "no Page");
    }

    @Test
    void aTextAndLinkPostGoesToThePagesFeedWithThePageToken() {
        wiremock.stubFor(post(graph("101/feed")).willReturn(okJson("{\"id\":\"101_9\"}")));

        PublishedPost post = provider.publish(
                Secret.of("page-101"),
                new PublishRequest("101", "Pizza night", URI.create("https://krusty.test/menu")));

        assertThat(post.id()).isEqualTo("101_9");
        assertThat(post.url()).isEqualTo(URI.create("https://www.facebook.com/101_9"));
        wiremock.verify(postRequestedFor(urlPathEqualTo(graph("101/feed")))
                .withFormParam("message", equalTo("Pizza night"))
                .withFormParam("link", equalTo("https://krusty.test/menu"))
                .withFormParam("access_token", equalTo("page-101"))
                .withFormParam("appsecret_proof", matching("[0-9a-f]{64}")));
    }

    @Test
    void onePhotoIsUploadedAsBytesWithTheMessageAndTheLinkInIt() {
        wiremock.stubFor(post(graph("101/photos")).willReturn(okJson("{\"id\":\"555\",\"post_id\":\"101_10\"}")));

        PublishedPost post = provider.publish(
                Secret.of("page-101"),
                new PublishRequest(
                        "101",
                        "New oven",
                        URI.create("https://krusty.test/oven"),
                        List.of(new PublishRequest.Media(
                                media("a.jpg"), "image/jpeg", "image", JPEG.length, "An oven")),
                        null));

        assertThat(post.id()).isEqualTo("101_10");
        wiremock.verify(postRequestedFor(urlPathEqualTo(graph("101/photos")))
                .withHeader("Content-Type", matching("multipart/form-data.*"))
                .withRequestBodyPart(
                        aMultipart("source").withBody(binaryEqualTo(JPEG)).build())
                .withRequestBodyPart(aMultipart("message")
                        .withBody(equalTo("New oven\n\nhttps://krusty.test/oven"))
                        .build())
                .withRequestBodyPart(aMultipart("alt_text_custom")
                        .withBody(equalTo("An oven"))
                        .build())
                .withRequestBodyPart(
                        aMultipart("access_token").withBody(equalTo("page-101")).build()));
    }

    @Test
    void severalPhotosAreUploadedUnpublishedAndAttachedToOneFeedPost() {
        wiremock.stubFor(post(graph("101/photos"))
                .withMultipartRequestBody(aMultipart("source").withBody(binaryEqualTo(JPEG)))
                .willReturn(okJson("{\"id\":\"p-a\"}")));
        wiremock.stubFor(post(graph("101/photos"))
                .withMultipartRequestBody(aMultipart("source").withBody(binaryEqualTo(PNG)))
                .willReturn(okJson("{\"id\":\"p-b\"}")));
        wiremock.stubFor(post(graph("101/feed")).willReturn(okJson("{\"id\":\"101_11\"}")));

        PublishedPost post = provider.publish(
                Secret.of("page-101"),
                new PublishRequest(
                        "101",
                        "Two pizzas",
                        null,
                        List.of(
                                PublishRequest.Media.image(media("a.jpg"), "image/jpeg", JPEG.length),
                                PublishRequest.Media.image(media("b.png"), "image/png", PNG.length)),
                        null));

        assertThat(post.id()).isEqualTo("101_11");
        wiremock.verify(
                2,
                postRequestedFor(urlPathEqualTo(graph("101/photos")))
                        .withRequestBodyPart(aMultipart("published")
                                .withBody(equalTo("false"))
                                .build()));
        wiremock.verify(postRequestedFor(urlPathEqualTo(graph("101/feed")))
                .withFormParam("message", equalTo("Two pizzas"))
                .withFormParam("attached_media[0]", equalTo("{\"media_fbid\":\"p-a\"}"))
                .withFormParam("attached_media[1]", equalTo("{\"media_fbid\":\"p-b\"}"))
                .withFormParam("access_token", equalTo("page-101")));
    }

    @Test
    void videosAndUnknownImageFormatsAreRefusedBeforeAnythingIsSent() {
        assertThat(provider.contentRules().mediaKinds()).containsExactly("image");
        assertThat(provider.contentProblems(
                        "x", null, List.of(PublishRequest.Media.image(media("c.webp"), "image/webp", 10))))
                .singleElement()
                .asString()
                .contains("image/webp");
        assertKind(
                () -> provider.publish(
                        Secret.of("page-101"),
                        new PublishRequest(
                                "101",
                                "A clip",
                                null,
                                List.of(new PublishRequest.Media(media("v.mp4"), "video/mp4", "video", 10, "")),
                                null)),
                Kind.INVALID_CONTENT,
                "video");
        wiremock.verify(0, postRequestedFor(urlPathEqualTo(graph("101/feed"))));
    }

    @ParameterizedTest(name = "code {0}/{1} is {2}")
    @CsvSource({
        "190, 460, AUTH_REVOKED",
        "190, 458, AUTH_REVOKED",
        "190, 467, AUTH_REVOKED",
        "190, 463, AUTH_EXPIRED",
        "190, 0, AUTH_EXPIRED",
        "102, 0, AUTH_EXPIRED",
        "4, 0, RATE_LIMITED",
        "17, 0, RATE_LIMITED",
        "32, 0, RATE_LIMITED",
        "613, 0, RATE_LIMITED",
        "80001, 0, RATE_LIMITED",
        "1, 0, TRANSIENT",
        "2, 0, TRANSIENT",
        "368, 1390008, PERMISSION",
        "506, 1455006, DUPLICATE",
        "100, 0, INVALID_CONTENT",
        "1609005, 0, INVALID_CONTENT",
        "200, 0, PERMISSION",
        "10, 0, PERMISSION",
        "3, 0, PERMISSION"
    })
    void errorsAreClassifiedByCodeAndSubcode(int code, int subcode, Kind kind) {
        wiremock.stubFor(post(graph("101/feed")).willReturn(graphError(code, subcode, "Graph said no")));
        assertKind(() -> provider.publish(Secret.of("page-101"), text("Hi")), kind, "Graph said no");
    }

    @Test
    void aSpamBlockSaysSoAndIsNotRetried() {
        wiremock.stubFor(post(graph("101/feed"))
                .willReturn(graphError(368, 0, "It looks like you were misusing this feature by going too fast.")));
        assertThatThrownBy(() -> provider.publish(Secret.of("page-101"), text("Hi")))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.PERMISSION);
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("temporarily blocked").contains("does not retry");
                });
    }

    @Test
    void aPageRateLimitWaitsAsLongAsMetaEstimates() {
        wiremock.stubFor(post(graph("101/feed"))
                .willReturn(graphError(32, 0, "Page request limit reached")
                        .withHeader(
                                "X-Business-Use-Case-Usage",
                                "{\"101\":[{\"type\":\"pages\",\"call_count\":100,\"total_cputime\":10,"
                                        + "\"total_time\":10,\"estimated_time_to_regain_access\":17}]}")));
        assertThatThrownBy(() -> provider.publish(Secret.of("page-101"), text("Hi")))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(17));
                });
    }

    @Test
    void highUsageHoldsBackTheNextCallForThatPageWithoutCallingMeta() {
        wiremock.stubFor(post(graph("101/feed"))
                .willReturn(okJson("{\"id\":\"101_1\"}")
                        .withHeader(
                                "X-Business-Use-Case-Usage",
                                "{\"101\":[{\"type\":\"pages\",\"call_count\":93,\"total_cputime\":12,"
                                        + "\"total_time\":20,\"estimated_time_to_regain_access\":0}]}")));
        wiremock.stubFor(post(graph("102/feed")).willReturn(okJson("{\"id\":\"102_1\"}")));

        provider.publish(Secret.of("page-101"), text("First"));
        assertThatThrownBy(() -> provider.publish(Secret.of("page-101"), text("Second")))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofMillis(3_600_000L * 3 / 93));
                    assertThat(e.getMessage()).contains("93%");
                });
        wiremock.verify(1, postRequestedFor(urlPathEqualTo(graph("101/feed"))));

        provider.publish(Secret.of("page-102"), new PublishRequest("102", "Other Page", null));
        wiremock.verify(1, postRequestedFor(urlPathEqualTo(graph("102/feed"))));

        clock.advance(Duration.ofMinutes(2));
        provider.publish(Secret.of("page-101"), text("Third"));
        wiremock.verify(2, postRequestedFor(urlPathEqualTo(graph("101/feed"))));
    }

    @Test
    void highAppUsageHoldsBackEveryPageOfTheApp() {
        wiremock.stubFor(post(graph("101/feed"))
                .willReturn(okJson("{\"id\":\"101_1\"}")
                        .withHeader("X-App-Usage", "{\"call_count\":100,\"total_cputime\":5,\"total_time\":5}")));
        provider.publish(Secret.of("page-101"), text("First"));
        assertKind(
                () -> provider.publish(Secret.of("page-102"), new PublishRequest("102", "Other", null)),
                Kind.RATE_LIMITED,
                "X-App-Usage");
        wiremock.verify(0, postRequestedFor(urlPathEqualTo(graph("102/feed"))));
    }

    @Test
    void findsThePostByMessageLinkAndPhotoCountSinceTheAttempt() {
        wiremock.stubFor(
                get(urlPathEqualTo(graph("101/published_posts")))
                        .willReturn(
                                okJson(
                                        """
                        {"data":[
                          {"id":"101_1","message":"Menu","created_time":"2026-12-01T12:00:05+0000",
                           "attachments":{"data":[{"type":"share","unshimmed_url":"https://other.test/"}]}},
                          {"id":"101_2","message":"Menu","created_time":"2026-12-01T12:00:06+0000",
                           "attachments":{"data":[{"type":"album","subattachments":{"data":[{},{}]}}]}},
                          {"id":"101_3","message":"Menu","created_time":"2026-12-01T12:00:07+0000",
                           "permalink_url":"https://www.facebook.com/101/posts/3",
                           "attachments":{"data":[{"type":"share","unshimmed_url":"https://krusty.test/menu/"}]}}]}""")));

        var request = new PublishRequest("101", "Menu", URI.create("https://krusty.test/menu"));
        assertThat(provider.findExisting(Secret.of("page-101"), request, NOW)).hasValueSatisfying(post -> {
            assertThat(post.id()).isEqualTo("101_3");
            assertThat(post.url()).isEqualTo(URI.create("https://www.facebook.com/101/posts/3"));
            assertThat(post.createdAt()).isEqualTo(NOW.plusSeconds(7));
        });
        var twoPhotos = new PublishRequest(
                "101",
                "Menu",
                null,
                List.of(
                        PublishRequest.Media.image(media("a.jpg"), "image/jpeg", 1),
                        PublishRequest.Media.image(media("a.jpg"), "image/jpeg", 1)),
                null);
        assertThat(provider.findExisting(Secret.of("page-101"), twoPhotos, NOW))
                .hasValueSatisfying(post -> assertThat(post.id()).isEqualTo("101_2"));
        var threePhotos = new PublishRequest(
                "101",
                "Menu",
                null,
                List.of(
                        twoPhotos.media().get(0),
                        twoPhotos.media().get(0),
                        twoPhotos.media().get(0)),
                null);
        assertThat(provider.findExisting(Secret.of("page-101"), threePhotos, NOW))
                .isEmpty();
        wiremock.verify(getRequestedFor(urlPathEqualTo(graph("101/published_posts")))
                .withQueryParam("access_token", equalTo("page-101"))
                .withQueryParam(
                        "since", equalTo(String.valueOf(NOW.minusSeconds(60).getEpochSecond()))));
    }

    @Test
    void aPageTokenIsForgottenNotRevokedWhileAUserTokenDeauthorizesTheApp() {
        wiremock.stubFor(get(urlPathEqualTo(graph("debug_token")))
                .withQueryParam("input_token", equalTo("page-101"))
                .willReturn(okJson("{\"data\":{\"type\":\"PAGE\",\"is_valid\":true}}")));
        wiremock.stubFor(get(urlPathEqualTo(graph("debug_token")))
                .withQueryParam("input_token", equalTo("long-user"))
                .willReturn(okJson("{\"data\":{\"type\":\"USER\",\"is_valid\":true}}")));
        wiremock.stubFor(get(urlPathEqualTo(graph("debug_token")))
                .withQueryParam("input_token", equalTo("dead"))
                .willReturn(okJson("{\"data\":{\"is_valid\":false}}")));
        wiremock.stubFor(com.github.tomakehurst.wiremock.client.WireMock.delete(urlPathEqualTo(graph("me/permissions")))
                .willReturn(okJson("{\"success\":true}")));

        provider.revoke(Secret.of("page-101"));
        provider.revoke(Secret.of("dead"));
        wiremock.verify(0, deleteRequestedFor(urlPathEqualTo(graph("me/permissions"))));

        provider.revoke(Secret.of("long-user"));
        wiremock.verify(
                1,
                deleteRequestedFor(urlPathEqualTo(graph("me/permissions")))
                        .withQueryParam("access_token", equalTo("long-user")));
        wiremock.verify(getRequestedFor(urlPathEqualTo(graph("debug_token")))
                .withQueryParam("access_token", equalTo("app-1|app-secret-1")));
    }

    @Test
    void readsReactionsCommentsSharesAndViews() {
        wiremock.stubFor(
                get(urlPathEqualTo(graph("101_9")))
                        .willReturn(
                                okJson(
                                        """
                        {"id":"101_9","reactions":{"data":[],"summary":{"total_count":12}},
                         "comments":{"data":[],"summary":{"total_count":3}},"shares":{"count":2}}""")));
        wiremock.stubFor(
                get(urlPathEqualTo(graph("101_9/insights")))
                        .withQueryParam("metric", equalTo("post_total_media_view_unique"))
                        .willReturn(
                                okJson(
                                        """
                        {"data":[{"name":"post_total_media_view_unique","period":"lifetime",
                          "values":[{"value":340}]}]}""")));

        assertThat(provider.metrics(Secret.of("page-101"), "101_9"))
                .hasValueSatisfying(metrics -> assertThat(metrics.counts())
                        .containsEntry("reactions", 12L)
                        .containsEntry("comments", 3L)
                        .containsEntry("shares", 2L)
                        .containsEntry("views", 340L));

        wiremock.stubFor(get(urlPathEqualTo(graph("101_9/insights")))
                .willReturn(graphError(100, 0, "The value must be a valid insights metric")));
        assertThat(provider.metrics(Secret.of("page-101"), "101_9"))
                .hasValueSatisfying(metrics -> assertThat(metrics.counts())
                        .containsEntry("reactions", 12L)
                        .doesNotContainKey("views"));
    }

    @Test
    void readsThePagesFollowersOrItsFansWhereFacebookGivesNoFollowers() {
        wiremock.stubFor(get(urlPathEqualTo(graph("101")))
                .withQueryParam("fields", equalTo("followers_count,fan_count"))
                .withQueryParam("access_token", equalTo("page-101"))
                .willReturn(okJson("{\"followers_count\":2048,\"fan_count\":1990,\"id\":\"101\"}")));
        assertThat(provider.countsFollowers()).isTrue();
        assertThat(provider.accountMetrics(Secret.of("page-101"), "101")).hasValueSatisfying(counts -> {
            assertThat(counts.followers()).isEqualTo(2048L);
            assertThat(counts.following()).isNull();
            assertThat(counts.posts()).isNull();
            assertThat(counts.readAt()).isEqualTo(NOW);
        });

        wiremock.stubFor(get(urlPathEqualTo(graph("101"))).willReturn(okJson("{\"fan_count\":1990,\"id\":\"101\"}")));
        assertThat(provider.accountMetrics(Secret.of("page-101"), "101"))
                .hasValueSatisfying(counts -> assertThat(counts.followers()).isEqualTo(1990L));

        wiremock.stubFor(get(urlPathEqualTo(graph("101"))).willReturn(okJson("{\"id\":\"101\"}")));
        assertThat(provider.accountMetrics(Secret.of("page-101"), "101")).isEmpty();

        wiremock.stubFor(get(urlPathEqualTo(graph("101")))
                .willReturn(graphError(
                        190, 460, "The session has been invalidated because the user changed their" + " password")));
        assertThatThrownBy(() -> provider.accountMetrics(Secret.of("page-101"), "101"))
                .isInstanceOfSatisfying(
                        ProviderException.class, e -> assertThat(e.kind()).isNotEqualTo(Kind.TRANSIENT));
    }

    @Test
    void withoutTheAppsIdAndSecretThePlatformNamesWhatToSet() {
        var unconfigured = FacebookProviderContractTests.provider(
                wiremock, URI.create("https://www.facebook.com"), "", "", clock, Duration.ofSeconds(3));
        assertThat(unconfigured.configured()).isFalse();
        assertThat(unconfigured.missingSettings())
                .containsExactly("HERALD_FACEBOOK_CLIENT_ID", "HERALD_FACEBOOK_CLIENT_SECRET");
        assertThat(provider.missingSettings()).isEmpty();
    }

    @Test
    void theTokensSentNeverShowInErrors() {
        wiremock.stubFor(
                post(graph("101/feed")).willReturn(graphError(190, 0, "Malformed access token page-101-very-secret")));
        assertThatThrownBy(() -> provider.publish(Secret.of("page-101-very-secret"), text("Hi")))
                .satisfies(e -> assertThat(e.toString()).doesNotContain("page-101-very-secret"));
        wiremock.stubFor(post(graph("101/feed")).willReturn(okJson("{}").withFixedDelay(4_000)));
        assertThatThrownBy(() -> provider.publish(Secret.of("page-101-very-secret"), text("Hi")))
                .satisfies(e -> {
                    assertThat(e.toString()).doesNotContain("page-101-very-secret");
                    assertThat(e.getCause()).isNull();
                });
    }

    @Test
    void theAppSecretNeverShowsInErrorsEvenWhenMetaEchoesIt() {
        wiremock.stubFor(get(urlPathEqualTo(graph("oauth/access_token")))
                .willReturn(graphError(101, 0, "Error validating client secret app-secret-1")));
        assertThatThrownBy(() -> provider.exchange("c0de", null, REDIRECT))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.PERMISSION);
                    assertThat(e.getMessage())
                            .contains("Check the app id and secret")
                            .doesNotContain("app-secret-1");
                });
    }

    static PublishRequest text(String text) {
        return new PublishRequest("101", text, null);
    }

    static URI media(String name) {
        return URI.create(wiremock.baseUrl() + "/media/" + name);
    }

    static TokenGrant user() {
        return new TokenGrant(Secret.of("long-user"), null, NOW.plusSeconds(5183944), List.of());
    }

    static void grants(String... granted) {
        StringBuilder data = new StringBuilder();
        for (String permission : granted) {
            data.append(data.isEmpty() ? "" : ",")
                    .append("{\"permission\":\"%s\",\"status\":\"granted\"}".formatted(permission));
        }
        data.append(",{\"permission\":\"read_insights\",\"status\":\"declined\"}");
        wiremock.stubFor(get(urlPathEqualTo(graph("me/permissions")))
                .withQueryParam("access_token", equalTo("long-user"))
                .willReturn(okJson("{\"data\":[" + data + "]}")));
    }

    static void assertKind(Runnable call, Kind kind, String messagePart) {
        ProviderFailures.assertKind(call::run, "facebook", kind, messagePart);
    }
}
