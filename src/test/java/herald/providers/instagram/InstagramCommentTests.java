package herald.providers.instagram;

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
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The account's comment under its own Instagram media: written on the comments edge, found again by username. */
class InstagramCommentTests {

    static final Instant SINCE = NOW.minusSeconds(60);
    static final Secret TOKEN = Secret.of("page-token-1");
    static final CommentRequest REQUEST = new CommentRequest("krusty.burger", "17895695668004550", "#pizza #krusty");

    @RegisterExtension
    static final WireMockPlatform wiremock = new WireMockPlatform();

    InstagramProvider provider;

    @BeforeEach
    void createProvider() {
        provider = InstagramProviderContractTests.provider(wiremock, new MutableClock(NOW), Duration.ofSeconds(2), 30);
    }

    @Test
    void commentsOnTheMediaWithTheMessage() {
        wiremock.stubFor(
                post(graph("17895695668004550/comments")).willReturn(okJson("{\"id\":\"17870913679156914\"}")));

        PublishedComment comment = provider.comment(TOKEN, REQUEST);

        assertThat(provider.takesComments()).isTrue();
        assertThat(provider.commentMaxLength()).isEqualTo(2_200);
        assertThat(comment).isEqualTo(new PublishedComment("17870913679156914", null));
        wiremock.verify(postRequestedFor(urlPathEqualTo(graph("17895695668004550/comments")))
                .withRequestBody(containing("message=%23pizza+%23krusty"))
                .withRequestBody(containing("access_token=page-token-1")));
    }

    @Test
    void refusalsAreHeraldsKindsAndACommentWithoutAnswerIsUnknown() {
        wiremock.stubFor(post(graph("17895695668004550/comments"))
                .willReturn(graphError(403, 10, 0, "(#10) Application does not have permission for this action")));
        InstagramProviderTests.assertKind(() -> provider.comment(TOKEN, REQUEST), Kind.PERMISSION, "permission");
        wiremock.stubFor(post(graph("17895695668004550/comments"))
                .willReturn(graphError(4, 0, "Application request limit reached")));
        InstagramProviderTests.assertKind(() -> provider.comment(TOKEN, REQUEST), Kind.RATE_LIMITED, "limit");
        wiremock.stubFor(post(graph("17895695668004550/comments"))
                .willReturn(okJson("{\"id\":\"1\"}").withFixedDelay(4_000)));
        InstagramProviderTests.assertKind(
                () -> provider.comment(TOKEN, REQUEST), Kind.UNKNOWN_OUTCOME, "may have been published");
    }

    @Test
    void findsTheAccountsCommentOnAnyPageAndProvesAbsenceAtTheEnd() {
        wiremock.stubFor(
                get(urlPathEqualTo(graph("17895695668004550/comments")))
                        .willReturn(
                                okJson(
                                        """
                        {"data":[
                          {"id":"1","text":"#pizza #krusty","username":"a_fan","timestamp":"2026-12-01T11:59:50+0000"},
                          {"id":"2","text":"#pizza #krusty","username":"krusty.burger","timestamp":"2026-11-01T11:00:00+0000"}],
                         "paging":{"cursors":{"after":"c2"},"next":"https://graph.facebook.com/next"}}""")));
        wiremock.stubFor(
                get(urlPathEqualTo(graph("17895695668004550/comments")))
                        .withQueryParam("after", equalTo("c2"))
                        .willReturn(
                                okJson(
                                        """
                        {"data":[{"id":"3","text":"#pizza #krusty","username":"krusty.burger",
                                  "timestamp":"2026-12-01T11:59:40+0000"}],"paging":{"cursors":{"after":"c3"}}}""")));

        assertThat(provider.findComment(TOKEN, REQUEST, SINCE)).contains(new PublishedComment("3", null));
        wiremock.verify(getRequestedFor(urlPathEqualTo(graph("17895695668004550/comments")))
                .withQueryParam("fields", equalTo("id,text,username,timestamp"))
                .withQueryParam("access_token", equalTo("page-token-1")));
        assertThat(provider.findComment(
                        TOKEN, new CommentRequest("krusty.burger", "17895695668004550", "Other"), SINCE))
                .isEmpty();
    }

    @Test
    void aPermalinksShortcodeIsNotTheMediaIdSoNoAddressTellsIt() {
        assertThat(provider.postIdAt(java.net.URI.create("https://www.instagram.com/p/C0ffee123/")))
                .isEmpty();
        assertThat(provider.postIdAt(java.net.URI.create("https://www.instagram.com/reel/C0ffee123/?igsh=abc")))
                .isEmpty();
    }
}
