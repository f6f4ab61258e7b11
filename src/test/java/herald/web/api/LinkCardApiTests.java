package herald.web.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import herald.providers.WireMockPlatform;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A link's card over REST: the page's own title, description and image for a key that may write, read once. */
class LinkCardApiTests extends ApiTest {

    @RegisterExtension
    static final WireMockPlatform pages = new WireMockPlatform();

    @Test
    void aKeyThatMayWriteReadsALinksCard() {
        pages.stubFor(get(urlPathEqualTo("/menu"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html><head><title>Menu</title><meta name=\"description\" content=\"Today\">"
                                + "<meta property=\"og:image\" content=\"/today.jpg\"></head></html>")));
        Workspace ws = provision();
        String url = "http://localhost:" + pages.port() + "/menu";
        String path = ws.path("/link-cards?url=" + URLEncoder.encode(url, StandardCharsets.UTF_8));

        assertProblem(api.get(path, key(ws, "read")), 403, "insufficient-scope");
        var card = api.get(path, key(ws, "write"));

        assertThat(card.status()).as(card.toString()).isEqualTo(200);
        assertThat(card.json().path("url").asString()).isEqualTo(url);
        assertThat(card.json().path("title").asString()).isEqualTo("Menu");
        assertThat(card.json().path("description").asString()).isEqualTo("Today");
        assertThat(card.json().path("image").asString()).isEqualTo("http://localhost:" + pages.port() + "/today.jpg");
        assertThat(card.json().path("siteName").isNull()).isTrue();
        assertThat(api.get(path, ws.token()).status()).isEqualTo(200);
        pages.verify(1, getRequestedFor(urlPathEqualTo("/menu")));
    }

    @Test
    void aPageWithoutACardIsNoContentAndAnAddressThatIsNotAWebOneIsRefused() {
        pages.stubFor(get(urlPathEqualTo("/file.zip"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/zip")));
        Workspace ws = provision();

        var none = api.get(ws.path("/link-cards?url=http://localhost:" + pages.port() + "/file.zip"), ws.token());
        assertThat(none.status()).as(none.toString()).isEqualTo(204);
        assertProblem(api.get(ws.path("/link-cards?url=ftp://localhost/x"), ws.token()), 400, "invalid-input");
        assertProblem(api.get(ws.path("/link-cards"), ws.token()), 400, "invalid-input");
    }
}
