package herald.providers.mastodon;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static herald.providers.WireMockPlatform.NOW;
import static herald.providers.mastodon.MastodonStub.ACCESS;
import static herald.providers.mastodon.MastodonStub.MEDIA;
import static herald.providers.mastodon.MastodonStub.STATUSES;
import static herald.providers.mastodon.MastodonStub.assertKind;
import static herald.providers.mastodon.MastodonStub.error;
import static herald.providers.mastodon.MastodonStub.json;
import static herald.providers.mastodon.MastodonStub.status;
import static herald.providers.mastodon.MastodonStub.token;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import herald.providers.CommentRequest;
import herald.providers.ProviderException.Kind;
import herald.providers.PublishJournal;
import herald.providers.PublishRequest;
import herald.providers.PublishedPost;
import herald.providers.WireMockPlatform;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Statuses as a Mastodon server receives them, request by request: text and link, media, replies, the key. */
class MastodonPublishingTests {

    static final URI LINK = URI.create("https://example.com/launch");
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3};
    static final byte[] MP4 = {0, 0, 0, 24, 'f', 't', 'y', 'p', 'm', 'p', '4', '2'};

    @RegisterExtension
    static final WireMockPlatform wiremock = new WireMockPlatform();

    MastodonProvider provider;

    @BeforeEach
    void createProvider() {
        provider = MastodonStub.provider(wiremock, new MastodonStub.Clients());
        created("1100");
    }

    @Test
    void sendsTheTextWithItsLinkAtTheEndPubliclyWithAnIdempotencyKey() {
        PublishedPost post = provider.publish(token(wiremock), new PublishRequest("ada", "Launch day  ", LINK));

        assertThat(post.id()).isEqualTo("1100");
        assertThat(post.url()).isEqualTo(URI.create("https://localhost/@ada/1100"));
        assertThat(post.createdAt()).isEqualTo(NOW);
        wiremock.verify(
                postRequestedFor(urlPathEqualTo(STATUSES))
                        .withHeader("Authorization", equalTo("Bearer " + ACCESS))
                        .withHeader("Content-Type", containing("application/json"))
                        .withHeader(
                                "Idempotency-Key",
                                com.github.tomakehurst.wiremock.client.WireMock.matching("[0-9a-f-]{36}"))
                        .withRequestBody(
                                equalToJson(
                                        """
                        {"status":"Launch day\\n\\nhttps://example.com/launch","visibility":"public"}""")));
    }

    @Test
    void aThreadsPartAnswersThePartBefore() {
        provider.publish(token(wiremock), new PublishRequest("ada", "Part two", null, List.of(), "1099"));

        wiremock.verify(
                postRequestedFor(urlPathEqualTo(STATUSES))
                        .withRequestBody(
                                equalToJson(
                                        """
                        {"status":"Part two","in_reply_to_id":"1099","visibility":"public"}""")));
    }

    @Test
    void tellsTheLanguageTheWorkspaceWritesInOnPostsAndComments() {
        provider.publish(
                token(wiremock), new PublishRequest("ada", "Bom dia", null, List.of(), "1099").inLanguage("pt-BR"));
        provider.comment(token(wiremock), new CommentRequest("ada", "1100", "Obrigado", "pt-BR"));

        wiremock.verify(
                postRequestedFor(urlPathEqualTo(STATUSES))
                        .withRequestBody(
                                equalToJson(
                                        """
                        {"status":"Bom dia","in_reply_to_id":"1099","visibility":"public","language":"pt-BR"}""")));
        wiremock.verify(
                postRequestedFor(urlPathEqualTo(STATUSES))
                        .withRequestBody(
                                equalToJson(
                                        """
                        {"status":"Obrigado","in_reply_to_id":"1100","visibility":"public","language":"pt-BR"}""")));
    }

    @Test
    void aThreadsPartWithoutAJournalSendsTheSameKeyOnEveryTry() {
        var part = new PublishRequest("ada", "Part two", null, List.of(), "1099");
        provider.publish(token(wiremock), part);
        provider.publish(token(wiremock), part);
        provider.publish(token(wiremock), new PublishRequest("ada", "Part two, edited", null, List.of(), "1099"));

        List<String> keys = keys();
        assertThat(keys.get(0)).isEqualTo(keys.get(1)).isNotEqualTo(keys.get(2));
    }

    @Test
    void uploadsEachImageWithItsDescriptionAndAttachesThem() {
        URI png = wiremock.serves("/herald/media/chart.png", PNG);
        // The latest stub that matches answers: the described image is m-1, the other m-2.
        wiremock.stubFor(post(MEDIA)
                .willReturn(okJson("{\"id\":\"m-2\",\"type\":\"image\",\"url\":\"https://files.example/2.png\"}")));
        wiremock.stubFor(post(MEDIA)
                .withMultipartRequestBody(aMultipart().withName("description").withBody(equalTo("Sales rose 20%")))
                .willReturn(okJson("{\"id\":\"m-1\",\"type\":\"image\",\"url\":\"https://files.example/1.png\"}")));
        var media = List.of(
                new PublishRequest.Media(png, "image/png", "image", PNG.length, "Sales rose 20%"),
                new PublishRequest.Media(png, "image/png", "image", PNG.length, ""));

        provider.publish(token(wiremock), new PublishRequest("ada", "Our month", null, media, null));

        wiremock.verify(
                2,
                postRequestedFor(urlPathEqualTo(MEDIA))
                        .withHeader("Authorization", equalTo("Bearer " + ACCESS))
                        .withHeader("Content-Type", containing("multipart/form-data"))
                        .withRequestBodyPart(aMultipart()
                                .withName("file")
                                .withHeader("Content-Type", equalTo("image/png"))
                                .withBody(binaryEqualTo(PNG))
                                .build()));
        wiremock.verify(
                postRequestedFor(urlPathEqualTo(STATUSES))
                        .withRequestBody(
                                equalToJson(
                                        """
                        {"status":"Our month","media_ids":["m-1","m-2"],"visibility":"public"}""")));
    }

    @Test
    void aVideoTheServerProcessesLaterIsWaitedForBeforeThePost() {
        URI mp4 = wiremock.serves("/herald/media/clip.mp4", MP4);
        wiremock.stubFor(post(MEDIA).willReturn(json(202, "{\"id\":\"v-1\",\"type\":\"video\",\"url\":null}")));
        processing("v-1", 2);

        provider.publish(
                token(wiremock),
                new PublishRequest(
                        "ada",
                        "Watch",
                        null,
                        List.of(new PublishRequest.Media(mp4, "video/mp4", "video", MP4.length, "")),
                        null));

        wiremock.verify(3, getRequestedFor(urlPathEqualTo("/api/v1/media/v-1")));
        wiremock.verify(postRequestedFor(urlPathEqualTo(STATUSES))
                .withRequestBody(
                        equalToJson("{\"status\":\"Watch\",\"media_ids\":[\"v-1\"],\"visibility\":\"public\"}")));
    }

    @Test
    void aVideoStillProcessingWhenTheWaitEndsIsWaitedForAgainOnRetryNotUploadedAgain() {
        URI mp4 = wiremock.serves("/herald/media/clip.mp4", MP4);
        wiremock.stubFor(post(MEDIA).willReturn(json(202, "{\"id\":\"v-9\",\"type\":\"video\",\"url\":null}")));
        wiremock.stubFor(get("/api/v1/media/v-9").willReturn(json(206, "")));
        var request = new PublishRequest(
                "ada",
                "Watch",
                null,
                List.of(new PublishRequest.Media(mp4, "video/mp4", "video", MP4.length, "")),
                null);
        PublishJournal journal = PublishJournal.inMemory();

        assertKind(
                () -> provider.publish(token(wiremock), request, journal), Kind.TRANSIENT, "still processing video 1");
        assertThat(journal.get("media.1")).hasValue("v-9");
        wiremock.verify(0, postRequestedFor(urlPathEqualTo(STATUSES)));

        wiremock.stubFor(get("/api/v1/media/v-9").willReturn(okJson("{\"id\":\"v-9\",\"type\":\"video\"}")));
        provider.publish(token(wiremock), request, journal);

        wiremock.verify(1, postRequestedFor(urlPathEqualTo(MEDIA)));
        wiremock.verify(postRequestedFor(urlPathEqualTo(STATUSES))
                .withRequestBody(
                        equalToJson("{\"status\":\"Watch\",\"media_ids\":[\"v-9\"],\"visibility\":\"public\"}")));
    }

    @Test
    void aNotedAttachmentTheServerForgotIsUploadedAgain() {
        URI png = wiremock.serves("/herald/media/chart.png", PNG);
        wiremock.stubFor(get("/api/v1/media/old").willReturn(error(404, "Record not found")));
        wiremock.stubFor(post(MEDIA).willReturn(okJson("{\"id\":\"new\",\"type\":\"image\"}")));
        PublishJournal journal = PublishJournal.inMemory();
        journal.put("media.1", "old");

        provider.publish(
                token(wiremock),
                new PublishRequest(
                        "ada", "Again", null, List.of(PublishRequest.Media.image(png, "image/png", PNG.length)), null),
                journal);

        assertThat(journal.get("media.1")).hasValue("new");
        wiremock.verify(postRequestedFor(urlPathEqualTo(STATUSES))
                .withRequestBody(
                        equalToJson("{\"status\":\"Again\",\"media_ids\":[\"new\"],\"visibility\":\"public\"}")));
    }

    @Test
    void aLostAnswerIsAnUnknownOutcomeAndTheRetrySendsTheSameKey() {
        MastodonProvider impatient = MastodonStub.impatient(wiremock, new MastodonStub.Clients());
        wiremock.stubFor(post(STATUSES)
                .willReturn(
                        okJson(status("1100", NOW, "<p>Once only</p>", null, 0)).withFixedDelay(MastodonStub.STALL)));
        PublishJournal journal = PublishJournal.inMemory();
        var request = new PublishRequest("ada", "Once only", null);

        assertKind(() -> impatient.publish(token(wiremock), request, journal), Kind.UNKNOWN_OUTCOME, "looks for it");
        String key = journal.get("idempotency-key").orElseThrow();

        created("1100");
        PublishedPost post = impatient.publish(token(wiremock), request, journal);

        assertThat(post.id()).isEqualTo("1100");
        assertThat(keys()).containsExactly(key, key);
    }

    @Test
    void anAcceptedPostWithoutAnIdIsAnUnknownOutcome() {
        wiremock.stubFor(post(STATUSES).willReturn(json(200, "<html>ok</html>")));
        assertKind(
                () -> provider.publish(token(wiremock), new PublishRequest("ada", "Hi", null)),
                Kind.UNKNOWN_OUTCOME,
                "without its id");
    }

    @Test
    void aReplyToAPostTheServerNoLongerHasIsInvalid() {
        wiremock.stubFor(
                post(STATUSES).willReturn(error(404, "The post you are trying to reply to does not appear to exist.")));
        assertKind(
                () -> provider.publish(token(wiremock), new PublishRequest("ada", "Part two", null, List.of(), "1099")),
                Kind.INVALID_CONTENT,
                "no longer has the post this one answers (1099)");
    }

    private void created(String id) {
        wiremock.stubFor(post(STATUSES).willReturn(okJson(status(id, NOW, "<p>whatever</p>", null, 0))));
    }

    /** The media attachment answers 206 {@code times} times, then 200. */
    private void processing(String id, int times) {
        String path = "/api/v1/media/" + id;
        String state = Scenario.STARTED;
        for (int i = 0; i < times; i++) {
            String next = "polled " + (i + 1);
            wiremock.stubFor(get(path)
                    .inScenario(id)
                    .whenScenarioStateIs(state)
                    .willReturn(json(206, ""))
                    .willSetStateTo(next));
            state = next;
        }
        wiremock.stubFor(get(path)
                .inScenario(id)
                .whenScenarioStateIs(state)
                .willReturn(
                        okJson("{\"id\":\"" + id + "\",\"type\":\"video\",\"url\":\"https://files.example/v.mp4\"}")));
    }

    private List<String> keys() {
        return wiremock.findAll(postRequestedFor(urlPathEqualTo(STATUSES))).stream()
                .map(LoggedRequest::getHeaders)
                .map(headers -> headers.getHeader("Idempotency-Key").firstValue())
                .toList();
    }
}
