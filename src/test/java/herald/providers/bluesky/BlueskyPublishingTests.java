package herald.providers.bluesky;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static herald.providers.WireMockPlatform.NOW;
import static herald.providers.bluesky.BlueskyStub.CREATE;
import static herald.providers.bluesky.BlueskyStub.DID;
import static herald.providers.bluesky.BlueskyStub.HANDLE;
import static herald.providers.bluesky.BlueskyStub.RESOLVE;
import static herald.providers.bluesky.BlueskyStub.UPLOAD;
import static herald.providers.bluesky.BlueskyStub.access;
import static herald.providers.bluesky.BlueskyStub.assertKind;
import static herald.providers.bluesky.BlueskyStub.at;
import static herald.providers.bluesky.BlueskyStub.error;
import static herald.providers.bluesky.BlueskyStub.rkey;
import static org.assertj.core.api.Assertions.assertThat;

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

/** Posts as Bluesky receives them: the record's JSON, its facets, its card and images, checked request by request. */
class BlueskyPublishingTests {

    static final URI LINK = URI.create("https://example.com/launch");
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3};
    static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 4, 5, 6};

    @RegisterExtension
    static final WireMockPlatform wiremock = new WireMockPlatform();

    BlueskyProvider provider;

    @BeforeEach
    void createProvider() {
        provider = BlueskyStub.provider(wiremock);
        created();
    }

    @Test
    void sendsFacetsAtUtf8ByteOffsetsTheLinkAtTheEndAndItsCard() {
        resolves("bob.bsky.social", "did:plc:bob");

        PublishedPost post = provider.publish(
                access(), new PublishRequest(HANDLE, "Café 🎉 with @bob.bsky.social #Launch2026", LINK));

        assertThat(post.id()).isEqualTo(at(rkey(0)));
        assertThat(post.url()).isEqualTo(URI.create("https://bsky.app/profile/ada.bsky.social/post/" + rkey(0)));
        assertThat(post.createdAt()).isEqualTo(NOW);
        // "Café " is 6 bytes and "🎉" 4: the mention starts at byte 16, though at character 12.
        wiremock.verify(postRequestedFor(urlPathEqualTo(CREATE))
                .withHeader("Authorization", equalTo("Bearer " + access().reveal()))
                .withRequestBody(equalToJson(
                        """
                        {"repo":"%s","collection":"app.bsky.feed.post","rkey":"%s",
                         "record":{"$type":"app.bsky.feed.post",
                           "text":"Café 🎉 with @bob.bsky.social #Launch2026\\n\\nhttps://example.com/launch",
                           "createdAt":"2026-12-01T12:00:00.000Z",
                           "facets":[
                             {"index":{"byteStart":16,"byteEnd":32},
                              "features":[{"$type":"app.bsky.richtext.facet#mention","did":"did:plc:bob"}]},
                             {"index":{"byteStart":33,"byteEnd":44},
                              "features":[{"$type":"app.bsky.richtext.facet#tag","tag":"Launch2026"}]},
                             {"index":{"byteStart":46,"byteEnd":72},
                              "features":[{"$type":"app.bsky.richtext.facet#link","uri":"https://example.com/launch"}]}],
                           "embed":{"$type":"app.bsky.embed.external",
                                    "external":{"uri":"https://example.com/launch","title":"example.com","description":""}}}}"""
                                .formatted(DID, rkey(0)))));
        wiremock.verify(getRequestedFor(urlPathEqualTo(RESOLVE)).withHeader("Authorization", absent()));
    }

    @Test
    void aCardsImageBlueskyWillNotTakeLeavesTheCardWithoutAThumbAndThePostGoesOut() {
        wiremock.stubFor(post(urlPathEqualTo(UPLOAD)).willReturn(error(400, "BlobTooLarge", "This file is too large")));
        var card = new PublishRequest.LinkPreview(
                "Launch day", "Everything we ship today", new PublishRequest.Image(PNG, "image/png"));

        PublishedPost post = provider.publish(
                access(),
                new PublishRequest(HANDLE, "Out now", LINK, List.of(), null, herald.providers.PostFormat.POST, card));

        assertThat(post.id()).isEqualTo(at(rkey(0)));
        wiremock.verify(postRequestedFor(urlPathEqualTo(UPLOAD))
                .withHeader("Content-Type", equalTo("image/png"))
                .withRequestBody(binaryEqualTo(PNG)));
        wiremock.verify(postRequestedFor(urlPathEqualTo(CREATE))
                .withRequestBody(equalToJson(
                        """
                        {"record":{"embed":{"$type":"app.bsky.embed.external",
                          "external":{"uri":"https://example.com/launch","title":"Launch day",
                                      "description":"Everything we ship today"}}}}""",
                        false,
                        true)));
        assertThat(wiremock.findAll(postRequestedFor(urlPathEqualTo(CREATE)))
                        .getFirst()
                        .getBodyAsString())
                .as("no thumb: the image was refused")
                .doesNotContain("thumb");
    }

    @Test
    void aHandleBlueskyDoesNotKnowStaysPlainText() {
        wiremock.stubFor(get(urlPathEqualTo(RESOLVE))
                .withQueryParam("handle", equalTo("ghost.bsky.social"))
                .willReturn(error(400, "InvalidRequest", "Unable to resolve handle")));
        resolves("bob.bsky.social", "did:plc:bob");

        provider.publish(access(), new PublishRequest(HANDLE, "Hi @ghost.bsky.social and @bob.bsky.social", null));

        wiremock.verify(postRequestedFor(urlPathEqualTo(CREATE))
                .withRequestBody(equalToJson(
                        """
                        {"repo":"%s","collection":"app.bsky.feed.post","rkey":"%s",
                         "record":{"$type":"app.bsky.feed.post","text":"Hi @ghost.bsky.social and @bob.bsky.social",
                           "createdAt":"2026-12-01T12:00:00.000Z",
                           "facets":[{"index":{"byteStart":26,"byteEnd":42},
                              "features":[{"$type":"app.bsky.richtext.facet#mention","did":"did:plc:bob"}]}]}}"""
                                .formatted(DID, rkey(0)))));
    }

    @Test
    void aMentionThatCannotBeCheckedFailsBeforeAnythingIsSent() {
        wiremock.stubFor(get(urlPathEqualTo(RESOLVE)).willReturn(error(503, "Unavailable", "Try later")));

        assertKind(
                () -> provider.publish(access(), new PublishRequest(HANDLE, "Hi @bob.bsky.social", null)),
                Kind.TRANSIENT,
                "the mention of @bob.bsky.social");
        wiremock.verify(0, postRequestedFor(urlPathEqualTo(CREATE)));
    }

    @Test
    void uploadsEachImageAsABlobAndEmbedsThemWithTheirAltTextInsteadOfACard() {
        URI png = wiremock.serves("/herald/media/chart.png", PNG);
        URI jpeg = wiremock.serves("/herald/media/team.jpg", JPEG);
        blob("image/png", "bafkreipng", PNG.length);
        blob("image/jpeg", "bafkreijpeg", JPEG.length);
        var media = List.of(
                new PublishRequest.Media(png, "image/png", "image", PNG.length, "Sales rose 20% in May"),
                new PublishRequest.Media(jpeg, "image/jpeg", "image", JPEG.length, ""));

        provider.publish(access(), new PublishRequest(HANDLE, "Our month", LINK, media, null));

        wiremock.verify(postRequestedFor(urlPathEqualTo(UPLOAD))
                .withHeader("Content-Type", equalTo("image/png"))
                .withHeader("Authorization", equalTo("Bearer " + access().reveal()))
                .withRequestBody(binaryEqualTo(PNG)));
        wiremock.verify(postRequestedFor(urlPathEqualTo(UPLOAD))
                .withHeader("Content-Type", equalTo("image/jpeg"))
                .withRequestBody(binaryEqualTo(JPEG)));
        wiremock.verify(postRequestedFor(urlPathEqualTo(CREATE))
                .withRequestBody(equalToJson(
                        """
                        {"record":{"text":"Our month\\n\\nhttps://example.com/launch",
                          "embed":{"$type":"app.bsky.embed.images","images":[
                            {"image":{"$type":"blob","ref":{"$link":"bafkreipng"},"mimeType":"image/png","size":11},
                             "alt":"Sales rose 20% in May"},
                            {"image":{"$type":"blob","ref":{"$link":"bafkreijpeg"},"mimeType":"image/jpeg","size":6},
                             "alt":""}]}}}""",
                        false, true)));
    }

    @Test
    void aRetryAfterAnUnansweredPostWritesToTheSameKeyAndFindsThePostThere() {
        BlueskyProvider impatient = BlueskyStub.impatient(wiremock);
        wiremock.stubFor(post(CREATE)
                .willReturn(okJson("{\"uri\":\"%s\",\"cid\":\"bafy1\"}".formatted(at(rkey(0))))
                        .withFixedDelay(BlueskyStub.STALL)));
        PublishJournal journal = PublishJournal.inMemory();
        var request = new PublishRequest(HANDLE, "Once only", null);

        assertKind(() -> impatient.publish(access(), request, journal), Kind.UNKNOWN_OUTCOME, "looks for it");
        assertThat(journal.get("rkey")).hasValue(rkey(0));

        wiremock.stubFor(get(urlPathEqualTo(BlueskyStub.GET_RECORD))
                .withQueryParam("repo", equalTo(DID))
                .withQueryParam("collection", equalTo("app.bsky.feed.post"))
                .withQueryParam("rkey", equalTo(rkey(0)))
                .willReturn(okJson(BlueskyStub.record(at(rkey(0)), "bafy1", "Once only", NOW.plusMillis(3), ""))));
        assertThat(impatient.findExisting(access(), request, NOW, journal)).hasValueSatisfying(found -> {
            assertThat(found.id()).isEqualTo(at(rkey(0)));
            assertThat(found.url().toString()).endsWith("/profile/ada.bsky.social/post/" + rkey(0));
            assertThat(found.createdAt()).isEqualTo(NOW.plusMillis(3));
        });

        wiremock.stubFor(get(urlPathEqualTo(BlueskyStub.GET_RECORD))
                .willReturn(error(400, "RecordNotFound", "Could not locate record: " + at(rkey(0)))));
        assertThat(impatient.findExisting(access(), request, NOW, journal)).isEmpty();

        created();
        impatient.publish(access(), request, journal);
        wiremock.verify(2, postRequestedFor(urlPathEqualTo(CREATE)));
        wiremock.verify(
                2,
                postRequestedFor(urlPathEqualTo(CREATE)).withRequestBody(matchingJsonPath("$.rkey", equalTo(rkey(0)))));
    }

    @Test
    void aKeyThatAlreadyHoldsThePostIsThePostAnEarlierAttemptWrote() {
        PublishJournal journal = PublishJournal.inMemory();
        journal.put("rkey", "3lbwz2x4gtk2c");
        // What a PDS answers today for a create at a key that holds a record (atproto issue 3718).
        wiremock.stubFor(post(CREATE).willReturn(error(500, "InternalServerError", "Internal Server Error")));
        wiremock.stubFor(get(urlPathEqualTo(BlueskyStub.GET_RECORD))
                .withQueryParam("rkey", equalTo("3lbwz2x4gtk2c"))
                .willReturn(okJson(BlueskyStub.record(at("3lbwz2x4gtk2c"), "bafy1", "Written before", NOW, ""))));

        PublishedPost post = provider.publish(access(), new PublishRequest(HANDLE, "Written before", null), journal);

        assertThat(post.id()).isEqualTo(at("3lbwz2x4gtk2c"));
        wiremock.verify(postRequestedFor(urlPathEqualTo(CREATE))
                .withRequestBody(matchingJsonPath("$.rkey", equalTo("3lbwz2x4gtk2c"))));
    }

    @Test
    void withoutAJournalTheLatestPostsAreSearchedForTheSameTextImagesAndParent() {
        String image = "\"embed\":{\"$type\":\"app.bsky.embed.images\",\"images\":[{\"alt\":\"\",\"image\":{}}]}";
        String reply = "\"reply\":{\"root\":{\"uri\":\"%s\",\"cid\":\"r\"},\"parent\":{\"uri\":\"%s\",\"cid\":\"r\"}}"
                .formatted(at("3laaaaaaaaaa2"), at("3laaaaaaaaaa2"));
        wiremock.stubFor(get(urlPathEqualTo(BlueskyStub.LIST_RECORDS))
                .withQueryParam("repo", equalTo(DID))
                .willReturn(okJson("{\"records\":[%s,%s,%s,%s]}"
                        .formatted(
                                BlueskyStub.record(
                                        at("3lreply222222"),
                                        "c1",
                                        "Launch\n\nhttps://example.com/launch",
                                        NOW,
                                        reply + "," + image),
                                BlueskyStub.record(
                                        at("3lnoimage2222"), "c2", "Launch\n\nhttps://example.com/launch", NOW, ""),
                                BlueskyStub.record(
                                        at("3lthisone2222"), "c3", "Launch\n\nhttps://example.com/launch", NOW, image),
                                BlueskyStub.record(
                                        at("3lolder222222"),
                                        "c4",
                                        "Launch\n\nhttps://example.com/launch",
                                        NOW.minusSeconds(60),
                                        image)))));
        var media = List.of(PublishRequest.Media.image(URI.create("https://herald.test/a.png"), "image/png", 3));

        assertThat(provider.findExisting(access(), new PublishRequest(HANDLE, "Launch", LINK, media, null), NOW))
                .hasValueSatisfying(found -> assertThat(found.id()).isEqualTo(at("3lthisone2222")));
        assertThat(provider.findExisting(
                        access(), new PublishRequest(HANDLE, "Launch", LINK, media, null), NOW.plusSeconds(10)))
                .as("all of them older than the attempt")
                .isEmpty();
    }

    private void created() {
        wiremock.stubFor(post(CREATE)
                .willReturn(okJson("{\"uri\":\"%s\",\"cid\":\"bafyreib2rxk3rh6kzwq\",\"validationStatus\":\"valid\"}"
                        .formatted(at(rkey(0))))));
    }

    private void resolves(String handle, String did) {
        wiremock.stubFor(get(urlPathEqualTo(RESOLVE))
                .withQueryParam("handle", equalTo(handle))
                .willReturn(okJson("{\"did\":\"" + did + "\"}")));
    }

    private void blob(String contentType, String link, int size) {
        wiremock.stubFor(post(UPLOAD)
                .withHeader("Content-Type", equalTo(contentType))
                .willReturn(okJson(
                        "{\"blob\":{\"$type\":\"blob\",\"ref\":{\"$link\":\"%s\"},\"mimeType\":\"%s\",\"size\":%d}}"
                                .formatted(link, contentType, size))));
    }
}
