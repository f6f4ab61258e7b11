package herald.providers.bluesky;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static herald.providers.WireMockPlatform.NOW;
import static herald.providers.bluesky.BlueskyStub.CREATE;
import static herald.providers.bluesky.BlueskyStub.DID;
import static herald.providers.bluesky.BlueskyStub.GET_RECORD;
import static herald.providers.bluesky.BlueskyStub.HANDLE;
import static herald.providers.bluesky.BlueskyStub.LIST_RECORDS;
import static herald.providers.bluesky.BlueskyStub.access;
import static herald.providers.bluesky.BlueskyStub.assertKind;
import static herald.providers.bluesky.BlueskyStub.at;
import static herald.providers.bluesky.BlueskyStub.error;
import static herald.providers.bluesky.BlueskyStub.record;
import static herald.providers.bluesky.BlueskyStub.rkey;
import static org.assertj.core.api.Assertions.assertThat;

import herald.providers.CommentRequest;
import herald.providers.ProviderException.Kind;
import herald.providers.PublishRequest;
import herald.providers.PublishedComment;
import herald.providers.WireMockPlatform;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Threads and first comments as replies, with the strong references Bluesky needs, and posts' web addresses. */
class BlueskyThreadTests {

    static final String ROOT = at("3lroot2222222");
    static final String PART_ONE = at("3lpartone2222");

    @RegisterExtension
    static final WireMockPlatform wiremock = new WireMockPlatform();

    BlueskyProvider provider;

    @BeforeEach
    void createProvider() {
        provider = BlueskyStub.provider(wiremock);
        wiremock.stubFor(
                post(CREATE).willReturn(okJson("{\"uri\":\"%s\",\"cid\":\"bafynew\"}".formatted(at(rkey(0))))));
    }

    @Test
    void aThreadsFirstReplyHasTheParentAsItsRoot() {
        parent("3lroot2222222", record(ROOT, "bafyroot", "The thread starts", NOW, ""));

        provider.publish(access(), new PublishRequest(HANDLE, "Part two", null, List.of(), ROOT));

        assertReply(
                "{\"uri\":\"%s\",\"cid\":\"bafyroot\"}".formatted(ROOT),
                "{\"uri\":\"%s\",\"cid\":\"bafyroot\"}".formatted(ROOT));
    }

    @Test
    void aReplyToAReplyKeepsTheThreadsRoot() {
        parent(
                "3lpartone2222",
                record(
                        PART_ONE,
                        "bafyone",
                        "Part one",
                        NOW,
                        "\"reply\":{\"root\":{\"uri\":\"%s\",\"cid\":\"bafyroot\"},\"parent\":{\"uri\":\"%s\",\"cid\":\"bafyroot\"}}"
                                .formatted(ROOT, ROOT)));

        provider.publish(access(), new PublishRequest(HANDLE, "Part two", null, List.of(), PART_ONE));

        assertReply(
                "{\"uri\":\"%s\",\"cid\":\"bafyroot\"}".formatted(ROOT),
                "{\"uri\":\"%s\",\"cid\":\"bafyone\"}".formatted(PART_ONE));
    }

    @Test
    void aParentAddressedByHandleIsReferencedByTheUriBlueskyAnswers() {
        String byHandle = "at://ada.bsky.social/app.bsky.feed.post/3lroot2222222";
        wiremock.stubFor(get(urlPathEqualTo(GET_RECORD))
                .withQueryParam("repo", equalTo(HANDLE))
                .withQueryParam("rkey", equalTo("3lroot2222222"))
                .willReturn(okJson(record(ROOT, "bafyroot", "Root", NOW, ""))));

        provider.publish(access(), new PublishRequest(HANDLE, "Reply", null, List.of(), byHandle));

        assertReply(
                "{\"uri\":\"%s\",\"cid\":\"bafyroot\"}".formatted(ROOT),
                "{\"uri\":\"%s\",\"cid\":\"bafyroot\"}".formatted(ROOT));
    }

    @Test
    void aParentThatIsGoneCannotBeAnswered() {
        wiremock.stubFor(
                get(urlPathEqualTo(GET_RECORD)).willReturn(error(400, "RecordNotFound", "Could not locate record")));
        assertKind(
                () -> provider.publish(access(), new PublishRequest(HANDLE, "Reply", null, List.of(), ROOT)),
                Kind.INVALID_CONTENT,
                "no longer has the post");
        assertKind(
                () -> provider.publish(access(), new PublishRequest(HANDLE, "Reply", null, List.of(), "12345")),
                Kind.INVALID_CONTENT,
                "not the at:// address");
        wiremock.verify(0, postRequestedFor(urlPathEqualTo(CREATE)));
    }

