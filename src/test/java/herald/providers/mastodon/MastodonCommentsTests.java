package herald.providers.mastodon;

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
import static herald.providers.mastodon.MastodonStub.STATUSES;
import static herald.providers.mastodon.MastodonStub.TIMELINE;
import static herald.providers.mastodon.MastodonStub.assertKind;
import static herald.providers.mastodon.MastodonStub.error;
import static herald.providers.mastodon.MastodonStub.server;
import static herald.providers.mastodon.MastodonStub.status;
import static herald.providers.mastodon.MastodonStub.token;
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

/** The inbox's reading of Mastodon: the replies under the account's status, and answering one of them. */
class MastodonCommentsTests {

    static final String POST = "1100";
    static final String CONTEXT = "/api/v1/statuses/" + POST + "/context";

    @RegisterExtension
    static final WireMockPlatform wiremock = new WireMockPlatform();

    MastodonProvider provider;
    String handle;

    @BeforeEach
    void createProvider() {
        provider = MastodonStub.provider(wiremock, new MastodonStub.Clients());
        handle = "ada@" + server(wiremock);
    }

    @Test
    void listsOthersRepliesAtAnyDepthNewestFirstWithoutTheAccountsOwn() {
        wiremock.stubFor(get(CONTEXT)
                .willReturn(okJson("""
                        {"ancestors":[],"descendants":[%s,%s,%s,%s,%s]}"""
                        .formatted(
                                reply(
                                        "1201",
                                        POST,
                                        "bob@other.social",
                                        "Bob",
                                        "public",
                                        NOW.minusSeconds(300),
                                        "<p>Fish &amp; chips?<br />Or &quot;just&quot; chips</p><p>Asking for a friend</p>"),
                                reply(
                                        "1202",
                                        "1201",
                                        "carol",
                                        "",
                                        "unlisted",
                                        NOW.minusSeconds(100),
                                        "<p><span class='h-card'><a href='https://other.social/@bob' class='u-url mention'>@<span>bob</span></a></span> Chips, <a href='https://example.com/menu/today'><span class='invisible'>https://</span><span class='ellipsis'>example.com/menu</span><span class='invisible'>/today</span></a></p>"),
                                reply(
                                        "1203",
                                        "1201",
                                        "ada",
                                        "Ada Lovelace",
                                        "public",
                                        NOW.minusSeconds(50),
                                        "<p>Both!</p>"),
                                reply(
                                        "1204",
                                        POST,
                                        "dave@third.example",
                                        "Dave",
                                        "direct",
                                        NOW.minusSeconds(10),
                                        "<p>Psst</p>"),
                                reply(
                                        "1205",
                                        POST,
                                        "bob@other.social",
                                        "Bob",
                                        "public",
                                        NOW.minusSeconds(200),
                                        "<p>Also: when?</p>")))));

        List<ReceivedComment> comments = provider.comments(token(wiremock), handle, POST, 10);

        assertThat(comments).extracting(ReceivedComment::id).containsExactly("1202", "1205", "1201");
        ReceivedComment carols = comments.get(0);
        assertThat(carols.replyTo()).isEqualTo("1201");
        assertThat(carols.authorHandle()).isEqualTo("carol@" + server(wiremock));
        assertThat(carols.authorName()).isEqualTo(carols.authorHandle());
        assertThat(carols.text()).isEqualTo("@bob Chips, https://example.com/menu/today");
        assertThat(carols.writtenAt()).isEqualTo(NOW.minusSeconds(100));
        assertThat(carols.url()).isEqualTo(URI.create("https://other.social/@x/1202"));
        ReceivedComment bobs = comments.get(2);
        assertThat(bobs.replyTo()).isNull();
        assertThat(bobs.authorHandle()).isEqualTo("bob@other.social");
        assertThat(bobs.authorName()).isEqualTo("Bob");
        assertThat(bobs.text()).isEqualTo("Fish & chips?\nOr \"just\" chips\n\nAsking for a friend");
        wiremock.verify(
                getRequestedFor(urlPathEqualTo(CONTEXT)).withHeader("Authorization", equalTo("Bearer " + ACCESS)));
        assertThat(provider.readsComments()).isTrue();
    }

