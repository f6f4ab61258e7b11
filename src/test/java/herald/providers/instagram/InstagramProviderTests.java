package herald.providers.instagram;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static herald.providers.WireMockPlatform.NOW;
import static herald.providers.instagram.InstagramProviderContractTests.IG;
import static herald.providers.instagram.InstagramProviderContractTests.accountReady;
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
import herald.providers.PublishJournal;
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

/** Instagram's container flow, quota, journal and rules, checked request by request against WireMock. */
class InstagramProviderTests {

    static final Secret TOKEN = Secret.of("page-token-1");
    static final PublishRequest.Media JPEG_OK = PublishRequest.Media.image(URI.create("asset:3"), "image/jpeg", 1000);

    @RegisterExtension
    static final WireMockPlatform wiremock = new WireMockPlatform();

    MutableClock clock;
    InstagramProvider provider;

    @BeforeEach
    void createProvider() {
        clock = new MutableClock(NOW);
        provider = InstagramProviderContractTests.provider(wiremock, clock, Duration.ofSeconds(3), 30);
    }

    @Test
    void theLoginDialogAsksForInstagramPublishingScopesWithoutPkce() {
        URI url = provider.authorizationUrl(new AuthorizationRequest(
                "st4te", URI.create("https://herald.test/cb/instagram"), "challenge", AccountType.COMPANY));
        assertThat(url.toString())
                .startsWith(wiremock.baseUrl() + "/dialog-host/v26.0/dialog/oauth?")
                .contains("scope=instagram_basic%2Cinstagram_content_publish%2Cpages_show_list")
                .doesNotContain("code_challenge");
        assertThat(provider.refreshable()).isFalse();
    }

    @Test
    void theInstagramAccountsLinkedToThePagesBecomeConnectionsWithTheirPagesTokens() {
        wiremock.stubFor(
                get(urlPathEqualTo(graph("me/permissions")))
                        .willReturn(
                                okJson(
                                        """
                        {"data":[{"permission":"pages_show_list","status":"granted"},
                          {"permission":"instagram_basic","status":"granted"},
                          {"permission":"instagram_content_publish","status":"granted"}]}""")));
        wiremock.stubFor(
                get(urlPathEqualTo(graph("me/accounts")))
                        .willReturn(
                                okJson(
                                        """
                        {"data":[
                          {"id":"101","name":"Krusty Pizza","access_token":"page-101",
                           "instagram_business_account":{"id":"1784-1","username":"krustypizza","name":"Krusty",
                             "profile_picture_url":"https://cdn.test/k.jpg"}},
                          {"id":"102","name":"No Instagram","access_token":"page-102"},
                          {"id":"103","name":"Hults","access_token":"page-103",
                           "instagram_business_account":{"id":"1784-3","username":"hults"}}]}""")));

        List<DiscoveredAccount> accounts =
                provider.discover(new TokenGrant(Secret.of("long-user"), null, null, List.of()), AccountType.COMPANY);

        assertThat(accounts).extracting(DiscoveredAccount::externalId).containsExactly("1784-1", "1784-3");
        assertThat(accounts).extracting(DiscoveredAccount::username).containsExactly("krustypizza", "hults");
        assertThat(accounts).extracting(DiscoveredAccount::displayName).containsExactly("Krusty", "hults");
        assertThat(accounts.get(0).avatarUrl()).isEqualTo("https://cdn.test/k.jpg");
        assertThat(accounts.get(0).tokens().accessToken().reveal()).isEqualTo("page-101");
        assertThat(accounts.get(1).tokens().accessToken().reveal()).isEqualTo("page-103");
        assertThat(accounts)
                .allSatisfy(account -> assertThat(account.tokens().expiresAt()).isNull());
        wiremock.verify(
                getRequestedFor(urlPathEqualTo(graph("me/accounts")))
                        .withQueryParam("access_token", equalTo("long-user"))
                        .withQueryParam(
                                "fields",
                                equalTo(
                                        "id,name,access_token,instagram_business_account{id,username,name,profile_picture_url}")));
    }

