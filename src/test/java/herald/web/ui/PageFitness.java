package herald.web.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import java.nio.file.Path;
import java.util.List;

/**
 * What every page must be at any width, checked in Chromium after it settles: one {@code h1}, no table scrolling
 * sideways (tables stack on a phone), a label for every form control, no checkbox squeezed by the text beside it, and
 * nothing wider than the window. The page is
 * saved as {@code <name>.png} in the tour folder, for people to look at.
 */
final class PageFitness {

    static final Path TOUR = ScreenshotOnFailure.FOLDER.resolve("tour");

    private PageFitness() {}

    static void check(Page page, String name) {
        page.waitForLoadState(LoadState.NETWORKIDLE);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(TOUR.resolve(name + ".png"))
                .setFullPage(true));
        assertThat(page.locator("main h1")).hasCount(1);
        Object sideways = page.evaluate(
                "() => [...document.querySelectorAll('.table-wrap')].filter(el => el.scrollWidth > el.clientWidth + 1)"
                        + ".map(el => el.querySelector('table')?.className)");
        assertThat((List<?>) sideways)
                .as("tables scrolling sideways on " + name)
                .isEmpty();
        Object unlabelled = page.evaluate(
                """
                () => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
                  .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-label'))
                  .map(el => el.id || el.name)""");
        assertThat((List<?>) unlabelled)
                .as("form controls without a label on " + name)
                .isEmpty();
        Object squeezed = page.evaluate(
                """
                () => [...document.querySelectorAll('.choice input')]
                  .filter(el => el.getBoundingClientRect().width < 15)
                  .map(el => (el.name || el.id) + ' ' + Math.round(el.getBoundingClientRect().width))""");
        assertThat((List<?>) squeezed)
                .as("checkboxes squeezed by their card's long text on " + name)
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
