package herald.providers.facebook;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static herald.providers.WireMockPlatform.NOW;
import static herald.providers.meta.GraphStubs.graph;
import static herald.providers.meta.GraphStubs.graphError;
import static org.assertj.core.api.Assertions.assertThat;

import herald.MutableClock;
import herald.providers.CommentRequest;
import herald.providers.ProviderException.Kind;
import herald.providers.PublishedComment;
import herald.providers.WireMockPlatform;
import herald.vault.Secret;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A Page's comment under its own post: written as the Page, found again among the post's comments. */
class FacebookCommentTests {

    static final Instant SINCE = NOW.minusSeconds(60);
    static final Secret TOKEN = Secret.of("page-101");
    static final CommentRequest REQUEST = new CommentRequest("101", "101_9", "#pizza & more https://krusty.example");

    @RegisterExtension
    static final WireMockPlatform wiremock = new WireMockPlatform();

    FacebookProvider provider;

    @BeforeEach
    void createProvider() {
        provider = FacebookProviderContractTests.provider(
                wiremock, URI.create("https://www.facebook.com"), new MutableClock(NOW), Duration.ofSeconds(2));
    }

    @Test
    void commentsUnderThePostAsThePageWithItsToken() {
        wiremock.stubFor(post(graph("101_9/comments")).willReturn(okJson("{\"id\":\"101_9_555\"}")));

        PublishedComment comment = provider.comment(TOKEN, REQUEST);

        assertThat(provider.takesComments()).isTrue();
        assertThat(provider.commentMaxLength()).isEqualTo(8_000);
        assertThat(comment).isEqualTo(new PublishedComment("101_9_555", null));
        wiremock.verify(postRequestedFor(urlPathEqualTo(graph("101_9/comments")))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withRequestBody(containing("message=%23pizza+%26+more+https%3A%2F%2Fkrusty.example"))
                .withRequestBody(containing("access_token=page-101"))
                .withRequestBody(containing("appsecret_proof="))
                .withQueryParam("access_token", absent()));
    }

    @Test
    void refusalsAreHeraldsKindsAndACommentWithoutAnswerIsUnknown() {
        wiremock.stubFor(post(graph("101_9/comments"))
                .willReturn(graphError(403, 200, 0, "(#200) Requires pages_manage_engagement permission")));
        FacebookProviderTests.assertKind(
                () -> provider.comment(TOKEN, REQUEST), Kind.PERMISSION, "pages_manage_engagement");
        wiremock.stubFor(post(graph("101_9/comments"))
                .willReturn(graphError(401, 190, 463, "Error validating access token: Session has expired")));
        FacebookProviderTests.assertKind(() -> provider.comment(TOKEN, REQUEST), Kind.AUTH_EXPIRED, "expired");
        wiremock.stubFor(post(graph("101_9/comments")).willReturn(graphError(32, 0, "Page request limit reached")));
        FacebookProviderTests.assertKind(() -> provider.comment(TOKEN, REQUEST), Kind.RATE_LIMITED, "limit");
        wiremock.stubFor(post(graph("101_9/comments"))
                .willReturn(okJson("{\"id\":\"101_9_1\"}").withFixedDelay(4_000)));
        FacebookProviderTests.assertKind(
                () -> provider.comment(TOKEN, REQUEST), Kind.UNKNOWN_OUTCOME, "may have been published");
        wiremock.stubFor(post(graph("101_9/comments")).willReturn(okJson("{}")));
        FacebookProviderTests.assertKind(() -> provider.comment(TOKEN, REQUEST), Kind.UNKNOWN_OUTCOME, "without an id");
    }