    @Test
    void noLinkedInstagramAccountIsAPermissionErrorThatSaysWhatToDo() {
        wiremock.stubFor(
                get(urlPathEqualTo(graph("me/permissions")))
                        .willReturn(
                                okJson(
                                        """
                        {"data":[{"permission":"pages_show_list","status":"granted"},
                          {"permission":"instagram_basic","status":"granted"},
                          {"permission":"instagram_content_publish","status":"granted"}]}""")));
        wiremock.stubFor(get(urlPathEqualTo(graph("me/accounts")))
                .willReturn(okJson("{\"data\":[{\"id\":\"102\",\"access_token\":\"page-102\"}]}")));
        assertKind(
                () -> provider.discover(
                        new TokenGrant(Secret.of("long-user"), null, null, List.of()), AccountType.COMPANY),
                Kind.PERMISSION,
                "link it to a Page");
    }

    @Test
    void anImageIsCreatedFromItsSignedUrlPolledUntilFinishedThenPublished() {
        accountReady(wiremock, "krusty");
        wiremock.stubFor(post(graph(IG + "/media")).willReturn(okJson("{\"id\":\"c-1\"}")));
        statuses("c-1", "IN_PROGRESS", "IN_PROGRESS", "FINISHED");
        published("m-1");
        var journal = PublishJournal.inMemory();

        PublishedPost post = provider.publish(TOKEN, image("Pizza night #pizza"), journal);

        assertThat(post.id()).isEqualTo("m-1");
        assertThat(post.url()).isEqualTo(URI.create("https://www.instagram.com/p/m-1/"));
        assertThat(journal.get("instagram.container")).hasValue("c-1");
        assertThat(journal.get("instagram.media")).hasValue("m-1");
        wiremock.verify(postRequestedFor(urlPathEqualTo(graph(IG + "/media")))
                .withFormParam("image_url", equalTo("https://herald.test/media/a.jpg?sig=1"))
                .withFormParam("caption", equalTo("Pizza night #pizza"))
                .withFormParam("alt_text", equalTo("A pizza"))
                .withFormParam("access_token", equalTo("page-token-1")));
        wiremock.verify(
                3,
                getRequestedFor(urlPathEqualTo(graph("c-1"))).withQueryParam("fields", equalTo("status_code,status")));
        wiremock.verify(
                1,
                postRequestedFor(urlPathEqualTo(graph(IG + "/media_publish")))
                        .withFormParam("creation_id", equalTo("c-1"))
                        .withFormParam("access_token", equalTo("page-token-1")));
        wiremock.verify(getRequestedFor(urlPathEqualTo(graph(IG + "/content_publishing_limit")))
                .withQueryParam("fields", equalTo("quota_usage,config"))
                .withQueryParam(
                        "since",
                        equalTo(String.valueOf(NOW.minus(Duration.ofDays(1)).getEpochSecond()))));
    }

    @Test
    void aVideoIsAReel() {
        accountReady(wiremock, "krusty");
        wiremock.stubFor(post(graph(IG + "/media")).willReturn(okJson("{\"id\":\"c-2\"}")));
        statuses("c-2", "FINISHED");
        published("m-2");

        provider.publish(
                TOKEN,
                new PublishRequest(
                        "krusty",
                        "Oven cam",
                        null,
                        List.of(new PublishRequest.Media(
                                URI.create("https://herald.test/media/v.mp4?sig=2"), "video/mp4", "video", 5000, "")),
                        null),
                PublishJournal.inMemory());

        wiremock.verify(postRequestedFor(urlPathEqualTo(graph(IG + "/media")))
                .withFormParam("media_type", equalTo("REELS"))
                .withFormParam("video_url", equalTo("https://herald.test/media/v.mp4?sig=2"))
                .withFormParam("caption", equalTo("Oven cam")));
    }

