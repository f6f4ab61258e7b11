package herald.providers.linkedin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static herald.providers.WireMockPlatform.NOW;
import static herald.providers.linkedin.LinkedInProviderTests.assertKind;
import static herald.providers.linkedin.LinkedInProviderTests.json;
import static org.assertj.core.api.Assertions.assertThat;

import herald.providers.CommentRequest;
import herald.providers.ProviderException.Kind;
import herald.providers.PublishedComment;
import herald.providers.WireMockPlatform;
import herald.vault.Secret;
import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Comments under the author's own posts through the Comments API, against a WireMock LinkedIn. */
class LinkedInCommentTests {

    static final Secret TOKEN = Secret.of("member-at");
    static final String POST = "urn:li:share:7045020441609936898";
    static final String COMMENTS = "/rest/socialActions/urn%3Ali%3Ashare%3A7045020441609936898/comments";
    static final String COMMENT = "urn:li:comment:(urn:li:activity:7045020441609936898,7045021000000000000)";
    static final String TEXT = "More (soon) @team #launch a_b";
    static final CommentRequest REQUEST = new CommentRequest("782bbtaQ", POST, TEXT);
    static final Instant SINCE = NOW.minusSeconds(60);

    @RegisterExtension
    static final WireMockPlatform wiremock = new WireMockPlatform();

    LinkedInProvider provider;

    @BeforeEach
    void createProvider() {
        provider = LinkedInStub.provider(wiremock, "https://www.linkedin.com/feed/update/{urn}");
    }

    @Test
    void commentsAsTheMemberWithTheVersionHeadersAndTheTextAsWritten() {
        wiremock.stubFor(post(urlEqualTo(COMMENTS))
                .willReturn(json(201, comment(COMMENT, "urn:li:person:782bbtaQ", TEXT, NOW))
                        .withHeader("x-restli-id", "7045021000000000000")));

        PublishedComment comment = provider.comment(TOKEN, REQUEST);

        assertThat(provider.takesComments()).isTrue();
        assertThat(provider.commentMaxLength()).isEqualTo(1_250);
        assertThat(comment.id()).isEqualTo(COMMENT);
        assertThat(comment.url())
                .isEqualTo(
                        URI.create(
                                "https://www.linkedin.com/feed/update/" + POST + "?commentUrn="
                                        + "urn%3Ali%3Acomment%3A%28urn%3Ali%3Aactivity%3A7045020441609936898%2C7045021000000000000%29"));
        wiremock.verify(
                postRequestedFor(urlEqualTo(COMMENTS))
                        .withHeader("Authorization", equalTo("Bearer member-at"))
                        .withHeader("LinkedIn-Version", equalTo(LinkedInStub.VERSION))
                        .withHeader("X-Restli-Protocol-Version", equalTo("2.0.0"))
                        .withRequestBody(
                                equalToJson(
                                        """
                        {"actor":"urn:li:person:782bbtaQ","object":"urn:li:share:7045020441609936898",
                         "message":{"text":"More (soon) @team #launch a_b"}}""")));
    }

    @Test
    void aPageCommentsAsTheOrganizationItsVanityNameNames() {
        wiremock.stubFor(get(urlEqualTo("/rest/organizations?q=vanityName&vanityName=krusty-krab"))
                .willReturn(okJson("{\"elements\":[{\"id\":2414183,\"vanityName\":\"krusty-krab\"}]}")));
        wiremock.stubFor(post(urlEqualTo(COMMENTS))
                .willReturn(aResponse().withStatus(201).withHeader("x-restli-id", COMMENT)));

        PublishedComment comment = provider.comment(TOKEN, new CommentRequest("company/krusty-krab", POST, "Hi"));

        assertThat(comment.id())
                .as("from the header when the body says nothing")
                .isEqualTo(COMMENT);
        wiremock.verify(
                postRequestedFor(urlEqualTo(COMMENTS))
                        .withRequestBody(
                                equalToJson(
                                        """
                        {"actor":"urn:li:organization:2414183","object":"urn:li:share:7045020441609936898",
                         "message":{"text":"Hi"}}""")));
    }

