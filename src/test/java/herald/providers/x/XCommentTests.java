package herald.providers.x;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.providers.CommentRequest;
import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import herald.providers.PublishedComment;
import herald.vault.Secret;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A post's comment on X: a reply to the account's own post, written and found again in the account's timeline. */
class XCommentTests {

    static final Secret TOKEN = Secret.of("x-comment-token");
    static final String POST = "1445880548472328192";
    static final Instant SINCE = XStandIn.NOW.minusSeconds(60);
    static final String TIMELINE = "/2/users/" + XStandIn.USER_ID + "/tweets";
    static final CommentRequest REQUEST = new CommentRequest("krusty", POST, "#pizza #krusty https://krusty.example");

    @RegisterExtension
    static final XStandIn x = XStandIn.checked();

    XProvider provider;

    @BeforeEach
    void reset() {
        provider = x.provider();
    }

    @Test
    void commentsAsAReplyToTheAccountsOwnPost() {
        x.created("1445880548472328199", "#pizza #krusty");

        PublishedComment comment = provider.comment(TOKEN, REQUEST);

        assertThat(provider.takesComments()).isTrue();
        assertThat(provider.commentMaxLength()).isEqualTo(280);
        assertThat(provider.contentRules().length("#pizza " + "界".repeat(140)))
                .as("a comment is weighed as a post")
                .isGreaterThan(280);
        assertThat(comment.id()).isEqualTo("1445880548472328199");
        assertThat(comment.url()).isEqualTo(URI.create("https://x.com/krusty/status/1445880548472328199"));
        x.verify(
                postRequestedFor(urlEqualTo("/2/tweets"))
                        .withHeader("Authorization", equalTo("Bearer x-comment-token"))
                        .withRequestBody(
                                equalToJson(
                                        """
                        {"text":"#pizza #krusty https://krusty.example",
                         "reply":{"in_reply_to_tweet_id":"1445880548472328192"}}""")));
    }