    @Test
    void aStoryIsAStoriesContainerOfItsMediumWithoutCaptionAndIsFoundAmongTheStories() {
        accountReady(wiremock, "krusty");
        wiremock.stubFor(post(graph(IG + "/media")).willReturn(okJson("{\"id\":\"c-s\"}")));
        statuses("c-s", "FINISHED");
        published("m-s");
        var story = new PublishRequest(
                "krusty",
                "",
                null,
                List.of(new PublishRequest.Media(
                        URI.create("https://herald.test/media/s.jpg?sig=3"), "image/jpeg", "image", 900, "A pizza")),
                null,
                herald.providers.PostFormat.STORY);

        assertThat(provider.publish(TOKEN, story, PublishJournal.inMemory()).id())
                .isEqualTo("m-s");

        wiremock.verify(postRequestedFor(urlPathEqualTo(graph(IG + "/media")))
                .withFormParam("media_type", equalTo("STORIES"))
                .withFormParam("image_url", equalTo("https://herald.test/media/s.jpg?sig=3"))
                .withFormParam("caption", absent())
                .withFormParam("alt_text", absent()));
        // An attempt that never heard back finds the story among the account's stories, not its feed media.
        wiremock.stubFor(
                get(urlPathEqualTo(graph(IG + "/stories")))
                        .willReturn(
                                okJson(
                                        """
                        {"data":[{"id":"m-v","media_type":"VIDEO","timestamp":"2026-12-01T12:00:05+0000"},
                          {"id":"m-s","media_type":"IMAGE","timestamp":"2026-12-01T12:00:04+0000",
                           "permalink":"https://www.instagram.com/stories/krusty/m-s/"}]}""")));
        assertThat(provider.findExisting(TOKEN, story, NOW)).hasValueSatisfying(found -> {
            assertThat(found.id()).isEqualTo("m-s");
            assertThat(found.url()).isEqualTo(URI.create("https://www.instagram.com/stories/krusty/m-s/"));
        });
        wiremock.verify(0, getRequestedFor(urlPathEqualTo(graph(IG + "/media"))));
    }

    @Test
    void aCarouselIsItsItemsThenOneParentPublishedOnce() {
        accountReady(wiremock, "krusty");
        wiremock.stubFor(post(graph(IG + "/media"))
                .withFormParam("image_url", equalTo("https://herald.test/media/1.jpg"))
                .willReturn(okJson("{\"id\":\"k-1\"}")));
        wiremock.stubFor(post(graph(IG + "/media"))
                .withFormParam("video_url", equalTo("https://herald.test/media/2.mp4"))
                .willReturn(okJson("{\"id\":\"k-2\"}")));
        wiremock.stubFor(post(graph(IG + "/media"))
                .withFormParam("media_type", equalTo("CAROUSEL"))
                .willReturn(okJson("{\"id\":\"c-3\"}")));
        statuses("k-1", "FINISHED");
        statuses("k-2", "IN_PROGRESS", "FINISHED");
        statuses("c-3", "FINISHED");
        published("m-3");
        var journal = PublishJournal.inMemory();

        PublishedPost post = provider.publish(
                TOKEN,
                new PublishRequest(
                        "krusty",
                        "Two things",
                        null,
                        List.of(
                                PublishRequest.Media.image(
                                        URI.create("https://herald.test/media/1.jpg"), "image/jpeg", 10),
                                new PublishRequest.Media(
                                        URI.create("https://herald.test/media/2.mp4"), "video/mp4", "video", 10, "")),
                        null),
                journal);

        assertThat(post.id()).isEqualTo("m-3");
        assertThat(journal.get("instagram.children")).hasValue("k-1,k-2");
        wiremock.verify(postRequestedFor(urlPathEqualTo(graph(IG + "/media")))
                .withFormParam("is_carousel_item", equalTo("true"))
                .withFormParam("image_url", equalTo("https://herald.test/media/1.jpg")));
        wiremock.verify(postRequestedFor(urlPathEqualTo(graph(IG + "/media")))
                .withFormParam("is_carousel_item", equalTo("true"))
                .withFormParam("media_type", equalTo("VIDEO"))
                .withFormParam("video_url", equalTo("https://herald.test/media/2.mp4")));
        wiremock.verify(postRequestedFor(urlPathEqualTo(graph(IG + "/media")))
                .withFormParam("media_type", equalTo("CAROUSEL"))
                .withFormParam("children", equalTo("k-1,k-2"))
                .withFormParam("caption", equalTo("Two things")));
        wiremock.verify(
                1,
                postRequestedFor(urlPathEqualTo(graph(IG + "/media_publish")))
                        .withFormParam("creation_id", equalTo("c-3")));
    }