    @Test
    void refusalsAreHeraldsKindsAndACommentWithoutAnswerIsUnknown() {
        wiremock.stubFor(post(urlEqualTo(COMMENTS))
                .willReturn(json(
                        403,
                        "{\"message\":\"Not enough permissions to access: socialActions.comments.CREATE\","
                                + "\"status\":403}")));
        assertKind(() -> provider.comment(TOKEN, REQUEST), Kind.PERMISSION, "w_member_social");
        wiremock.stubFor(post(urlEqualTo(COMMENTS)).willReturn(json(401, "{\"status\":401}")));
        assertKind(() -> provider.comment(TOKEN, REQUEST), Kind.AUTH_EXPIRED, "the token for the comment");
        wiremock.stubFor(post(urlEqualTo(COMMENTS))
                .willReturn(json(429, "{\"status\":429}").withHeader("Retry-After", "120")));
        assertKind(() -> provider.comment(TOKEN, REQUEST), Kind.RATE_LIMITED, "midnight UTC");
        wiremock.stubFor(post(urlEqualTo(COMMENTS)).willReturn(aResponse().withStatus(201)));
        assertKind(() -> provider.comment(TOKEN, REQUEST), Kind.UNKNOWN_OUTCOME, "without naming it");
        wiremock.stubFor(post(urlEqualTo(COMMENTS))
                .willReturn(aResponse().withStatus(201).withFixedDelay(LinkedInStub.STALL)));
        var impatient = LinkedInStub.impatient(wiremock, "https://www.linkedin.com/feed/update/{urn}");
        assertKind(() -> impatient.comment(TOKEN, REQUEST), Kind.UNKNOWN_OUTCOME, "checks the post's comments");
    }

    @Test
    void findsTheAuthorsCommentWithTheSameTextMadeSinceTheAttempt() {
        wiremock.stubFor(get(urlPathEqualTo(COMMENTS))
                .willReturn(okJson("{\"elements\":["
                        + comment(COMMENT + "1", "urn:li:person:someoneElse", TEXT, SINCE.plusSeconds(30)) + ","
                        + comment(COMMENT + "2", "urn:li:person:782bbtaQ", TEXT, SINCE.minusSeconds(600)) + ","
                        + comment(COMMENT, "urn:li:person:782bbtaQ", TEXT, SINCE.plusSeconds(10))
                        + "],\"paging\":{\"start\":0,\"count\":100,\"total\":3}}")));

        var found = provider.findComment(TOKEN, REQUEST, SINCE);

        assertThat(found).hasValueSatisfying(comment -> assertThat(comment.id()).isEqualTo(COMMENT));
        wiremock.verify(getRequestedFor(urlEqualTo(COMMENTS + "?start=0&count=100"))
                .withHeader("Authorization", equalTo("Bearer member-at"))
                .withHeader("LinkedIn-Version", equalTo(LinkedInStub.VERSION)));
        assertThat(provider.findComment(TOKEN, new CommentRequest("782bbtaQ", POST, "Other"), SINCE))
                .as("the whole list read without it")
                .isEmpty();
    }

    @Test
    void withoutTheRightToReadCommentsHeraldCannotTell() {
        wiremock.stubFor(get(urlPathEqualTo(COMMENTS))
                .willReturn(json(403, "{\"message\":\"Not enough permissions\",\"status\":403}")));
        assertKind(() -> provider.findComment(TOKEN, REQUEST, SINCE), Kind.UNKNOWN_OUTCOME, "r_member_social");
        wiremock.stubFor(get(urlPathEqualTo(COMMENTS)).willReturn(json(503, "{\"status\":503}")));
        assertKind(() -> provider.findComment(TOKEN, REQUEST, SINCE), Kind.TRANSIENT, "HTTP 503");
    }

    static String comment(String urn, String actor, String text, Instant created) {
        return """
                {"actor":"%s","commentUrn":"%s","$URN":"%s","id":"7045021000000000000",
                 "created":{"actor":"%s","time":%d},"message":{"attributes":[],"text":"%s"},
                 "object":"urn:li:share:7045020441609936898"}"""
                .formatted(actor, urn, urn, actor, created.toEpochMilli(), text);
    }

    @Test
    void readsAPostsUrnFromItsAddressForSharesAndUgcPostsOnly() {
        assertThat(provider.postIdAt(
                        URI.create("https://www.linkedin.com/feed/update/urn:li:share:7045020441609936898")))
                .contains("urn:li:share:7045020441609936898");
        assertThat(provider.postIdAt(URI.create(
                        "https://www.linkedin.com/feed/update/urn%3Ali%3AugcPost%3A7045020441609936898/?utm=x")))
                .as("encoded, with a trailing slash and a query")
                .contains("urn:li:ugcPost:7045020441609936898");
        assertThat(provider.postIdAt(
                        URI.create("https://www.linkedin.com/feed/update/urn:li:activity:7045020441609936898/")))
                .as("an activity URN is not known to take comments")
                .isEmpty();
        assertThat(provider.postIdAt(URI.create("https://www.linkedin.com/posts/krusty_pizza-activity-70450204416")))
                .isEmpty();
        assertThat(provider.postIdAt(URI.create("https://linkedin.example.com/feed/update/urn:li:share:1")))
                .isEmpty();
    }
}
