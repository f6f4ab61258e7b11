package herald.providers.x;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import herald.providers.ProviderFailures;
import herald.providers.PublishJournal;
import herald.providers.PublishRequest;
import herald.providers.PublishedPost;
import herald.vault.Secret;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Publishing to X: the chunked media upload, threads, the journal, and X's refusals in Herald's taxonomy. */
class XPublishTests {

    static final Secret TOKEN = Secret.of("x-user-access-token");

    @RegisterExtension
    static final XStandIn x = XStandIn.checked();

    @Test
    void uploadsAVideoInChunksWaitsForProcessingAndPostsIt() {
        XProvider provider = x.provider(x.settings(4));
        byte[] video = "0123456789".getBytes(StandardCharsets.US_ASCII);
        var medium = x.medium("clip", "video/mp4", "video", video, "");
        x.uploads(1880028106020515840L, "{\"state\":\"pending\",\"check_after_secs\":3}");
        x.stubFor(get(urlEqualTo("/2/media/upload?command=STATUS&media_id=1880028106020515840"))
                .inScenario("processing")
                .willReturn(
                        okJson(
                                """
                        {"data":{"id":"1880028106020515840","processing_info":{"state":"in_progress",\
                        "check_after_secs":1,"progress_percent":40}}}"""))
                .willSetStateTo("done"));
        x.stubFor(
                get(urlEqualTo("/2/media/upload?command=STATUS&media_id=1880028106020515840"))
                        .inScenario("processing")
                        .whenScenarioStateIs("done")
                        .willReturn(
                                okJson(
                                        """
                        {"data":{"id":"1880028106020515840","processing_info":{"state":"succeeded",\
                        "progress_percent":100}}}""")));
        x.created("1445880548472328192", "Our new ad");

        PublishedPost post = provider.publish(TOKEN, request("Our new ad", medium));

        assertThat(post.id()).isEqualTo("1445880548472328192");
        assertThat(post.url()).isEqualTo(URI.create("https://x.com/krusty/status/1445880548472328192"));
        assertThat(sequence())
                .containsExactly(
                        "GET /herald/media/clip?sig=abc",
                        "POST /2/media/upload/initialize",
                        "POST /2/media/upload/1880028106020515840/append",
                        "POST /2/media/upload/1880028106020515840/append",
                        "POST /2/media/upload/1880028106020515840/append",
                        "POST /2/media/upload/1880028106020515840/finalize",
                        "GET /2/media/upload?command=STATUS&media_id=1880028106020515840",
                        "GET /2/media/upload?command=STATUS&media_id=1880028106020515840",
                        "POST /2/tweets");
        assertThat(x.pauses)
                .as("waits as long as X asks")
                .containsExactly(Duration.ofSeconds(3), Duration.ofSeconds(1));
        x.verify(postRequestedFor(urlEqualTo("/2/media/upload/initialize"))
                .withHeader("Authorization", equalTo("Bearer x-user-access-token"))
                .withRequestBody(equalToJson(
                        "{\"media_type\":\"video/mp4\",\"total_bytes\":10,\"media_category\":\"tweet_video\"}")));
        List<LoggedRequest> appends = x.findAll(postRequestedFor(urlPathMatching("/2/media/upload/.*/append")));
        Collections.reverse(appends);
        List<String> chunks = new ArrayList<>();
        for (LoggedRequest append : appends) {
            assertThat(append.getHeader("Content-Type")).startsWith("multipart/form-data");
            chunks.add(append.getPart("segment_index").getBody().asString() + ":"
                    + append.getPart("media").getBody().asString());
        }
        assertThat(chunks).containsExactlyInAnyOrder("0:0123", "1:4567", "2:89");
        x.verify(postRequestedFor(urlEqualTo("/2/tweets"))
                .withRequestBody(
                        equalToJson("{\"text\":\"Our new ad\",\"media\":{\"media_ids\":[\"1880028106020515840\"]}}")));
    }

