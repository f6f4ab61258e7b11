package herald.providers.sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static herald.providers.WireMockPlatform.NOW;
import static herald.providers.sandbox.SandboxProviderContractTests.assertKind;
import static org.assertj.core.api.Assertions.assertThat;

import herald.providers.CommentRequest;
import herald.providers.ProviderException.Kind;
import herald.providers.WireMockPlatform;
import herald.vault.Secret;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

/** The Sandbox's comment answers the running Sandbox does not give on demand: unreadable, and a list too long. */
class SandboxCommentAnswersTests {

    static final CommentRequest REQUEST = new CommentRequest("krusty", "p-1", "#pizza");

    @RegisterExtension
    static final WireMockPlatform wiremock = new WireMockPlatform();

    SandboxProvider provider;

    @BeforeEach
    void createProvider() {
        provider = new SandboxProvider(
                new SandboxClientSettings(
                        URI.create(wiremock.baseUrl() + "/sandbox"),
                        "herald",
                        "s3cret",
                        Duration.ofSeconds(2),
                        Duration.ofMillis(1500),
                        Duration.ofDays(1)),
                JsonMapper.builder().build(),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aCommentTakenWithoutAReadableIdIsAnUnknownOutcome() {
        wiremock.stubFor(post("/sandbox/api/posts/p-1/comments")
                .willReturn(aResponse().withStatus(201).withBody("{\"id\":")));
        assertKind(() -> provider.comment(Secret.of("at"), REQUEST), Kind.UNKNOWN_OUTCOME, "readable id");
    }

    @Test
    void aFullListOfNewerCommentsCannotTell() {
        String hundred = IntStream.range(0, 100)
                .mapToObj(i -> "{\"id\":\"c-%d\",\"accountHandle\":\"fan\",\"text\":\"Nice\",\"createdAt\":\"%s\"}"
                        .formatted(i, NOW))
                .collect(Collectors.joining(","));
        wiremock.stubFor(get(urlEqualTo("/sandbox/api/posts/p-1/comments?limit=100"))
                .willReturn(okJson("{\"data\":[" + hundred + "]}")));
        assertKind(
                () -> provider.findComment(Secret.of("at"), REQUEST, NOW.minusSeconds(60)),
                Kind.UNKNOWN_OUTCOME,
                "cannot tell");
    }

    @Test
    void aListedCommentWithoutItsTimeIsTheSandboxFailingAndAnyOther404IsNotAGonePost() {
        wiremock.stubFor(get(urlEqualTo("/sandbox/api/posts/p-1/comments?limit=20"))
                .willReturn(okJson("{\"data\":[{\"id\":\"c-1\",\"authorName\":\"Ada\",\"text\":\"Hi\"}]}")));
        wiremock.stubFor(get(urlEqualTo("/sandbox/api/posts/p-2/comments?limit=20"))
                .willReturn(aResponse().withStatus(404).withBody("<html>Not Found</html>")));

        assertKind(() -> provider.comments(Secret.of("at"), "krusty", "p-1", 20), Kind.TRANSIENT, "try again");
        assertKind(() -> provider.comments(Secret.of("at"), "krusty", "p-2", 20), Kind.PERMISSION, "HTTP 404");
    }

    @Test
    void asksForAtMostAHundredComments() {
        wiremock.stubFor(get(urlEqualTo("/sandbox/api/posts/p-1/comments?limit=100"))
                .willReturn(okJson("{\"data\":[{\"id\":\"c-1\",\"postId\":\"p-1\",\"accountHandle\":null,"
                        + "\"authorName\":\"Ada\",\"text\":\"Hi\",\"createdAt\":\"%s\",\"url\":null,".formatted(NOW)
                        + "\"replyTo\":null}]}")));

        var received = provider.comments(Secret.of("at"), "krusty", "p-1", 500);

        assertThat(received).hasSize(1);
        assertThat(received.getFirst().url()).isNull();
        assertThat(received.getFirst().authorHandle()).isEqualTo("visitor:ada");
    }

    @Test
    void aVisitorsHandleIsMadeFromTheirNameAlone() {
        assertThat(SandboxComments.visitorHandle("Ada Lovelace")).isEqualTo("visitor:adalovelace");
        assertThat(SandboxComments.visitorHandle("ada-lovelace!")).isEqualTo("visitor:adalovelace");
        assertThat(SandboxComments.visitorHandle("Zoë O'Brien 2")).isEqualTo("visitor:zoëobrien2");
        assertThat(SandboxComments.visitorHandle("😀"))
                .isEqualTo(SandboxComments.visitorHandle("😀"))
                .isNotEqualTo(SandboxComments.visitorHandle("🙃"))
                .matches("visitor:[0-9a-f]{8}");
    }

    @Test
    void readsAPostsIdFromTheAddressTheSandboxGivesItOnTheSandboxOnly() {
        String id = "6f1c1a52-8f0e-4c1e-9a57-3b0f1f4b2c11";
        String feed = wiremock.baseUrl() + "/sandbox/@krusty";
        assertThat(provider.postIdAt(URI.create(feed + "#post-" + id))).contains(id);
        assertThat(provider.postIdAt(URI.create(feed + "/?from=share#post-" + id)))
                .as("a trailing slash and a query")
                .contains(id);
        assertThat(provider.postIdAt(URI.create(feed + "#comment-" + id))).isEmpty();
        assertThat(provider.postIdAt(URI.create(feed))).isEmpty();
        assertThat(provider.postIdAt(URI.create("https://sandbox.example/sandbox/@krusty#post-" + id)))
                .as("another host")
                .isEmpty();
        assertThat(provider.postIdAt(URI.create(feed.replace("localhost", "127.0.0.2") + "#post-" + id)))
                .isEmpty();
        assertThat(provider.postIdAt(URI.create(wiremock.baseUrl() + "/elsewhere/@krusty#post-" + id)))
                .isEmpty();
    }
}
