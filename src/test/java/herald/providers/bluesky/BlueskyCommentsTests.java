package herald.providers.bluesky;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
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
import static herald.providers.bluesky.BlueskyStub.POSTS;
import static herald.providers.bluesky.BlueskyStub.access;
import static herald.providers.bluesky.BlueskyStub.assertKind;
import static herald.providers.bluesky.BlueskyStub.at;
import static herald.providers.bluesky.BlueskyStub.error;
import static herald.providers.bluesky.BlueskyStub.escape;
import static herald.providers.bluesky.BlueskyStub.record;
import static herald.providers.bluesky.BlueskyStub.rkey;
import static org.assertj.core.api.Assertions.assertThat;

import herald.providers.CommentRequest;
import herald.providers.ProviderException.Kind;
import herald.providers.ReceivedComment;
import herald.providers.WireMockPlatform;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The inbox's reading of Bluesky: the replies in the thread under the account's post, and answering one of them. */
class BlueskyCommentsTests {

    static final String THREAD = "/xrpc/app.bsky.feed.getPostThread";
    static final String POST = at("3lpost2222222");
    static final String BOB = "did:plc:bob22222222222222222222";
    static final String CAROL = "did:plc:carol222222222222222222";
    static final String BOBS = "at://" + BOB + "/app.bsky.feed.post/3lbob22222222";
    static final String CAROLS = "at://" + CAROL + "/app.bsky.feed.post/3lcarol222222";

    @RegisterExtension
    static final WireMockPlatform wiremock = new WireMockPlatform();

    BlueskyProvider provider;

    @BeforeEach
    void createProvider() {
        provider = BlueskyStub.provider(wiremock);
    }

    @Test
    void listsOthersRepliesAtAnyDepthNewestFirstWithoutTheAccountsOwn() {
        String adasAnswer = at("3lada22222222");
        wiremock.stubFor(get(urlPathEqualTo(THREAD))
                .willReturn(okJson("{\"thread\":%s}"
                        .formatted(view(
                                POST,
                                DID,
                                HANDLE,
                                "Ada",
                                "Launch day",
                                NOW.minusSeconds(3600),
                                view(
                                        BOBS,
                                        BOB,
                                        "bob.bsky.social",
                                        "Bob",
                                        "Congrats!\nWhen is the party?",
                                        NOW.minusSeconds(300),
                                        view(
                                                adasAnswer,
                                                DID,
                                                HANDLE,
                                                "Ada",
                                                "Friday",
                                                NOW.minusSeconds(200),
                                                view(
                                                        CAROLS,
                                                        CAROL,
                                                        "carol.example",
                                                        "",
                                                        "Can I come?",
                                                        NOW.minusSeconds(100))),
                                        """
                                        {"$type":"app.bsky.feed.defs#notFoundPost",\
                                        "uri":"at://did:plc:gone/app.bsky.feed.post/3lgone","notFound":true}"""),
                                """
                                {"$type":"app.bsky.feed.defs#blockedPost","uri":"at://did:plc:troll/app.bsky.feed.post/3l",\
                                "blocked":true,"author":{"did":"did:plc:troll"}}""",
                                view(
                                        "at://" + BOB + "/app.bsky.feed.post/3lbob33333333",
                                        BOB,
                                        "bob.bsky.social",
                                        "Bob",
                                        "Also: where?",
                                        NOW.minusSeconds(250)))))));

        List<ReceivedComment> comments = provider.comments(access(), HANDLE, POST, 10);

        assertThat(comments)
                .extracting(ReceivedComment::id)
                .containsExactly(CAROLS, "at://" + BOB + "/app.bsky.feed.post/3lbob33333333", BOBS);
        ReceivedComment carols = comments.get(0);
        assertThat(carols.replyTo()).isEqualTo(adasAnswer);
        assertThat(carols.authorHandle()).isEqualTo("carol.example");
        assertThat(carols.authorName()).isEqualTo("carol.example");
        assertThat(carols.writtenAt()).isEqualTo(NOW.minusSeconds(100));
        assertThat(carols.url()).isEqualTo(URI.create("https://bsky.app/profile/carol.example/post/3lcarol222222"));
        ReceivedComment bobs = comments.get(2);
        assertThat(bobs.replyTo()).isNull();
        assertThat(bobs.authorName()).isEqualTo("Bob");
        assertThat(bobs.text()).isEqualTo("Congrats!\nWhen is the party?");
        wiremock.verify(getRequestedFor(urlPathEqualTo(THREAD))
                .withQueryParam("uri", equalTo(POST))
                .withQueryParam("depth", equalTo("6"))
                .withQueryParam("parentHeight", equalTo("0")));
        assertThat(provider.readsComments()).isTrue();
        assertThat(provider.comments(access(), HANDLE, POST, 1))
                .extracting(ReceivedComment::id)
                .containsExactly(CAROLS);
    }

    @Test
    void aPostBlueskyNoLongerHasIsInvalidContent() {
        wiremock.stubFor(get(urlPathEqualTo(THREAD)).willReturn(error(400, "NotFound", "Post not found: " + POST)));

        assertKind(
                () -> provider.comments(access(), HANDLE, POST, 10),
                Kind.INVALID_CONTENT,
                "Bluesky no longer has this post");
    }

