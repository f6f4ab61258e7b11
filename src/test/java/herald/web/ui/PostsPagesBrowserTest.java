package herald.web.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import herald.publishing.Posts;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The composer, calendar and posts pages at desktop and phone width: one {@code h1}, a label for every control, no
 * sideways scrolling, live counters that warn before the server has to, and no script or CSP errors. Screenshots go
 * to {@code target/playwright-screenshots/tour}.
 */
class PostsPagesBrowserTest extends BrowserTest {

    static final Path TOUR = ScreenshotOnFailure.FOLDER.resolve("tour");

    @Autowired
    UiFixtures fixtures;

    @Autowired
    Posts posts;

    @Test
    void composerCalendarAndPostsAreLabelledAndFitDesktopAndPhone() {
        var team = fixtures.team();
        var krusty = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, team.workspace().id(), "krusty");
        var post = PostsFixtures.scheduled(posts, team.workspace().id(), krusty, "Tour pizza", "2099-05-14T10:00");
        String w = team.path();

        for (var size : List.of(new int[] {1280, 900}, new int[] {390, 844})) {
            String device = size[0] > 800 ? "desktop" : "phone";
            Page page = person(size[0], size[1]);
            page.navigate("/sign-in");
            page.getByLabel("Email").fill(team.owner().email());
            page.getByLabel("Password").fill(UiFixtures.PASSWORD);
            button(page, "Sign in").click();
            page.waitForURL("**/w/**");

            visit(page, w + "/compose", "compose-" + device);
            assertThat(page.locator("[data-composer][data-ready=true]")).hasCount(1);
            page.locator("label.account-choice").first().locator("input").check();
            page.getByLabel("Text", new Page.GetByLabelOptions().setExact(true)).fill("x".repeat(501));
            assertThat(page.locator("[data-counters] li.over")).containsText("501 / 500 — 1 character too long");
            button(page, "Publish").click();
            assertThat(page.locator("[data-test=target-errors]")).containsText("501 of 500 characters");
            check(page, "compose-errors-" + device);

            visit(page, w + "/calendar?date=2099-05-01", "calendar-month-" + device);
            assertThat(page.locator("[data-entry]")).containsText("Tour pizza");
            visit(page, w + "/calendar?view=week&date=2099-05-14", "calendar-week-" + device);
            visit(page, w + "/posts", "posts-" + device);
            visit(page, w + "/posts/" + post.id(), "post-" + device);
        }
        assertThat(browserErrors).isEmpty();
    }

    private void visit(Page page, String path, String name) {
        page.navigate(path);
        check(page, name);
    }

    private void check(Page page, String name) {
        page.waitForLoadState(LoadState.NETWORKIDLE);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(TOUR.resolve(name + ".png"))
                .setFullPage(true));
        assertThat(page.locator("main h1")).hasCount(1);
        Object unlabelled = page.evaluate(
                """
                () => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
                  .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label'))
                  .map(el => el.id || el.name)""");
        assertThat((List<?>) unlabelled)
                .as("form controls without a label on " + name)
                .isEmpty();
        Object overflowing = page.evaluate(
                """
                () => document.documentElement.scrollWidth <= window.innerWidth ? [] :
                  [...document.querySelectorAll('body *')]
                    .filter(el => el.getBoundingClientRect().right > window.innerWidth + 1)
                    .map(el => el.tagName.toLowerCase() + (el.className ? '.' + el.className : '') + ' ' + Math.round(el.getBoundingClientRect().right))
                    .slice(0, 12)""");
        assertThat((List<?>) overflowing)
                .as("elements wider than the window on " + name)
                .isEmpty();
    }
}