    @Test
    void listsNoMoreThanTheLimitKeepingTheNewest() {
        wiremock.stubFor(get(CONTEXT)
                .willReturn(okJson("{\"ancestors\":[],\"descendants\":[%s,%s,%s]}"
                        .formatted(
                                reply(
                                        "1301",
                                        POST,
                                        "bob@other.social",
                                        "Bob",
                                        "public",
                                        NOW.minusSeconds(30),
                                        "<p>one</p>"),
                                reply(
                                        "1302",
                                        POST,
                                        "bob@other.social",
                                        "Bob",
                                        "public",
                                        NOW.minusSeconds(20),
                                        "<p>two</p>"),
                                reply(
                                        "1303",
                                        POST,
                                        "bob@other.social",
                                        "Bob",
                                        "public",
                                        NOW.minusSeconds(10),
                                        "<p>three</p>")))));

        assertThat(provider.comments(token(wiremock), handle, POST, 2))
                .extracting(ReceivedComment::text)
                .containsExactly("three", "two");
    }

    @Test
    void aPostTheServerNoLongerHasIsInvalidContent() {
        wiremock.stubFor(get(CONTEXT).willReturn(error(404, "Record not found")));

        assertKind(
                () -> provider.comments(token(wiremock), handle, POST, 10),
                Kind.INVALID_CONTENT,
                "no longer has this post");
    }

    @Test
    void aRefusedTokenIsRevokedAsForEveryOtherCall() {
        wiremock.stubFor(get(CONTEXT).willReturn(error(401, "The access token is invalid")));

        assertKind(() -> provider.comments(token(wiremock), handle, POST, 10), Kind.AUTH_REVOKED, "revoked");
    }

    @Test
    void anAnswerToACommentRepliesToThatComment() {
        wiremock.stubFor(post(STATUSES).willReturn(okJson(status("1400", NOW, "<p>Thanks!</p>", "1201", 0))));

        provider.comment(token(wiremock), new CommentRequest(handle, POST, "Thanks!", null, "1201"));
        provider.comment(token(wiremock), new CommentRequest(handle, POST, "Thanks!", null, "1205"));

        wiremock.verify(
                postRequestedFor(urlPathEqualTo(STATUSES))
                        .withRequestBody(
                                equalToJson(
                                        """
                        {"status":"Thanks!","in_reply_to_id":"1201","visibility":"public"}""")));
        wiremock.verify(
                postRequestedFor(urlPathEqualTo(STATUSES))
                        .withRequestBody(
                                equalToJson(
                                        """
                        {"status":"Thanks!","in_reply_to_id":"1205","visibility":"public"}""")));
        List<String> keys = wiremock.findAll(postRequestedFor(urlPathEqualTo(STATUSES))).stream()
                .map(request -> request.getHeader("Idempotency-Key"))
                .toList();
        assertThat(keys.get(0)).isNotEqualTo(keys.get(1));
    }

    @Test
    void findsAnAnswerByTheCommentItAnswers() {
        MastodonStub.verifies(wiremock);
        wiremock.stubFor(get(urlPathEqualTo(TIMELINE))
                .willReturn(okJson("[%s,%s]"
                        .formatted(
                                status("1401", NOW, "<p>Thanks!</p>", POST, 0),
                                status("1402", NOW, "<p>Thanks!</p>", "1201", 0)))));

        assertThat(provider.findComment(
                        token(wiremock), new CommentRequest(handle, POST, "Thanks!", null, "1201"), NOW))
                .hasValueSatisfying(found -> assertThat(found.id()).isEqualTo("1402"));
        assertThat(provider.findComment(token(wiremock), new CommentRequest(handle, POST, "Thanks!"), NOW))
                .hasValueSatisfying(found -> assertThat(found.id()).isEqualTo("1401"));
        assertThat(provider.findComment(
                        token(wiremock), new CommentRequest(handle, POST, "Thanks!", null, "1205"), NOW))
                .isEmpty();
    }

    /** A reply as the context's descendants list it; {@code acct} without a server is an account of this one. */
    private static String reply(
            String id, String inReplyTo, String acct, String name, String visibility, Instant at, String content) {
        return """
                {"id":"%s","created_at":"%s","in_reply_to_id":"%s","visibility":"%s",
                 "uri":"https://other.social/users/x/statuses/%s","url":"https://other.social/@x/%s",
                 "content":"%s","account":{"id":"9%s","username":"%s","acct":"%s","display_name":"%s"}}"""
                .formatted(id, at, inReplyTo, visibility, id, id, content, id, acct.split("@")[0], acct, name);
    }
}