    @Test
    void refusalsAreHeraldsKindsAndAReplyWithoutAnswerIsUnknown() {
        x.stubFor(post("/2/tweets")
                .willReturn(XStandIn.json(
                        403,
                        "{\"detail\":\"Reply to this conversation is not allowed because you have not been mentioned"
                                + " or otherwise engaged by the author of the post you are replying to.\","
                                + "\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403}")));
        XPublishTests.assertKind(() -> provider.comment(TOKEN, REQUEST), Kind.PERMISSION, "not been mentioned");
        x.stubFor(post("/2/tweets")
                .willReturn(
                        XStandIn.json(401, "{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"Unauthorized\"}")));
        XPublishTests.assertKind(() -> provider.comment(TOKEN, REQUEST), Kind.AUTH_EXPIRED, "Unauthorized");
        x.stubFor(post("/2/tweets")
                .willReturn(XStandIn.json(429, "{\"title\":\"Too Many Requests\"}")
                        .withHeader("x-rate-limit-reset", String.valueOf(XStandIn.NOW.getEpochSecond() + 90))));
        assertThatThrownBy(() -> provider.comment(TOKEN, REQUEST))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(90));
                });
        x.stubFor(post("/2/tweets")
                .willReturn(XStandIn.json(201, "{\"data\":{\"id\":\"1\",\"text\":\"Hi\"}}")
                        .withFixedDelay(XStandIn.STALL_MILLIS)));
        XPublishTests.assertKind(() -> provider.comment(TOKEN, REQUEST), Kind.UNKNOWN_OUTCOME, "the reply");
        x.stubFor(post("/2/tweets").willReturn(XStandIn.json(201, "{\"data\":")));
        XPublishTests.assertKind(() -> provider.comment(TOKEN, REQUEST), Kind.UNKNOWN_OUTCOME, "accepted the reply");
    }

    @Test
    void findsTheReplyToThePostWithTheSameText() {
        x.me("krusty");
        x.stubFor(get(urlPathEqualTo(TIMELINE))
                .willReturn(okJson(
                        """
                        {"data":[
                          {"id":"1900000000000000004","text":"#pizza #krusty https://t.co/AbC","created_at":"%s",
                           "referenced_posts":[{"type":"replied_to","id":"1445880548472328100"}]},
                          {"id":"1900000000000000003","text":"#pizza #krusty https://t.co/AbC","created_at":"%s",
                           "referenced_posts":[{"type":"replied_to","id":"%s"}]},
                          {"id":"1900000000000000002","text":"#pizza #krusty https://t.co/AbC","created_at":"%s",
                           "referenced_posts":[{"type":"quoted","id":"%s"}]}],
                         "meta":{"result_count":3}}"""
                                .formatted(
                                        SINCE.plusSeconds(40),
                                        SINCE.plusSeconds(20),
                                        POST,
                                        SINCE.plusSeconds(10),
                                        POST))));

        var found = provider.findComment(TOKEN, REQUEST, SINCE);

        assertThat(found)
                .contains(new PublishedComment(
                        "1900000000000000003", URI.create("https://x.com/krusty/status/1900000000000000003")));
        x.verify(getRequestedFor(
                        urlEqualTo(TIMELINE + "?max_results=100&exclude=retweets&start_time=" + SINCE.minusSeconds(2)
                                + "&post.fields=created_at,conversation_id&expansions=referenced_posts"))
                .withHeader("Authorization", equalTo("Bearer x-comment-token")));
    }

    @Test
    void withoutReferencesTheConversationTellsAndWithoutEitherHeraldDoesNotGuess() {
        x.me("krusty");
        x.stubFor(get(urlPathEqualTo(TIMELINE))
                .willReturn(okJson(
                        """
                        {"data":[{"id":"1900000000000000005","text":"#pizza #krusty https://t.co/AbC",
                           "created_at":"%s","conversation_id":"%s",
                           "referenced_tweets":[{"type":"replied_to","id":"%s"}]}],"meta":{"result_count":1}}"""
                                .formatted(SINCE.plusSeconds(5), POST, POST))));
        assertThat(provider.findComment(TOKEN, REQUEST, SINCE))
                .as("the name live answers have used")
                .hasValueSatisfying(found -> assertThat(found.id()).isEqualTo("1900000000000000005"));
        x.stubFor(get(urlPathEqualTo(TIMELINE))
                .willReturn(okJson(
                        """
                        {"data":[{"id":"1900000000000000006","text":"#pizza #krusty https://t.co/AbC",
                           "created_at":"%s","conversation_id":"%s"}],"meta":{"result_count":1}}"""
                                .formatted(SINCE.plusSeconds(5), POST))));
        assertThat(provider.findComment(TOKEN, REQUEST, SINCE))
                .hasValueSatisfying(found -> assertThat(found.id()).isEqualTo("1900000000000000006"));
        x.stubFor(get(urlPathEqualTo(TIMELINE))
                .willReturn(okJson(
                        """
                        {"data":[{"id":"1900000000000000007","text":"#pizza #krusty https://t.co/AbC",
                           "created_at":"%s"}],"meta":{"result_count":1}}"""
                                .formatted(SINCE.plusSeconds(5)))));
        XPublishTests.assertKind(
                () -> provider.findComment(TOKEN, REQUEST, SINCE), Kind.UNKNOWN_OUTCOME, "cannot tell");
    }

    @Test
    void noMatchingReplyInTheWholeTimelineProvesAbsenceAndTooLongATimelineCannotTell() {
        x.me("krusty");
        x.stubFor(get(urlPathEqualTo(TIMELINE))
                .willReturn(okJson(
                        """
                        {"data":[{"id":"1900000000000000009","text":"Something else","created_at":"%s",
                           "referenced_tweets":[{"type":"replied_to","id":"%s"}]}],"meta":{"result_count":1}}"""
                                .formatted(SINCE.plusSeconds(5), POST))));
        assertThat(provider.findComment(TOKEN, REQUEST, SINCE)).isEmpty();

        x.stubFor(get(urlPathEqualTo(TIMELINE))
                .willReturn(okJson(
                        """
                        {"data":[{"id":"1900000000000000009","text":"Something else","created_at":"%s"}],
                         "meta":{"result_count":1,"next_token":"7140dibdnow9c7btw4"}}"""
                                .formatted(SINCE.plusSeconds(5)))));
        XPublishTests.assertKind(
                () -> provider.findComment(TOKEN, REQUEST, SINCE), Kind.UNKNOWN_OUTCOME, "whether X has this reply");
        x.stubFor(get(urlPathEqualTo(TIMELINE)).willReturn(XStandIn.json(503, "{\"title\":\"Service Unavailable\"}")));
        XPublishTests.assertKind(() -> provider.findComment(TOKEN, REQUEST, SINCE), Kind.TRANSIENT, "recent replies");
    }

    @Test
    void readsAPostsIdFromItsAddressOnXOrTwitterOnly() {
        assertThat(provider.postIdAt(URI.create("https://x.com/krusty/status/1445880548472328192")))
                .contains("1445880548472328192");
        assertThat(provider.postIdAt(URI.create("https://twitter.com/Krusty/status/1445880548472328192/?s=20")))
                .as("twitter.com, a trailing slash and a query")
                .contains("1445880548472328192");
        assertThat(provider.postIdAt(
                        URI.create("https://mobile.twitter.com/krusty/status/1445880548472328192/photo/1")))
                .contains("1445880548472328192");
        assertThat(provider.postIdAt(URI.create("https://x.com/i/web/status/1445880548472328192")))
                .contains("1445880548472328192");
        assertThat(provider.postIdAt(URI.create("https://x.com/krusty"))).isEmpty();
        assertThat(provider.postIdAt(URI.create("https://x.com/krusty/status/abc")))
                .isEmpty();
        assertThat(provider.postIdAt(URI.create("https://x.com.evil.example/krusty/status/1445880548472328192")))
                .as("another host")
                .isEmpty();
        assertThat(provider.postIdAt(URI.create("https://nitter.net/krusty/status/1445880548472328192")))
                .isEmpty();
    }
}
