package herald.providers.mastodon;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static herald.providers.WireMockPlatform.NOW;
import static herald.providers.mastodon.MastodonStub.STATUSES;
import static herald.providers.mastodon.MastodonStub.TIMELINE;
import static herald.providers.mastodon.MastodonStub.assertKind;
import static herald.providers.mastodon.MastodonStub.status;
import static herald.providers.mastodon.MastodonStub.token;
import static org.assertj.core.api.Assertions.assertThat;

import herald.providers.CommentRequest;
import herald.providers.ProviderException.Kind;
import herald.providers.PublishJournal;
import herald.providers.PublishRequest;
import herald.providers.PublishedComment;
import herald.providers.WireMockPlatform;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Whether a status went out, read from the account's latest statuses: their {@code content} is HTML, compared as text
 * with what Herald sent; and comments, replies to the account's own post.
 */
class MastodonReconciliationTests {

    static final URI LINK = URI.create("https://example.com/launch");
    /** How Mastodon renders "Launch with @bob@other.social #news" and its link, in two paragraphs. */
    static final String LAUNCH_HTML = "<p>Launch with <span class='h-card'><a href='https://other.social/@bob'"
            + " class='u-url mention'>@<span>bob</span></a></span> <a href='https://localhost/tags/news'"
            + " class='mention hashtag' rel='tag'>#<span>news</span></a></p><p><a href='https://example.com/launch'"
            + " rel='nofollow noopener' target='_blank'><span class='invisible'>https://</span><span class=''>"
            + "example.com/launch</span><span class='invisible'></span></a></p>";

    @RegisterExtension
    static final WireMockPlatform wiremock = new WireMockPlatform();

    MastodonProvider provider;

    @BeforeEach
    void createProvider() {
        provider = MastodonStub.provider(wiremock, new MastodonStub.Clients());
        MastodonStub.verifies(wiremock);
    }

    @Test
    void findsTheStatusWithTheSameTextMediaAndParentSinceTheAttemptBegan() {
        lists(
                status("1", NOW, LAUNCH_HTML, "900", 1),
                status("2", NOW, LAUNCH_HTML, null, 0),
                status("3", NOW.plusSeconds(1), LAUNCH_HTML, null, 1),
                status("4", NOW.minusSeconds(60), LAUNCH_HTML, null, 1));
        var media = List.of(PublishRequest.Media.image(URI.create("https://herald.test/a.png"), "image/png", 3));
        var request = new PublishRequest("ada", "Launch with @bob@other.social #news", LINK, media, null);

        assertThat(provider.findExisting(token(wiremock), request, NOW, PublishJournal.inMemory()))
                .hasValueSatisfying(found -> {
                    assertThat(found.id()).isEqualTo("3");
                    assertThat(found.url()).isEqualTo(URI.create("https://localhost/@ada/3"));
                    assertThat(found.createdAt()).isEqualTo(NOW.plusSeconds(1));
                });
        assertThat(provider.findExisting(
                        token(wiremock),
                        new PublishRequest("ada", "Launch with @bob@other.social #news", LINK, media, "900"),
                        NOW))
                .hasValueSatisfying(found -> assertThat(found.id()).isEqualTo("1"));
        assertThat(provider.findExisting(token(wiremock), request, NOW.plusSeconds(10)))
                .as("all of them older than the attempt")
                .isEmpty();
        assertThat(provider.findExisting(
                        token(wiremock), new PublishRequest("ada", "Launch with @bob #news", null, media, null), NOW))
                .as("another text")
                .isEmpty();
        wiremock.verify(getRequestedFor(urlPathEqualTo(TIMELINE))
                .withQueryParam("limit", equalTo("40"))
                .withQueryParam("max_id", absent())
                .withHeader("Authorization", equalTo("Bearer " + MastodonStub.ACCESS)));
    }

    @Test
    void aFullPageOfNewerStatusesIsFollowedByTheNextPage() {
        List<String> page = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            page.add(status(String.valueOf(2000 - i), NOW.plusSeconds(60), "<p>Other</p>", null, 0));
        }
        wiremock.stubFor(get(urlPathEqualTo(TIMELINE))
                .withQueryParam("max_id", absent())
                .willReturn(okJson("[" + String.join(",", page) + "]")));
        wiremock.stubFor(get(urlPathEqualTo(TIMELINE))
                .withQueryParam("max_id", equalTo("1961"))
                .willReturn(okJson("[" + status("1500", NOW.plusSeconds(1), "<p>Hello</p>", null, 0) + "]")));

        assertThat(provider.findExisting(token(wiremock), new PublishRequest("ada", "Hello", null), NOW))
                .hasValueSatisfying(found -> assertThat(found.id()).isEqualTo("1500"));
    }

    @Test
    void anAccountThatCannotBeListedCannotTell() {
        wiremock.stubFor(get(urlPathEqualTo(TIMELINE)).willReturn(MastodonStub.error(503, "Unavailable")));
        assertKind(
                () -> provider.findExisting(token(wiremock), new PublishRequest("ada", "Hello", null), NOW),
                Kind.TRANSIENT,
                "HTTP 503");
    }

    @Test
    void aCommentIsAReplyToThePostWithAKeyMadeFromThePostAndItsText() {
        wiremock.stubFor(post(STATUSES).willReturn(okJson(status("1200", NOW, "<p>#launch #news</p>", "1100", 0))));
        var request = new CommentRequest("ada", "1100", "#launch #news");

        PublishedComment comment = provider.comment(token(wiremock), request);
        provider.comment(token(wiremock), request);

        assertThat(comment.id()).isEqualTo("1200");
        assertThat(comment.url()).isEqualTo(URI.create("https://localhost/@ada/1200"));
        wiremock.verify(
                2,
                postRequestedFor(urlPathEqualTo(STATUSES))
                        .withRequestBody(
                                equalToJson(
                                        "{\"status\":\"#launch #news\",\"in_reply_to_id\":\"1100\",\"visibility\":\"public\"}")));
        List<String> keys = wiremock.findAll(postRequestedFor(urlPathEqualTo(STATUSES))).stream()
                .map(sent -> sent.getHeader("Idempotency-Key"))
                .toList();
        assertThat(keys).hasSize(2).doesNotContainNull();
        assertThat(keys.get(0)).isEqualTo(keys.get(1)).doesNotContain("launch");
    }

    @Test
    void findsTheCommentAmongTheRepliesToThePost() {
        lists(status("7", NOW, "<p>#launch #news</p>", "1099", 0), status("8", NOW, "<p>#launch #news</p>", "1100", 0));

        assertThat(provider.findComment(token(wiremock), new CommentRequest("ada", "1100", "#launch  #news"), NOW))
                .hasValueSatisfying(found -> assertThat(found.id()).isEqualTo("8"));
        assertThat(provider.findComment(token(wiremock), new CommentRequest("ada", "1101", "#launch #news"), NOW))
                .isEmpty();
    }

    private void lists(String... statuses) {
        wiremock.stubFor(get(urlPathEqualTo(TIMELINE)).willReturn(okJson("[" + String.join(",", statuses) + "]")));
    }
}
