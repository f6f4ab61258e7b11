package herald.providers.linkedin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static herald.providers.WireMockPlatform.NOW;
import static herald.providers.linkedin.LinkedInProviderTests.assertKind;
import static herald.providers.linkedin.LinkedInProviderTests.json;
import static org.assertj.core.api.Assertions.assertThat;

import herald.providers.ProviderException.Kind;
import herald.providers.PublishJournal;
import herald.providers.PublishRequest;
import herald.providers.PublishedPost;
import herald.providers.WireMockPlatform;
import herald.vault.Secret;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Posts, images, reconciliation and counts against a WireMock LinkedIn, checking every request Herald sends. */
class LinkedInPublishingTests {

    static final Secret TOKEN = Secret.of("member-at");
    static final String POSTS_OF_ADA =
            "/rest/posts?author=urn%3Ali%3Aperson%3A782bbtaQ&q=author&count=50" + "&sortBy=LAST_MODIFIED";
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3};
    static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 4, 5, 6};

    @RegisterExtension
    static final WireMockPlatform wiremock = new WireMockPlatform();

    LinkedInProvider provider;

    @BeforeEach
    void createProvider() {
        provider = LinkedInStub.provider(wiremock, "https://www.linkedin.com/feed/update/{urn}");
    }

    @Test
    void publishesAsTheMemberWithTheVersionHeadersAndEscapedCommentary() {
        createdAs("urn:li:share:7045020441609936898");
        String text = "Ship it (today) @team #launch: a_b *bold* ~x~ [1] {2} <3> | back\\slash";

        PublishedPost post = provider.publish(TOKEN, new PublishRequest("782bbtaQ", text, null));

        assertThat(post.id()).isEqualTo("urn:li:share:7045020441609936898");
        assertThat(post.url())
                .isEqualTo(URI.create("https://www.linkedin.com/feed/update/urn:li:share:7045020441609936898"));
        assertThat(post.createdAt()).isEqualTo(NOW);
        wiremock.verify(
                postRequestedFor(urlEqualTo("/rest/posts"))
                        .withHeader("Authorization", equalTo("Bearer member-at"))
                        .withHeader("LinkedIn-Version", equalTo(LinkedInStub.VERSION))
                        .withHeader("X-Restli-Protocol-Version", equalTo("2.0.0"))
                        .withHeader("Content-Type", equalTo("application/json"))
                        .withRequestBody(
                                equalToJson(
                                        """
                        {"author":"urn:li:person:782bbtaQ",
                         "commentary":"Ship it \\\\(today\\\\) \\\\@team \\\\#launch: a\\\\_b \\\\*bold\\\\* \\\\~x\\\\~ \\\\[1\\\\] \\\\{2\\\\} \\\\<3\\\\> \\\\| back\\\\\\\\slash",
                         "visibility":"PUBLIC",
                         "distribution":{"feedDistribution":"MAIN_FEED","targetEntities":[],"thirdPartyDistributionChannels":[]},
                         "lifecycleState":"PUBLISHED","isReshareDisabledByAuthor":false}""")));
    }

    @Test
    void publishesAsAPageFoundByItsVanityNameOncePerTarget() {
        wiremock.stubFor(get(urlPathEqualTo("/rest/organizations"))
                .willReturn(okJson("{\"elements\":[{\"id\":2414183,\"vanityName\":\"krusty-krab\","
                        + "\"localizedName\":\"Krusty Krab\"}]}")));
        createdAs("urn:li:share:2");
        PublishJournal journal = PublishJournal.inMemory();
        var request = new PublishRequest("company/krusty-krab", "Open today", null);

        provider.publish(TOKEN, request, journal);
        provider.publish(TOKEN, request, journal);

        assertThat(journal.get("linkedin.author")).hasValue("urn:li:organization:2414183");
        wiremock.verify(
                1,
                getRequestedFor(urlEqualTo("/rest/organizations?q=vanityName&vanityName=krusty-krab"))
                        .withHeader("LinkedIn-Version", equalTo(LinkedInStub.VERSION))
                        .withHeader("X-Restli-Protocol-Version", equalTo("2.0.0")));
        wiremock.verify(
                2,
                postRequestedFor(urlEqualTo("/rest/posts"))
                        .withRequestBody(equalToJson("{\"author\":\"urn:li:organization:2414183\"}", true, true)));
    }

    @Test
    void aPageWithoutAVanityNameIsFoundByItsIdAndARenamedOneAsksForAReconnect() {
        createdAs("urn:li:share:3");
        provider.publish(TOKEN, new PublishRequest("company/555", "Hi", null));
        wiremock.verify(postRequestedFor(urlEqualTo("/rest/posts"))
                .withRequestBody(equalToJson("{\"author\":\"urn:li:organization:555\"}", true, true)));

        wiremock.stubFor(get(urlPathEqualTo("/rest/organizations")).willReturn(okJson("{\"elements\":[]}")));
        assertKind(
                () -> provider.publish(TOKEN, new PublishRequest("company/old-name", "Hi", null)),
                Kind.PERMISSION,
                "reconnect the page");
    }

    @Test
    void uploadsEachImageThenPostsThemTogetherAndNotesThem() {
        wiremock.serves("/herald/media/a.png", PNG);
        wiremock.serves("/herald/media/b.jpg", JPEG);
        initializesUpload(0);
        initializesUpload(1);
        wiremock.stubFor(
                put(urlPathEqualTo("/dms-uploads/0")).willReturn(aResponse().withStatus(201)));
        wiremock.stubFor(
                put(urlPathEqualTo("/dms-uploads/1")).willReturn(aResponse().withStatus(201)));
        createdAs("urn:li:share:4");
        PublishJournal journal = PublishJournal.inMemory();

        provider.publish(
                TOKEN,
                new PublishRequest(
                        "782bbtaQ",
                        "Two pictures",
                        null,
                        List.of(image("a.png", "image/png", PNG, "A red door"), image("b.jpg", "image/jpeg", JPEG, "")),
                        null),
                journal);

        wiremock.verify(
                2,
                postRequestedFor(urlEqualTo("/rest/images?action=initializeUpload"))
                        .withHeader("Authorization", equalTo("Bearer member-at"))
                        .withHeader("LinkedIn-Version", equalTo(LinkedInStub.VERSION))
                        .withHeader("X-Restli-Protocol-Version", equalTo("2.0.0"))
                        .withRequestBody(
                                equalToJson("{\"initializeUploadRequest\":{\"owner\":\"urn:li:person:782bbtaQ\"}}")));
        wiremock.verify(putRequestedFor(urlEqualTo("/dms-uploads/0?token=up"))
                .withHeader("Authorization", equalTo("Bearer member-at"))
                .withHeader("Content-Type", equalTo("image/png"))
                .withRequestBody(binaryEqualTo(PNG)));
        wiremock.verify(putRequestedFor(urlEqualTo("/dms-uploads/1?token=up"))
                .withHeader("Content-Type", equalTo("image/jpeg"))
                .withRequestBody(binaryEqualTo(JPEG)));
        wiremock.verify(
                postRequestedFor(urlEqualTo("/rest/posts"))
                        .withRequestBody(
                                equalToJson(
                                        """
                        {"author":"urn:li:person:782bbtaQ","commentary":"Two pictures","visibility":"PUBLIC",
                         "distribution":{"feedDistribution":"MAIN_FEED","targetEntities":[],"thirdPartyDistributionChannels":[]},
                         "content":{"multiImage":{"images":[
                           {"id":"urn:li:image:C4E10AQ-0","altText":"A red door"},
                           {"id":"urn:li:image:C4E10AQ-1"}]}},
                         "lifecycleState":"PUBLISHED","isReshareDisabledByAuthor":false}""")));
        assertThat(journal.get("linkedin.image.0." + PNG.length)).hasValue("urn:li:image:C4E10AQ-0");
        assertThat(journal.get("linkedin.image.1." + JPEG.length)).hasValue("urn:li:image:C4E10AQ-1");
    }

    @Test
    void everyApiCallCarriesTheTokenTheVersionAndTheProtocolHeaders() {
        wiremock.serves("/herald/media/a.png", PNG);
        initializesUpload(0);
        wiremock.stubFor(
                put(urlPathEqualTo("/dms-uploads/0")).willReturn(aResponse().withStatus(201)));
        createdAs("urn:li:share:8");
        wiremock.stubFor(
                get(urlPathEqualTo("/rest/organizations")).willReturn(okJson("{\"elements\":[{\"id\":2414183}]}")));
        wiremock.stubFor(get(urlPathEqualTo("/rest/posts")).willReturn(okJson("{\"elements\":[]}")));
        wiremock.stubFor(
                get(urlPathEqualTo("/rest/socialActions/urn%3Ali%3Ashare%3A8")).willReturn(okJson("{}")));
        var request = new PublishRequest(
                "company/krusty-krab", "Pic", null, List.of(image("a.png", "image/png", PNG, "")), null);

        provider.publish(TOKEN, request);
        provider.findExisting(TOKEN, request, NOW);
        provider.metrics(TOKEN, "urn:li:share:8");

        var calls = wiremock.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching("/(rest|v2)/.*")));
        assertThat(calls).extracting(r -> r.getMethod() + " " + r.getUrl()).hasSize(6);
        assertThat(calls).allSatisfy(call -> {
            assertThat(call.getHeader("Authorization")).isEqualTo("Bearer member-at");
            assertThat(call.getHeader("LinkedIn-Version")).isEqualTo(LinkedInStub.VERSION);
            assertThat(call.getHeader("X-Restli-Protocol-Version")).isEqualTo("2.0.0");
        });
    }

    @Test
    void aRetryReusesTheImagesAnEarlierAttemptUploaded() {
        wiremock.serves("/herald/media/a.png", PNG);
        initializesUpload(0);
        wiremock.stubFor(
                put(urlPathEqualTo("/dms-uploads/0")).willReturn(aResponse().withStatus(201)));
        wiremock.stubFor(post("/rest/posts").willReturn(json(503, "{\"status\":503}")));
        PublishJournal journal = PublishJournal.inMemory();
        var request = new PublishRequest(
                "782bbtaQ", "One picture", null, List.of(image("a.png", "image/png", PNG, "")), null);

        assertKind(() -> provider.publish(TOKEN, request, journal), Kind.TRANSIENT, "HTTP 503");
        createdAs("urn:li:share:5");
        provider.publish(TOKEN, request, journal);

        wiremock.verify(1, postRequestedFor(urlEqualTo("/rest/images?action=initializeUpload")));
        wiremock.verify(1, putRequestedFor(urlPathEqualTo("/dms-uploads/0")));
        wiremock.verify(
                2,
                postRequestedFor(urlEqualTo("/rest/posts"))
                        .withRequestBody(equalToJson(
                                "{\"content\":{\"media\":{\"id\":\"urn:li:image:C4E10AQ-0\"}}}", true, true)));
    }

    @Test
    void anUploadUrlOffLinkedInIsRefusedAndGetsNoToken() {
        wiremock.serves("/herald/media/a.png", PNG);
        wiremock.stubFor(post("/rest/images?action=initializeUpload")
                .willReturn(okJson("{\"value\":{\"uploadUrlExpiresAt\":1650567510704,"
                        + "\"uploadUrl\":\"https://evil.example/steal\",\"image\":\"urn:li:image:X\"}}")));
        assertKind(
                () -> provider.publish(
                        TOKEN,
                        new PublishRequest("782bbtaQ", "x", null, List.of(image("a.png", "image/png", PNG, "")), null)),
                Kind.PERMISSION,
                "not LinkedIn");
    }

    @Test
    void aLinkBecomesTheArticle() {
        createdAs("urn:li:share:6");
        provider.publish(TOKEN, new PublishRequest("782bbtaQ", "Read this", URI.create("https://blog.example/post-1")));
        wiremock.verify(postRequestedFor(urlEqualTo("/rest/posts"))
                .withRequestBody(equalToJson(
                        "{\"content\":{\"article\":{\"source\":\"https://blog.example/post-1\","
                                + "\"title\":\"blog.example\"}}}",
                        true,
                        true)));
    }

    @Test
    void theArticleCarriesTheTitleAndDescriptionThePageNamesWhenHeraldReadThem() {
        createdAs("urn:li:share:7");
        provider.publish(
                TOKEN,
                new PublishRequest(
                        "782bbtaQ",
                        "Read this",
                        URI.create("https://blog.example/post-2?utm_source=linkedin"),
                        List.of(),
                        null,
                        herald.providers.PostFormat.POST,
                        new PublishRequest.LinkPreview("How we bake", "Four hundred degrees, two minutes")));
        wiremock.verify(postRequestedFor(urlEqualTo("/rest/posts"))
                .withRequestBody(equalToJson(
                        "{\"content\":{\"article\":{\"source\":\"https://blog.example/post-2?utm_source=linkedin\","
                                + "\"title\":\"How we bake\",\"description\":\"Four hundred degrees, two minutes\"}}}",
                        true,
                        true)));
        assertThat(provider.fillsLinkCards()).isTrue();
    }

    @Test
    void refusalsAreInTheTaxonomyWithLinkedInsWords() {
        var request = new PublishRequest("782bbtaQ", "Hello", null);
        wiremock.stubFor(
                post("/rest/posts")
                        .willReturn(
                                json(
                                        422,
                                        "{\"message\":\"Content is a duplicate of urn:li:share:7045020441609936898\",\"status\":422}")));
        assertKind(() -> provider.publish(TOKEN, request), Kind.DUPLICATE, "duplicate of urn:li:share:");
        wiremock.stubFor(post("/rest/posts")
                .willReturn(json(
                        422, "{\"message\":\"ERROR :: /commentary :: length of 3012 exceeds 3000\",\"status\":422}")));
        assertKind(() -> provider.publish(TOKEN, request), Kind.INVALID_CONTENT, "exceeds 3000");
        wiremock.stubFor(post("/rest/posts")
                .willReturn(json(
                        403,
                        "{\"message\":\"Not enough permissions to access: partnerApiPostsExternal.CREATE.20261101\","
                                + "\"status\":403}")));
        assertKind(() -> provider.publish(TOKEN, request), Kind.PERMISSION, "needs the scope w_member_social");
        wiremock.stubFor(
                post("/rest/posts").willReturn(json(429, "{\"status\":429}").withHeader("Retry-After", "120")));
        assertKind(() -> provider.publish(TOKEN, request), Kind.RATE_LIMITED, "midnight UTC");
        wiremock.stubFor(post("/rest/posts")
                .willReturn(json(
                        426,
                        "{\"code\":\"NONEXISTENT_VERSION\",\"message\":\"Requested version 202611 is"
                                + " not active\",\"status\":426}")));
        assertKind(() -> provider.publish(TOKEN, request), Kind.PERMISSION, "HERALD_LINKEDIN_VERSION");
        wiremock.stubFor(post("/rest/posts").willReturn(aResponse().withStatus(201)));
        assertKind(() -> provider.publish(TOKEN, request), Kind.UNKNOWN_OUTCOME, "without naming it");
    }

    @Test
    void aPostThatCouldNotBeSentIsTransientButOneSentWithoutAnAnswerIsUnknown() {
        var settings = LinkedInStub.settings(wiremock, "https://www.linkedin.com/feed/update/{urn}");
        var down = LinkedInStub.provider(
                new LinkedInClientSettings(
                        settings.clientId(),
                        settings.clientSecret(),
                        settings.version(),
                        settings.authorizationUrl(),
                        settings.tokenUrl(),
                        settings.revokeUrl(),
                        URI.create("http://127.0.0.1:9"),
                        settings.postUrl(),
                        settings.memberScopes(),
                        settings.organizationScopes(),
                        settings.connectTimeout(),
                        settings.readTimeout(),
                        settings.uploadTimeout()),
                wiremock);
        assertKind(
                () -> down.publish(TOKEN, new PublishRequest("782bbtaQ", "Hi", null)),
                Kind.TRANSIENT,
                "could not be reached");
        wiremock.stubFor(post("/rest/posts")
                .willReturn(aResponse()
                        .withStatus(201)
                        .withHeader("x-restli-id", "urn:li:share:9")
                        .withFixedDelay(LinkedInStub.STALL)));
        var impatient = LinkedInStub.impatient(wiremock, "https://www.linkedin.com/feed/update/{urn}");
        assertKind(
                () -> impatient.publish(TOKEN, new PublishRequest("782bbtaQ", "Hi", null)),
                Kind.UNKNOWN_OUTCOME,
                "checks the account's posts");
    }

    @Test
    void findsThePostAnAmbiguousAttemptCreatedByTextMediaAndLink() {
        Instant since = NOW;
        String text = "Launch (v2) #today";
        wiremock.stubFor(get(urlEqualTo(POSTS_OF_ADA))
                .willReturn(okJson("{\"elements\":["
                        + LinkedInStub.listed("urn:li:share:10", Commentary.escape(text), since.minusSeconds(600), null)
                        + ","
                        + LinkedInStub.listed(
                                "urn:li:share:11",
                                Commentary.escape(text),
                                since.plusSeconds(5),
                                "{\"media\":{\"id\":\"urn:li:image:1\"}}")
                        + ","
                        + LinkedInStub.listed("urn:li:ugcPost:12", Commentary.escape(text), since.plusSeconds(5), null)
                        + ","
                        + LinkedInStub.listed(
                                "urn:li:share:13",
                                Commentary.escape(text),
                                since.plusSeconds(5),
                                "{\"article\":{\"source\":\"https://blog.example/a\",\"title\":\"blog.example\"}}")
                        + "]}")));

        assertThat(provider.findExisting(TOKEN, new PublishRequest("782bbtaQ", text, null), since))
                .as("the text-only post since the attempt, not the older one nor the one with an image")
                .hasValueSatisfying(post -> {
                    assertThat(post.id()).isEqualTo("urn:li:ugcPost:12");
                    assertThat(post.url().toString()).endsWith("/feed/update/urn:li:ugcPost:12");
                    assertThat(post.createdAt()).isEqualTo(since.plusSeconds(5));
                });
        assertThat(provider.findExisting(
                        TOKEN, new PublishRequest("782bbtaQ", text, URI.create("https://blog.example/a")), since))
                .hasValueSatisfying(post -> assertThat(post.id()).isEqualTo("urn:li:share:13"));
        assertThat(provider.findExisting(
                        TOKEN,
                        new PublishRequest("782bbtaQ", text, null, List.of(image("a.png", "image/png", PNG, "")), null),
                        since))
                .hasValueSatisfying(post -> assertThat(post.id()).isEqualTo("urn:li:share:11"));
        assertThat(provider.findExisting(TOKEN, new PublishRequest("782bbtaQ", "Other", null), since))
                .isEmpty();
        wiremock.verify(getRequestedFor(urlEqualTo(POSTS_OF_ADA))
                .withHeader("Authorization", equalTo("Bearer member-at"))
                .withHeader("LinkedIn-Version", equalTo(LinkedInStub.VERSION))
                .withHeader("X-Restli-Protocol-Version", equalTo("2.0.0")));
    }

    @Test
    void withoutLeaveToReadTheMembersPostsHeraldSaysItCannotTell() {
        wiremock.stubFor(get(urlEqualTo(POSTS_OF_ADA))
                .willReturn(json(
                        403,
                        "{\"message\":\"Not enough permissions to access: partnerApiPostsExternal"
                                + ".FINDER-author.20261101\",\"status\":403}")));
        assertKind(
                () -> provider.findExisting(TOKEN, new PublishRequest("782bbtaQ", "x", null), NOW),
                Kind.UNKNOWN_OUTCOME,
                "r_member_social");
    }

    @Test
    void readsLikesAndCommentsOfAPost() {
        wiremock.stubFor(get(urlEqualTo("/rest/socialActions/urn%3Ali%3Ashare%3A7"))
                .willReturn(okJson("{\"likesSummary\":{\"totalLikes\":12,\"likedByCurrentUser\":false},"
                        + "\"commentsSummary\":{\"aggregatedTotalComments\":3,\"totalFirstLevelComments\":2}}")));
        assertThat(provider.metrics(TOKEN, "urn:li:share:7")).hasValueSatisfying(metrics -> {
            assertThat(metrics.counts()).containsEntry("likes", 12L).containsEntry("comments", 3L);
            assertThat(metrics.readAt()).isEqualTo(NOW);
        });
        wiremock.verify(getRequestedFor(urlEqualTo("/rest/socialActions/urn%3Ali%3Ashare%3A7"))
                .withHeader("LinkedIn-Version", equalTo(LinkedInStub.VERSION))
                .withHeader("X-Restli-Protocol-Version", equalTo("2.0.0")));
    }

    @Test
    void contentRulesAndProblems() {
        assertThat(provider.contentRules().maxTextLength()).isEqualTo(3000);
        assertThat(provider.contentRules().mediaKinds()).containsExactly("image");
        var png = image("a.png", "image/png", PNG, "");
        var webp = new PublishRequest.Media(URI.create("https://herald.test/m/c.webp"), "image/webp", "image", 10, "");
        assertThat(provider.contentProblems("Hi", null, List.of(png))).isEmpty();
        assertThat(provider.contentProblems("Hi", URI.create("https://blog.example"), List.of()))
                .isEmpty();
        assertThat(provider.contentProblems("Hi", URI.create("https://blog.example"), List.of(png)))
                .singleElement()
                .asString()
                .contains("either images or a link preview");
        assertThat(provider.contentProblems("Hi", null, List.of(webp)))
                .singleElement()
                .asString()
                .contains("JPEG, PNG and GIF")
                .contains("image/webp");
    }

    private void createdAs(String urn) {
        wiremock.stubFor(
                post("/rest/posts").willReturn(aResponse().withStatus(201).withHeader("x-restli-id", urn)));
    }

    private void initializesUpload(int n) {
        wiremock.stubFor(post("/rest/images?action=initializeUpload")
                .inScenario("uploads")
                .whenScenarioStateIs(n == 0 ? com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED : "second")
                .willSetStateTo("second")
                .willReturn(okJson(
                        "{\"value\":{\"uploadUrlExpiresAt\":1650567510704,\"uploadUrl\":\"%s/dms-uploads/%d?token=up\",\"image\":\"urn:li:image:C4E10AQ-%d\"}}"
                                .formatted(wiremock.baseUrl(), n, n))));
    }

    private static PublishRequest.Media image(String name, String type, byte[] bytes, String alt) {
        return new PublishRequest.Media(
                URI.create(wiremock.baseUrl() + "/herald/media/" + name), type, "image", bytes.length, alt);
    }
}
