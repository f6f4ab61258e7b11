package herald.web.ui;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import herald.providers.WireMockPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** The composer previews a post's link as its page's card, once the person has typed it. */
class LinkCardBrowserTest extends BrowserTest {

    @RegisterExtension
    static final WireMockPlatform pages = new WireMockPlatform();

    @Autowired
    UiFixtures fixtures;

    @Test
    void theLinksPreviewShowsTheTitleAndDescriptionItsPageNames() {
        pages.stubFor(get(urlPathEqualTo("/menu"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/html")
                        .withBody("<html><head><meta property=\"og:title\" content=\"Today at Krusty's\">"
                                + "<meta property=\"og:description\" content=\"Three pizzas and a calzone\">"
                                + "<meta property=\"og:site_name\" content=\"Krusty Pizza\"></head></html>")));
        var team = fixtures.team();
        PostsFixtures.account(fixtures.tenants, fixtures.jdbc, team.workspace().id(), "krusty");
        Page page = person();
        signIn(page, team.owner().email());

        page.navigate(team.path() + "/compose");
        assertThat(page.locator("[data-composer][data-ready=true]")).hasCount(1);
        page.locator("label.account-choice").first().locator("input").check();
        page.getByLabel("Text", new Page.GetByLabelOptions().setExact(true)).fill("Tonight");
        String link = "http://localhost:" + pages.port() + "/menu";
        page.locator("[data-link]").fill(link);

        Locator card = page.locator("[data-preview] .preview-link[data-card=true]");
        assertThat(card.locator(".preview-card-title")).hasText("Today at Krusty's");
        assertThat(card.locator(".preview-card-description")).hasText("Three pizzas and a calzone");
        assertThat(card.locator("strong")).hasText("Krusty Pizza");
        assertThat(card.locator("span")).hasText(link);
        org.assertj.core.api.Assertions.assertThat(browserErrors).isEmpty();
    }
}
