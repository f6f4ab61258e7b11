package herald.web.ui;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.microsoft.playwright.Page;
import herald.feeds.FeedXml;
import herald.tenancy.Role;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A member adds a blog's feed in Chromium: its items are marked as seen; after the blog publishes and the member checks
 * the feed, the new item is listed with its post, and the draft is in the posts list.
 */
class FeedsBrowserTest extends BrowserTest {

    static final WireMockServer blog = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        blog.start();
    }

    @AfterAll
    static void stop() {
        blog.stop();
    }

    @Autowired
    UiFixtures fixtures;

    @Test
    void aMemberAddsAFeedAndANewItemBecomesADraft() {
        var team = fixtures.team();
        var editor = fixtures.member(team, Role.EDITOR);
        String handle = "feed" + UUID.randomUUID().toString().substring(0, 6);
        PostsFixtures.account(fixtures.tenants, fixtures.jdbc, team.workspace().id(), handle);
        String path = "/" + UUID.randomUUID() + "/feed.xml";
        blog.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withBody(FeedXml.rss("Krusty's Blog", 2))));

        Page page = person();
        signIn(page, editor.email());
        navLink(page, "Feeds").click();
        assertThat(heading(page)).hasText("Feeds");
        assertThat(page.locator("[data-test=no-feeds]")).isVisible();

        page.getByLabel("Feed URL").fill("http://localhost:" + blog.port() + path);
        page.getByLabel("Sandbox @" + handle).check();
        page.getByLabel("Tags (optional)").fill("blog");
        button(page, "Add feed").click();

        assertThat(page.locator(".flash.success")).containsText("Feed “Krusty's Blog” added");
        assertThat(page.locator("[data-test=feed-title]")).hasText("Krusty's Blog");
        assertThat(page.locator("[data-test=feed-item]")).hasCount(2);
        assertThat(page.locator("[data-test=feed-item-post]")).hasCount(0);

        blog.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withBody(FeedXml.rss("Krusty's Blog", 3))));
        button(page, "Check now Krusty's Blog").click();

        assertThat(page.locator(".flash.success")).hasText("Checked: 1 new item, 1 posted.");
        assertThat(page.locator("[data-test=feed-item]")).hasCount(3);
        assertThat(page.locator("[data-test=feed-item-post]")).hasCount(1);
        assertThat(page.locator("[data-test=feed-item][data-outcome=posted]")).containsText("Post number 3");

        navLink(page, "Posts").click();
        assertThat(page.locator("main")).containsText("Post number 3 https://blog.example.com/posts/3");
        assertThat(browserErrors).isEmpty();
    }
}