    @Test
    void anAnswerToACommentHasItAsParentAndThePostAsRoot() {
        wiremock.stubFor(get(urlPathEqualTo(GET_RECORD))
                .withQueryParam("rkey", equalTo("3lpost2222222"))
                .willReturn(okJson(record(POST, "bafypost", "Launch day", NOW, ""))));
        wiremock.stubFor(get(urlPathEqualTo(POSTS))
                .withQueryParam("uris", equalTo(BOBS))
                .willReturn(okJson(
                        """
                        {"posts":[{"uri":"%s","cid":"bafybob","author":{"did":"%s","handle":"bob.bsky.social"},
                          "record":{"$type":"app.bsky.feed.post","text":"Congrats!","createdAt":"%s",
                            "reply":{"root":{"uri":"%s","cid":"bafypost"},"parent":{"uri":"%s","cid":"bafypost"}}},
                          "indexedAt":"%s"}]}"""
                                .formatted(BOBS, BOB, NOW, POST, POST, NOW))));
        wiremock.stubFor(
                post(CREATE).willReturn(okJson("{\"uri\":\"%s\",\"cid\":\"bafynew\"}".formatted(at(rkey(0))))));

        provider.comment(access(), new CommentRequest(HANDLE, POST, "Thank you!", null, BOBS));

        wiremock.verify(postRequestedFor(urlPathEqualTo(CREATE))
                .withRequestBody(equalToJson(
                        """
                        {"record":{"text":"Thank you!","reply":{"root":{"uri":"%s","cid":"bafypost"},
                          "parent":{"uri":"%s","cid":"bafybob"}}}}"""
                                .formatted(POST, BOBS),
                        false,
                        true)));
    }

    @Test
    void aCommentOutsideThePostsThreadIsNotAnswered() {
        wiremock.stubFor(
                get(urlPathEqualTo(GET_RECORD)).willReturn(okJson(record(POST, "bafypost", "Launch", NOW, ""))));
        wiremock.stubFor(get(urlPathEqualTo(POSTS))
                .willReturn(okJson(
                        """
                        {"posts":[{"uri":"%s","cid":"bafybob","author":{"did":"%s","handle":"bob.bsky.social"},
                          "record":{"$type":"app.bsky.feed.post","text":"Elsewhere","createdAt":"%s"}}]}"""
                                .formatted(BOBS, BOB, NOW))));

        assertKind(
                () -> provider.comment(access(), new CommentRequest(HANDLE, POST, "Thanks", null, BOBS)),
                Kind.INVALID_CONTENT,
                "not in the post's thread");
        wiremock.stubFor(get(urlPathEqualTo(POSTS)).willReturn(okJson("{\"posts\":[]}")));
        assertKind(
                () -> provider.comment(access(), new CommentRequest(HANDLE, POST, "Thanks", null, BOBS)),
                Kind.INVALID_CONTENT,
                "no longer has the comment");
        wiremock.verify(0, postRequestedFor(urlPathEqualTo(CREATE)));
    }

    @Test
    void findsAnAnswerByTheCommentItAnswers() {
        String reply = "\"reply\":{\"root\":{\"uri\":\"%s\",\"cid\":\"r\"},\"parent\":{\"uri\":\"%s\",\"cid\":\"p\"}}";
        wiremock.stubFor(get(urlPathEqualTo(LIST_RECORDS))
                .willReturn(okJson("{\"records\":[%s,%s]}"
                        .formatted(
                                record(at("3lonpost22222"), "c1", "Thanks", NOW, reply.formatted(POST, POST)),
                                record(at("3lonbob222222"), "c2", "Thanks", NOW, reply.formatted(POST, BOBS))))));

        assertThat(provider.findComment(access(), new CommentRequest(HANDLE, POST, "Thanks", null, BOBS), NOW))
                .hasValueSatisfying(found -> assertThat(found.id()).isEqualTo(at("3lonbob222222")));
        assertThat(provider.findComment(access(), new CommentRequest(HANDLE, POST, "Thanks"), NOW))
                .hasValueSatisfying(found -> assertThat(found.id()).isEqualTo(at("3lonpost22222")));
        assertThat(provider.findComment(access(), new CommentRequest(HANDLE, POST, "Thanks", null, CAROLS), NOW))
                .isEmpty();
    }

    /** A {@code threadViewPost} as getPostThread answers it, with its replies (views, or gone or blocked ones). */
    private static String view(
            String uri, String did, String handle, String name, String text, Instant at, String... replies) {
        return """
                {"$type":"app.bsky.feed.defs#threadViewPost",
                 "post":{"uri":"%s","cid":"bafy%s","author":{"did":"%s","handle":"%s","displayName":"%s"},
                   "record":{"$type":"app.bsky.feed.post","text":"%s","createdAt":"%s"},"indexedAt":"%s"},
                 "replies":[%s]}"""
                .formatted(uri, uri.hashCode(), did, handle, name, escape(text), at, at, String.join(",", replies));
    }
}
