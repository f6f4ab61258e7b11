package herald.web.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/**
 * Short links in Chromium: an owner turns them on in the settings, publishes a post with a link to a Sandbox account
 * through the composer, finds the post's short link on its page, follows it as a reader would, and sees the click
 * counted.
 */
class ShortLinksBrowserTest extends DispatchingBrowserTest {

    @Test
    void anOwnerTurnsShortLinksOnPublishesAPostAndSeesAReadersClickCounted() {
        UiFixtures.Team team = fixtures.team();
        Page page = person();
        signIn(page, team.owner().email());

        page.navigate(team.path() + "/settings");
        button(page, "Shorten links and count clicks").click();
        assertThat(page.locator(".flash.success")).containsText("Short links on");
        assertThat(page.locator("[data-test=short-links-on]")).isVisible();

        String handle = ConnectionsBrowserTest.connectSandbox(page, team, "sl_");

        navLink(page, "Compose").click();
        assertThat(page.locator("[data-composer][data-ready=true]")).hasCount(1);
        page.getByLabel("Text", new Page.GetByLabelOptions().setExact(true))
                .fill("Tonight's menu: https://krusty.example.com/menu/" + handle);
        page.locator("label.account-choice", new Page.LocatorOptions().setHasText("@" + handle))
                .locator("input")
                .check();
        page.getByLabel("Publish now").check();
        button(page, "Publish").click();
        page.waitForURL("**/posts/*");

        var card = page.locator("[data-test=link-clicks]");
        long deadline = System.currentTimeMillis() + 60_000;
        while (card.locator("[data-link]").count() == 0 && System.currentTimeMillis() < deadline) {
            page.waitForTimeout(1_000);
            page.reload();
        }
        var link = card.locator("[data-link] a");
        assertThat(link).hasCount(1);
        assertThat(link).hasText(java.util.regex.Pattern.compile("^http://localhost:" + PORT + "/l/[0-9A-Za-z]{10}$"));
        assertThat(card.locator("[data-link]")).containsText("https://krusty.example.com/menu/" + handle);
        assertThat(card.locator("[data-test=link-clicks-count]")).hasText("0");

        // A reader follows it: a new tab, sent on to the menu (which this machine cannot reach: only the click
        // matters).
        Page reader = page.waitForPopup(link::click);
        reader.close();
        long counted = System.currentTimeMillis() + 15_000;
        while (!"1".equals(card.locator("[data-test=link-clicks-count]").textContent())
                && System.currentTimeMillis() < counted) {
            page.waitForTimeout(500);
            page.reload();
        }
        assertThat(card.locator("[data-test=link-clicks-count]")).hasText("1");
        assertThat(card.locator("[data-test=link-clicks-total]")).hasText("1 click");
        String post = page.url();

        // The link-in-bio page, put up in the settings: the post is a tile, and a reader's tap on it counts too.
        page.navigate(team.path() + "/settings");
        button(page, "Put up the link-in-bio page").click();
        assertThat(page.locator(".flash.success")).containsText("Link-in-bio page up at");
        Page bio = person(390, 844);
        bio.navigate("/bio/" + team.workspace().slug());
        var tile = bio.locator("[data-test=bio-tile]");
        assertThat(tile).hasCount(1);
        assertThat(tile).hasText("Tonight's menu:");
        // In the same tab, as a reader taps it; where it leads is beyond this machine's reach.
        tile.click(new com.microsoft.playwright.Locator.ClickOptions().setNoWaitAfter(true));
        page.navigate(post);
        long tapped = System.currentTimeMillis() + 15_000;
        while (!"2 clicks".equals(card.locator("[data-test=link-clicks-total]").textContent())
                && System.currentTimeMillis() < tapped) {
            page.waitForTimeout(500);
            page.reload();
        }
        assertThat(card.locator("[data-test=link-clicks-total]")).hasText("2 clicks");
        assertThat(card.locator("[data-link]")).hasCount(2);
        assertThat(card).containsText("(link in bio)");
        assertThat(browserErrors).isEmpty();
    }
}