    @Test
    void aContainerInErrorFailsWithInstagramsWordsAndIsNotPublished() {
        accountReady(wiremock, "krusty");
        wiremock.stubFor(post(graph(IG + "/media")).willReturn(okJson("{\"id\":\"c-4\"}")));
        wiremock.stubFor(get(urlPathEqualTo(graph("c-4")))
                .willReturn(okJson(
                        "{\"status_code\":\"ERROR\",\"status\":\"Error: The aspect ratio is not supported.\"}")));
        assertKind(
                () -> provider.publish(TOKEN, image("x"), PublishJournal.inMemory()),
                Kind.INVALID_CONTENT,
                "aspect ratio is not supported");
        wiremock.verify(0, postRequestedFor(urlPathEqualTo(graph(IG + "/media_publish"))));
    }

    @Test
    void aContainerStillProcessingAfterTheWaitIsLeftForTheNextAttemptWhichPublishesItWithoutASecond() {
        accountReady(wiremock, "krusty");
        wiremock.stubFor(post(graph(IG + "/media")).willReturn(okJson("{\"id\":\"c-5\"}")));
        wiremock.stubFor(get(urlPathEqualTo(graph("c-5"))).willReturn(okJson("{\"status_code\":\"IN_PROGRESS\"}")));
        var journal = PublishJournal.inMemory();

        assertKind(() -> provider.publish(TOKEN, image("x"), journal), Kind.TRANSIENT, "still processing");
        assertThat(journal.get("instagram.container")).hasValue("c-5");

        wiremock.stubFor(get(urlPathEqualTo(graph("c-5"))).willReturn(okJson("{\"status_code\":\"FINISHED\"}")));
        published("m-5");
        assertThat(provider.publish(TOKEN, image("x"), journal).id()).isEqualTo("m-5");
        wiremock.verify(1, postRequestedFor(urlPathEqualTo(graph(IG + "/media"))));
        wiremock.verify(
                1,
                postRequestedFor(urlPathEqualTo(graph(IG + "/media_publish")))
                        .withFormParam("creation_id", equalTo("c-5")));
    }

    @Test
    void afterAnAmbiguousPublishTheJournaledContainerIsCheckedNeverCreatedOrPublishedAgain() {
        accountReady(wiremock, "krusty");
        wiremock.stubFor(post(graph(IG + "/media")).willReturn(okJson("{\"id\":\"c-6\"}")));
        statuses("c-6", "FINISHED");
        wiremock.stubFor(post(graph(IG + "/media_publish"))
                .willReturn(okJson("{\"id\":\"m-6\"}").withFixedDelay(4_000)));
        var journal = PublishJournal.inMemory();

        assertKind(() -> provider.publish(TOKEN, image("Ambiguous"), journal), Kind.UNKNOWN_OUTCOME, "may have been");
        assertThat(journal.get("instagram.container")).hasValue("c-6");

        // Instagram did publish it: the container says so, and the account's recent media show it.
        wiremock.stubFor(get(urlPathEqualTo(graph("c-6"))).willReturn(okJson("{\"status_code\":\"PUBLISHED\"}")));
        wiremock.stubFor(
                get(urlPathEqualTo(graph(IG + "/media")))
                        .willReturn(
                                okJson(
                                        """
                        {"data":[{"id":"m-6","caption":"Ambiguous","media_type":"IMAGE",
                          "timestamp":"2026-12-01T12:00:04+0000","permalink":"https://www.instagram.com/p/six/"}]}""")));

        assertThat(provider.findExisting(TOKEN, image("Ambiguous"), NOW, journal))
                .hasValueSatisfying(post -> {
                    assertThat(post.id()).isEqualTo("m-6");
                    assertThat(post.url()).isEqualTo(URI.create("https://www.instagram.com/p/six/"));
                });
        assertThat(provider.publish(TOKEN, image("Ambiguous"), journal).id())
                .as("a retry that publishes anyway finds the post instead")
                .isEqualTo("m-6");
        wiremock.verify(1, postRequestedFor(urlPathEqualTo(graph(IG + "/media"))));
        wiremock.verify(1, postRequestedFor(urlPathEqualTo(graph(IG + "/media_publish"))));
    }