    @Test
    void uploadsImagesWithTheirAltTextAndAnswersTheirIdsInOrder() {
        XProvider provider = x.provider();
        var first = x.medium("a", "image/png", "image", new byte[] {1, 2, 3}, "A red pizza");
        var second = x.medium("b", "image/jpeg", "image", new byte[] {4, 5}, "");
        x.uploads(1000000000000000001L, null);
        x.created("1445880548472328193", "Two pizzas");

        provider.publish(TOKEN, request("Two pizzas", first, second));

        x.verify(postRequestedFor(urlEqualTo("/2/media/upload/initialize"))
                .withRequestBody(equalToJson(
                        "{\"media_type\":\"image/png\",\"total_bytes\":3,\"media_category\":\"tweet_image\"}")));
        x.verify(
                1,
                postRequestedFor(urlEqualTo("/2/media/metadata"))
                        .withRequestBody(
                                equalToJson(
                                        "{\"id\":\"1000000000000000001\",\"metadata\":{\"alt_text\":{\"text\":\"A red pizza\"}}}")));
        x.verify(0, getRequestedFor(urlPathMatching("/2/media/upload")));
        assertThat(x.pauses).isEmpty();
    }

    @Test
    void aRetryAttachesTheMediaTheJournalNotedInsteadOfUploadingAgain() {
        XProvider provider = x.provider();
        var image = x.medium("c", "image/png", "image", new byte[] {7, 7, 7}, "");
        x.uploads(1000000000000000002L, null);
        x.stubFor(post("/2/tweets").willReturn(XStandIn.json(503, "{\"title\":\"Service Unavailable\"}")));
        PublishJournal journal = PublishJournal.inMemory();

        assertThatThrownBy(() -> provider.publish(TOKEN, request("Once", image), journal))
                .isInstanceOfSatisfying(
                        ProviderException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TRANSIENT));
        assertThat(journal.get("x.media.0"))
                .hasValueSatisfying(note -> assertThat(note).startsWith("1000000000000000002 "));
        x.created("1445880548472328194", "Once");
        provider.publish(TOKEN, request("Once", image), journal);