    @Test
    void aCommentIsAReplyWithAKeyOfItsOwn() {
        parent("3lroot2222222", record(ROOT, "bafyroot", "The post", NOW, ""));

        PublishedComment comment =
                provider.comment(access(), new CommentRequest(HANDLE, ROOT, "More at #launch", "de"));

        assertThat(comment.id()).isEqualTo(at(rkey(0)));
        assertThat(comment.url()).isEqualTo(URI.create("https://bsky.app/profile/ada.bsky.social/post/" + rkey(0)));
        wiremock.verify(postRequestedFor(urlPathEqualTo(CREATE))
                .withRequestBody(equalToJson(
                        """
                        {"repo":"%s","collection":"app.bsky.feed.post","rkey":"%s",
                         "record":{"$type":"app.bsky.feed.post","text":"More at #launch",
                           "createdAt":"2026-12-01T12:00:00.000Z",
                           "facets":[{"index":{"byteStart":8,"byteEnd":15},
                              "features":[{"$type":"app.bsky.richtext.facet#tag","tag":"launch"}]}],
                           "reply":{"root":{"uri":"%s","cid":"bafyroot"},"parent":{"uri":"%s","cid":"bafyroot"}},
                           "langs":["de"]}}"""
                                .formatted(DID, rkey(0), ROOT, ROOT))));
    }

    @Test
    void findsACommentByItsParentAndText() {
        String reply = "\"reply\":{\"root\":{\"uri\":\"%s\",\"cid\":\"r\"},\"parent\":{\"uri\":\"%s\",\"cid\":\"r\"}}";
        wiremock.stubFor(get(urlPathEqualTo(LIST_RECORDS))
                .willReturn(okJson("{\"records\":[%s,%s,%s]}"
                        .formatted(
                                record(at("3lother222222"), "c1", "First!", NOW, reply.formatted(ROOT, PART_ONE)),
                                record(at("3lplain222222"), "c2", "First!", NOW, ""),
                                record(at("3lcomment2222"), "c3", "First!", NOW, reply.formatted(ROOT, ROOT))))));
        var request = new CommentRequest(HANDLE, "at://ada.bsky.social/app.bsky.feed.post/3lroot2222222", "First!");

        assertThat(provider.findComment(access(), request, NOW))
                .hasValueSatisfying(found -> assertThat(found.id()).isEqualTo(at("3lcomment2222")));
        assertThat(provider.findComment(access(), new CommentRequest(HANDLE, ROOT, "Second"), NOW))
                .isEmpty();
    }

    @Test
    void readsAPostsIdFromItsWebAddress() {
        assertThat(provider.postIdAt(URI.create("https://bsky.app/profile/ada.bsky.social/post/3lroot2222222")))
                .hasValue("at://ada.bsky.social/app.bsky.feed.post/3lroot2222222");
        assertThat(provider.postIdAt(URI.create("https://bsky.app/profile/" + DID + "/post/3lroot2222222?ref=x")))
                .hasValue(ROOT);
        assertThat(provider.postIdAt(URI.create("https://bsky.app/profile/ada.bsky.social")))
                .isEmpty();
        assertThat(provider.postIdAt(URI.create("https://evil.test/profile/ada.bsky.social/post/3lroot2222222")))
                .isEmpty();
        assertThat(provider.postAddressForm()).isEqualTo("https://bsky.app/profile/{account}/post/{id}");
        assertThat(provider.takesThreads()).isTrue();
        assertThat(provider.takesComments()).isTrue();
    }

    private void parent(String rkey, String answer) {
        wiremock.stubFor(get(urlPathEqualTo(GET_RECORD))
                .withQueryParam("repo", equalTo(DID))
                .withQueryParam("collection", equalTo("app.bsky.feed.post"))
                .withQueryParam("rkey", equalTo(rkey))
                .willReturn(okJson(answer)));
    }

    private static void assertReply(String root, String parent) {
        wiremock.verify(postRequestedFor(urlPathEqualTo(CREATE))
                .withRequestBody(equalToJson(
                        "{\"record\":{\"reply\":{\"root\":" + root + ",\"parent\":" + parent + "}}}", false, true)));
    }
}