    @Test
    void aJournaledContainerNotYetPublishedIsProvablyAbsentAndTheRetryPublishesThatContainer() {
        accountReady(wiremock, "krusty");
        statuses("c-7", "FINISHED");
        published("m-7");
        var journal = PublishJournal.inMemory();
        journal.put("instagram.container", "c-7");

        assertThat(provider.findExisting(TOKEN, image("x"), NOW, journal)).isEmpty();
        assertThat(provider.publish(TOKEN, image("x"), journal).id()).isEqualTo("m-7");
        wiremock.verify(0, postRequestedFor(urlPathEqualTo(graph(IG + "/media"))));
        wiremock.verify(0, getRequestedFor(urlPathEqualTo(graph(IG + "/media"))));
    }

    @Test
    void aRetryRefusedBecauseTheContainerWasPublishedMeanwhileFindsThePostInsteadOfFailing() {
        accountReady(wiremock, "krusty");
        // Still FINISHED when the retry looks, PUBLISHED by the time Instagram refuses to publish it twice.
        statuses("c-10", "FINISHED", "FINISHED", "PUBLISHED");
        wiremock.stubFor(post(graph(IG + "/media_publish"))
                .willReturn(graphError(100, 0, "The media has already been published")));
        wiremock.stubFor(
                get(urlPathEqualTo(graph(IG + "/media")))
                        .willReturn(
                                okJson(
                                        """
                        {"data":[{"id":"m-10","caption":"Late","media_type":"IMAGE",
                          "timestamp":"2026-12-01T12:00:04+0000","permalink":"https://www.instagram.com/p/ten/"}]}""")));
        var journal = PublishJournal.inMemory();
        journal.put("instagram.container", "c-10");

        assertThat(provider.publish(TOKEN, image("Late"), journal).id()).isEqualTo("m-10");
        wiremock.verify(1, postRequestedFor(urlPathEqualTo(graph(IG + "/media_publish"))));

        wiremock.resetScenarios();
        statuses("c-10", "FINISHED");
        assertKind(
                () -> provider.publish(TOKEN, image("Late"), journal), Kind.INVALID_CONTENT, "already been published");
    }

    @Test
    void aJournaledMediaIdIsReadBackDirectly() {
        accountReady(wiremock, "krusty");
        published("m-8");
        var journal = PublishJournal.inMemory();
        journal.put("instagram.container", "c-8");
        journal.put("instagram.media", "m-8");

        assertThat(provider.findExisting(TOKEN, image("x"), NOW, journal))
                .hasValueSatisfying(post -> assertThat(post.id()).isEqualTo("m-8"));
        wiremock.verify(0, getRequestedFor(urlPathEqualTo(graph("c-8"))));
    }

    @Test
    void anExpiredJournaledContainerIsReplacedByANewOne() {
        accountReady(wiremock, "krusty");
        wiremock.stubFor(get(urlPathEqualTo(graph("c-old"))).willReturn(okJson("{\"status_code\":\"EXPIRED\"}")));
        wiremock.stubFor(post(graph(IG + "/media")).willReturn(okJson("{\"id\":\"c-new\"}")));
        statuses("c-new", "FINISHED");
        published("m-9");
        var journal = PublishJournal.inMemory();
        journal.put("instagram.container", "c-old");

        assertThat(provider.publish(TOKEN, image("x"), journal).id()).isEqualTo("m-9");
        assertThat(journal.get("instagram.container")).hasValue("c-new");
        wiremock.verify(
                1,
                postRequestedFor(urlPathEqualTo(graph(IG + "/media_publish")))
                        .withFormParam("creation_id", equalTo("c-new")));
    }