        x.verify(1, postRequestedFor(urlEqualTo("/2/media/upload/initialize")));
        x.verify(1, getRequestedFor(urlPathMatching("/herald/media/c")));
        x.verify(
                2,
                postRequestedFor(urlEqualTo("/2/tweets"))
                        .withRequestBody(equalToJson(
                                "{\"text\":\"Once\",\"media\":{\"media_ids\":[\"1000000000000000002\"]}}")));
    }

    @Test
    void aNoteOfAnExpiredOrDifferentMediumIsNotUsed() {
        XProvider provider = x.provider();
        var image = x.medium("d", "image/png", "image", new byte[] {1, 2}, "");
        x.uploads(1000000000000000003L, null);
        x.created("1445880548472328195", "Again");
        PublishJournal journal = PublishJournal.inMemory();
        journal.put("x.media.0", "999 " + XStandIn.NOW.plusSeconds(60).getEpochSecond() + " 2");

        provider.publish(TOKEN, request("Again", image), journal);

        x.verify(1, postRequestedFor(urlEqualTo("/2/media/upload/initialize")));
        assertThat(journal.get("x.media.0"))
                .hasValue(
                        "1000000000000000003 " + XStandIn.NOW.plusSeconds(86400).getEpochSecond() + " 2");
    }

    @Test
    void aVideoXCannotProcessIsInvalidContentInXsWords() {
        XProvider provider = x.provider();
        var medium = x.medium("bad", "video/mp4", "video", new byte[] {1}, "");
        x.uploads(
                1000000000000000004L,
                "{\"state\":\"failed\",\"error\":{\"code\":1,\"name\":\"InvalidMedia\",\"message\":\"Unsupported video"
                        + " format\"}}");

        assertKind(
                () -> provider.publish(TOKEN, request("Bad", medium)),
                Kind.INVALID_CONTENT,
                "Unsupported video format");
        x.verify(0, postRequestedFor(urlEqualTo("/2/tweets")));
    }

    @Test
    void aGifXTakesTooLongToProcessIsTriedAgainLaterAndNotNoted() {
        XProvider provider = x.provider();
        var gif = x.medium("slow", "image/gif", "image", new byte[] {'G', 'I', 'F'}, "");
        x.uploads(1000000000000000005L, "{\"state\":\"in_progress\",\"check_after_secs\":30}");
        x.stubFor(
                get(urlEqualTo("/2/media/upload?command=STATUS&media_id=1000000000000000005"))
                        .willReturn(
                                okJson(
                                        """
                        {"data":{"id":"1000000000000000005","processing_info":{"state":"in_progress",\
                        "check_after_secs":30}}}""")));
        PublishJournal journal = PublishJournal.inMemory();

        assertKind(() -> provider.publish(TOKEN, request("Slow", gif), journal), Kind.TRANSIENT, "still processing");

        x.verify(postRequestedFor(urlEqualTo("/2/media/upload/initialize"))
                .withRequestBody(equalToJson(
                        "{\"media_type\":\"image/gif\",\"total_bytes\":3,\"media_category\":\"tweet_gif\"}")));
        assertThat(x.pauses)
                .as("60 s of processing timeout in the tests' settings")
                .hasSize(2);
        assertThat(journal.get("x.media.0")).isEmpty();
        x.verify(0, postRequestedFor(urlEqualTo("/2/tweets")));
    }

    @Test
    void aThreadsNextPartRepliesToThePreviousPost() {
        XProvider provider = x.provider();
        x.created("1445880548472328196", "2/2");

        provider.publish(TOKEN, new PublishRequest("krusty", "2/2", null, List.of(), "1445880548472328192"));

        x.verify(postRequestedFor(urlEqualTo("/2/tweets"))
                .withRequestBody(equalToJson(
                        "{\"text\":\"2/2\",\"reply\":{\"in_reply_to_tweet_id\":\"1445880548472328192\"}}")));
    }

    @Test
    void thePostsLinkGoesAtTheEndOfItsText() {
        XProvider provider = x.provider();
        x.created("1445880548472328197", "Menu");

        provider.publish(TOKEN, new PublishRequest("krusty", "Menu", URI.create("https://krusty.example/menu")));

        x.verify(postRequestedFor(urlEqualTo("/2/tweets"))
                .withRequestBody(equalToJson("{\"text\":\"Menu\\n\\nhttps://krusty.example/menu\"}")));
    }

    @Test
    void aRateLimitWaitsUntilXsReset() {
        XProvider provider = x.provider();
        x.stubFor(post("/2/tweets")
                .willReturn(XStandIn.json(429, "{\"title\":\"Too Many Requests\",\"detail\":\"Too Many Requests\"}")
                        .withHeader("x-rate-limit-remaining", "0")
                        .withHeader("x-rate-limit-reset", String.valueOf(XStandIn.NOW.getEpochSecond() + 120))));
        assertThatThrownBy(() -> provider.publish(TOKEN, request("Hi")))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(120));
                });
        x.stubFor(post("/2/tweets")
                .willReturn(XStandIn.json(429, "{\"errors\":[{\"code\":88,\"message\":\"Rate limit exceeded\"}]}")
                        .withHeader("x-rate-limit-reset", String.valueOf(XStandIn.NOW.getEpochSecond() + 60))
                        .withHeader("x-user-limit-24hour-remaining", "0")
                        .withHeader(
                                "x-user-limit-24hour-reset", String.valueOf(XStandIn.NOW.getEpochSecond() + 7200))));
        assertThatThrownBy(() -> provider.publish(TOKEN, request("Hi")))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.retryAfter()).as("the daily limit's reset").isEqualTo(Duration.ofHours(2));
                    assertThat(e.getMessage()).contains("daily limit");
                });
    }

    @Test
    void duplicateContentIsDuplicateAndSaysWhatToDo() {
        XProvider provider = x.provider();
        x.stubFor(post("/2/tweets")
                .willReturn(XStandIn.json(
                        403,
                        "{\"detail\":\"You are not allowed to create a Tweet with duplicate content.\",\"type\":"
                                + "\"about:blank\",\"title\":\"Forbidden\",\"status\":403}")));
        assertKind(() -> provider.publish(TOKEN, request("Same")), Kind.DUPLICATE, "duplicate content");
    }

    @Test
    void refusalsCarryXsOwnWordsAndNeverTheToken() {
        XProvider provider = x.provider();
        x.stubFor(
                post("/2/tweets")
                        .willReturn(
                                XStandIn.json(
                                        401,
                                        "{\"title\":\"Unauthorized\",\"type\":\"about:blank\",\"status\":401,\"detail\":\"Unauthorized\"}")));
        assertKind(() -> provider.publish(TOKEN, request("Hi")), Kind.AUTH_EXPIRED, "Unauthorized");
        x.stubFor(post("/2/tweets")
                .willReturn(XStandIn.json(
                        403,
                        "{\"detail\":\"Reply to this conversation is not allowed because you have not been mentioned"
                                + " or otherwise engaged by the author of the post you are replying to.\","
                                + "\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403}")));
        assertKind(() -> provider.publish(TOKEN, request("Hi")), Kind.PERMISSION, "not been mentioned");
        x.stubFor(post("/2/tweets")
                .willReturn(XStandIn.json(
                        400,
                        "{\"errors\":[{\"message\":\"Your media IDs are invalid.\"}],\"title\":\"Invalid Request\","
                                + "\"type\":\"https://api.x.com/2/problems/invalid-request\"}")));
        assertKind(() -> provider.publish(TOKEN, request("Hi")), Kind.INVALID_CONTENT, "Your media IDs are invalid.");
        x.stubFor(post("/2/tweets")
                .willReturn(XStandIn.json(
                        429, "{\"title\":\"Usage capped\",\"type\":\"https://api.x.com/2/problems/usage-capped\"}")));
        assertKind(() -> provider.publish(TOKEN, request("Hi")), Kind.RATE_LIMITED, "usage cap");
    }

    @Test
    void aPostThatGoesOutWithoutAnAnswerIsAnUnknownOutcome() {
        XProvider provider = x.provider();
        x.stubFor(post("/2/tweets")
                .willReturn(XStandIn.json(201, "{\"data\":{\"id\":\"1\",\"text\":\"Hi\"}}")
                        .withFixedDelay(XStandIn.STALL_MILLIS)));
        assertKind(() -> provider.publish(TOKEN, request("Hi")), Kind.UNKNOWN_OUTCOME, "may have been published");
        x.stubFor(post("/2/tweets").willReturn(XStandIn.json(201, "{\"data\":")));
        assertKind(() -> provider.publish(TOKEN, request("Hi")), Kind.UNKNOWN_OUTCOME, "accepted the post");
    }

    static PublishRequest request(String text, PublishRequest.Media... media) {
        return new PublishRequest("krusty", text, null, List.of(media), null);
    }

    /** The requests in the order they came, as method and URL. */
    static List<String> sequence() {
        List<String> sequence = new ArrayList<>(x.getAllServeEvents().stream()
                .map(event -> event.getRequest().getMethod() + " "
                        + event.getRequest().getUrl())
                .toList());
        Collections.reverse(sequence);
        return sequence;
    }

    static void assertKind(Runnable call, Kind kind, String messagePart) {
        ProviderException e = ProviderFailures.assertKind(call::run, "x", kind, messagePart);
        assertThat(e.toString()).doesNotContain(TOKEN.reveal());
    }
}