    @Test
    void findsThePagesOwnCommentWithTheSameMessage() {
        wiremock.stubFor(
                get(urlPathEqualTo(graph("101_9/comments")))
                        .willReturn(
                                okJson(
                                        """
                        {"data":[
                          {"id":"101_9_7","message":"#pizza & more https://krusty.example","from":{"id":"900"},
                           "created_time":"2026-12-01T11:59:50+0000"},
                          {"id":"101_9_6","message":"#pizza & more https://krusty.example","from":{"id":"101"},
                           "created_time":"2026-12-01T11:59:40+0000",
                           "permalink_url":"https://www.facebook.com/101/posts/9?comment_id=6"},
                          {"id":"101_9_5","message":"Older","from":{"id":"101"},
                           "created_time":"2026-12-01T11:00:00+0000"}],
                         "paging":{"cursors":{"before":"b","after":"a"},"next":"https://graph.facebook.com/next"}}""")));

        var found = provider.findComment(TOKEN, REQUEST, SINCE);

        assertThat(found)
                .contains(new PublishedComment(
                        "101_9_6", URI.create("https://www.facebook.com/101/posts/9?comment_id=6")));
        wiremock.verify(getRequestedFor(urlPathEqualTo(graph("101_9/comments")))
                .withQueryParam("fields", equalTo("id,message,from{id},created_time,permalink_url"))
                .withQueryParam("order", equalTo("reverse_chronological"))
                .withQueryParam("filter", equalTo("toplevel"))
                .withQueryParam("access_token", equalTo("page-101")));
    }

    @Test
    void aCommentOlderThanTheAttemptProvesAbsenceAndEndlessPagesCannotTell() {
        wiremock.stubFor(
                get(urlPathEqualTo(graph("101_9/comments")))
                        .willReturn(
                                okJson(
                                        """
                        {"data":[
                          {"id":"101_9_8","message":"Someone else","from":{"id":"900"},
                           "created_time":"2026-12-01T11:59:50+0000"},
                          {"id":"101_9_5","message":"#pizza & more https://krusty.example","from":{"id":"101"},
                           "created_time":"2026-12-01T11:00:00+0000"}],
                         "paging":{"cursors":{"after":"a"},"next":"https://graph.facebook.com/next"}}""")));
        assertThat(provider.findComment(TOKEN, REQUEST, SINCE)).isEmpty();
        wiremock.verify(1, getRequestedFor(urlPathEqualTo(graph("101_9/comments"))));

        wiremock.stubFor(
                get(urlPathEqualTo(graph("101_9/comments")))
                        .willReturn(
                                okJson(
                                        """
                        {"data":[{"id":"101_9_8","message":"Someone else","from":{"id":"900"},
                           "created_time":"2026-12-01T11:59:50+0000"}],
                         "paging":{"cursors":{"after":"a"},"next":"https://graph.facebook.com/next"}}""")));
        FacebookProviderTests.assertKind(
                () -> provider.findComment(TOKEN, REQUEST, SINCE), Kind.UNKNOWN_OUTCOME, "cannot tell");
        wiremock.verify(getRequestedFor(urlPathEqualTo(graph("101_9/comments"))).withQueryParam("after", equalTo("a")));
    }

    @Test
    void readsAPostsGraphIdFromItsAddressOnlyWhenPageAndPostAreNumeric() {
        assertThat(provider.postIdAt(URI.create("https://www.facebook.com/123456789/posts/987654321")))
                .contains("123456789_987654321");
        assertThat(provider.postIdAt(URI.create("https://m.facebook.com/123456789/posts/987654321/?ref=share")))
                .as("mobile host, a trailing slash and a query")
                .contains("123456789_987654321");
        assertThat(provider.postIdAt(URI.create("https://www.facebook.com/krustyburger/posts/987654321")))
                .as("a vanity name is not the page's id")
                .isEmpty();
        assertThat(provider.postIdAt(URI.create("https://www.facebook.com/123456789/posts/pfbid02Xa1bC3dEf")))
                .as("a pfbid cannot be used for the Graph API")
                .isEmpty();
        assertThat(provider.postIdAt(URI.create("https://facebook.example.com/123456789/posts/987654321")))
                .isEmpty();
        assertThat(provider.postIdAt(URI.create("https://www.facebook.com/123456789")))
                .isEmpty();
    }
}