    @Test
    void aSpentQuotaWaitsUntilTheOldestPostLeavesTheWindowWithoutCreatingAContainer() {
        accountReady(wiremock, "krusty");
        wiremock.stubFor(
                get(urlPathEqualTo(graph(IG + "/content_publishing_limit")))
                        .willReturn(
                                okJson(
                                        "{\"data\":[{\"quota_usage\":100,\"config\":{\"quota_total\":100,\"quota_duration\":86400}}]}")));
        wiremock.stubFor(
                get(urlPathEqualTo(graph(IG + "/media")))
                        .willReturn(
                                okJson(
                                        """
                        {"data":[{"id":"a","timestamp":"2026-12-01T11:00:00+0000"},
                                 {"id":"b","timestamp":"2026-11-30T14:30:00+0000"}]}""")));

        assertThatThrownBy(() -> provider.publish(TOKEN, image("x"), PublishJournal.inMemory()))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
                    // the oldest post in the window, 2026-11-30T14:30Z, leaves it 24 h later: 2.5 h from now
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(150));
                    assertThat(e.getMessage()).contains("100 API-published posts per 24 hours");
                });
        wiremock.verify(0, postRequestedFor(urlPathEqualTo(graph(IG + "/media"))));
    }

    @Test
    void instagramsQuotaErrorAndSpamRestrictionAreClassified() {
        accountReady(wiremock, "krusty");
        wiremock.stubFor(post(graph(IG + "/media")).willReturn(graphError(9, 2207042, "Reached the limit")));
        assertKind(() -> provider.publish(TOKEN, image("x"), PublishJournal.inMemory()), Kind.RATE_LIMITED, "limit");
        wiremock.stubFor(post(graph(IG + "/media")).willReturn(graphError(4, 2207051, "Action is blocked")));
        assertKind(() -> provider.publish(TOKEN, image("x"), PublishJournal.inMemory()), Kind.PERMISSION, "spam");
        wiremock.stubFor(post(graph(IG + "/media")).willReturn(graphError(-2, 2207003, "Timeout downloading")));
        assertKind(() -> provider.publish(TOKEN, image("x"), PublishJournal.inMemory()), Kind.TRANSIENT, "Timeout");
    }

    @Test
    void aPageRelinkedToAnotherInstagramAccountIsNotPostedTo() {
        accountReady(wiremock, "someone-else");
        assertKind(
                () -> provider.publish(TOKEN, image("x"), PublishJournal.inMemory()), Kind.PERMISSION, "@someone-else");
        wiremock.verify(0, postRequestedFor(urlPathEqualTo(graph(IG + "/media"))));
    }

    @Test
    void contentRulesNameEveryProblemAPersonCanFix() {
        var png = PublishRequest.Media.image(URI.create("asset:1"), "image/png", 1000);
        var huge = PublishRequest.Media.image(URI.create("asset:2"), "image/jpeg", 9L * 1024 * 1024);
        String tags = "#a ".repeat(31);

        assertThat(provider.contentProblems("No media", null, List.of()))
                .containsExactly("Instagram posts need at least one image or video.");
        var webp = PublishRequest.Media.image(URI.create("asset:3"), "image/webp", 1000);
        assertThat(provider.contentProblems("x", null, List.of(png)))
                .as("Herald hands Instagram a JPEG copy of a PNG")
                .isEmpty();
        assertThat(provider.contentProblems("x", null, List.of(webp)))
                .singleElement()
                .asString()
                .contains("JPEG images only")
                .contains("image/webp");
        assertThat(provider.jpegImagesOnly()).isTrue();
        assertThat(provider.contentProblems("x", null, List.of(huge)))
                .singleElement()
                .asString()
                .contains("up to 8 MB");
        assertThat(provider.contentProblems(tags, null, List.of(JPEG_OK)))
                .singleElement()
                .asString()
                .contains("31 hashtags, at most 30");
        assertThat(provider.contentProblems("#a #b #c #d #e #f", null, List.of(JPEG_OK)))
                .isEmpty();
        var strict = InstagramProviderContractTests.provider(wiremock, clock, Duration.ofSeconds(3), 5);
        assertThat(strict.contentProblems("#a #b #c #d #e #f and C# or a#b", null, List.of(JPEG_OK)))
                .containsExactly("6 hashtags, at most 5 on Instagram.");
        assertThat(provider.contentRules().maxTextLength()).isEqualTo(2200);
        assertThat(provider.contentRules().maxMedia()).isEqualTo(10);
        assertThat(provider.contentRules().linkAllowed()).isFalse();
        assertKind(
                () -> provider.publish(TOKEN, new PublishRequest("krusty", "x", null, List.of(webp), null)),
                Kind.INVALID_CONTENT,
                "JPEG");
    }

    @Test
    void readsTheMediasInsights() {
        wiremock.stubFor(
                get(urlPathEqualTo(graph("m-1/insights")))
                        .withQueryParam("metric", equalTo("views,reach,likes,comments,saved,shares,total_interactions"))
                        .willReturn(
                                okJson(
                                        """
                        {"data":[{"name":"views","period":"lifetime","values":[{"value":120}]},
                                 {"name":"likes","period":"lifetime","values":[{"value":9}]}]}""")));
        assertThat(provider.metrics(TOKEN, "m-1")).hasValueSatisfying(metrics -> assertThat(metrics.counts())
                .containsEntry("views", 120L)
                .containsEntry("likes", 9L));
    }

    @Test
    void readsTheAccountsFollowersFollowsAndMedia() {
        wiremock.stubFor(get(urlPathEqualTo(graph("1784-1")))
                .withQueryParam("fields", equalTo("followers_count,follows_count,media_count"))
                .withQueryParam("access_token", equalTo("page-token-1"))
                .willReturn(okJson(
                        "{\"followers_count\":5120,\"follows_count\":80,\"media_count\":230,\"id\":\"1784-1\"}")));
        assertThat(provider.countsFollowers()).isTrue();
        assertThat(provider.accountMetrics(TOKEN, "1784-1")).hasValueSatisfying(counts -> {
            assertThat(counts.followers()).isEqualTo(5120L);
            assertThat(counts.following()).isEqualTo(80L);
            assertThat(counts.posts()).isEqualTo(230L);
            assertThat(counts.readAt()).isEqualTo(NOW);
        });

        wiremock.stubFor(get(urlPathEqualTo(graph("1784-1")))
                .willReturn(graphError(10, 0, "(#10) Application does not have permission for this action")));
        assertKind(() -> provider.accountMetrics(TOKEN, "1784-1"), Kind.PERMISSION, "permission");
    }

    static PublishRequest image(String caption) {
        return new PublishRequest(
                "krusty",
                caption,
                null,
                List.of(new PublishRequest.Media(
                        URI.create("https://herald.test/media/a.jpg?sig=1"), "image/jpeg", "image", 1000, "A pizza")),
                null);
    }

    /** The container answers these statuses in turn, the last one from then on. */
    static void statuses(String container, String... codes) {
        for (int i = 0; i < codes.length; i++) {
            var stub = get(urlPathEqualTo(graph(container)))
                    .inScenario(container)
                    .whenScenarioStateIs(i == 0 ? STARTED : "poll-" + i)
                    .willReturn(okJson("{\"id\":\"%s\",\"status_code\":\"%s\",\"status\":\"%s\"}"
                            .formatted(container, codes[i], codes[i])));
            if (i < codes.length - 1) {
                stub = stub.willSetStateTo("poll-" + (i + 1));
            }
            wiremock.stubFor(stub);
        }
    }

    static void published(String media) {
        wiremock.stubFor(post(graph(IG + "/media_publish")).willReturn(okJson("{\"id\":\"%s\"}".formatted(media))));
        wiremock.stubFor(get(urlPathEqualTo(graph(media)))
                .willReturn(okJson(
                        "{\"id\":\"%s\",\"permalink\":\"https://www.instagram.com/p/%s/\",\"timestamp\":\"2026-12-01T12:00:03+0000\"}"
                                .formatted(media, media))));
    }

    static void assertKind(Runnable call, Kind kind, String messagePart) {
        ProviderFailures.assertKind(call::run, "instagram", kind, messagePart);
    }
}
