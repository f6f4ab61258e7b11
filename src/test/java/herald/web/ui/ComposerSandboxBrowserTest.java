package herald.web.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

/**
 * The issue's walk in Chromium against the real Sandbox inside Herald: connect a Sandbox account through its consent
 * page, compose a post and schedule it a few seconds ahead, find it on the calendar, let the dispatcher publish it,
 * and read the Sandbox's address for it on the post's page.
 */
class ComposerSandboxBrowserTest extends DispatchingBrowserTest {

    @Test
    void composesSchedulesSeesItOnTheCalendarAndItPublishesToTheSandbox() {
        UiFixtures.Team team = fixtures.team();
        Page page = person();
        signIn(page, team.owner().email());

        String handle = ConnectionsBrowserTest.connectSandbox(page, team, "cmp_");

        navLink(page, "Compose").click();
        assertThat(page.locator("[data-composer][data-ready=true]")).hasCount(1);
        page.getByLabel("Text", new Page.GetByLabelOptions().setExact(true)).fill("Fresh from the browser, " + handle);
        page.locator("label.account-choice", new Page.LocatorOptions().setHasText("@" + handle))
                .locator("input")
                .check();
        assertThat(page.locator("[data-counters] li")).containsText("Sandbox @" + handle + ": ");
        assertThat(page.locator("[data-previews] .preview-text")).hasText("Fresh from the browser, " + handle);
        // Tagged links: the preview shows the link as the Sandbox will get it, once the server has checked the form.
        page.locator("#link").fill("https://krusty.example.com/menu#pizza");
        page.getByLabel("Tag links with UTM parameters").check();
        assertThat(page.locator("[data-previews] .preview-link span"))
                .hasText("https://krusty.example.com/menu?utm_source=sandbox&utm_medium=social#pizza");

        // The first comment shows under the preview, its link tagged as the Sandbox will get it.
        page.getByLabel("First comment (optional)").fill("#pizza #" + handle + " https://krusty.example.com/order");
        assertThat(page.locator("[data-previews] .preview-comment-text"))
                .hasText(
                        "#pizza #" + handle + " https://krusty.example.com/order?utm_source=sandbox&utm_medium=social");

        LocalDateTime at =
                LocalDateTime.now(ZoneId.of("Europe/Berlin")).plusSeconds(8).truncatedTo(ChronoUnit.SECONDS);
        page.getByLabel("At a time").check();
        // A person picks minutes; the test needs seconds, so it sets the value the way the picker would.
        page.locator("#scheduledAt")
                .evaluate(
                        "(el, v) => { el.value = v; el.dispatchEvent(new Event('input', {bubbles: true})); }",
                        at.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")));
        button(page, "Publish").click();
        page.waitForURL("**/posts/*");
        assertThat(page.locator(".flash.success")).hasText("Scheduled for 1 account.");
        String detail = page.url();

        navLink(page, "Calendar").click();
        var entry = page.locator("[data-date=\"" + at.toLocalDate() + "\"] [data-entry]");
        assertThat(entry).containsText("Fresh from the browser");
        entry.click();
        page.waitForURL(detail);

        long deadline = System.currentTimeMillis() + 60_000;
        while (!"published".equals(page.locator("main").getAttribute("data-post-status"))
                && System.currentTimeMillis() < deadline) {
            page.waitForTimeout(1_000);
            page.reload();
        }
        assertThat(page.locator("[data-test=post-status]")).hasText("Published");
        assertThat(page.locator("[data-test=platform-url]"))
                .containsText("/sandbox/", new LocatorAssertions.ContainsTextOptions().setTimeout(1_000));
        // Any node may run the job: in the full suite another cached application context, with its own public URL.
        assertThat(page.locator("[data-test=platform-url]").getAttribute("href"))
                .startsWith("http://localhost:")
                .contains("/sandbox/@" + handle);
        // The attempt log says who published it and how it ended.
        var attempt = page.locator("[data-test=attempt-log] [data-attempt]");
        assertThat(attempt).hasCount(1);
        assertThat(attempt).containsText("Attempt 1");
        assertThat(attempt).containsText("Published");
        assertThat(attempt).hasAttribute("data-outcome", "published");
        assertThat(page.locator("[data-test=edit-post]")).hasCount(0);

        // The first comment follows the post, written under it on the Sandbox by the first-comments job.
        var comment = page.locator("[data-test=target-comment]");
        long commented = System.currentTimeMillis() + 30_000;
        while (!"posted".equals(comment.getAttribute("data-comment-status"))
                && System.currentTimeMillis() < commented) {
            page.waitForTimeout(1_000);
            page.reload();
        }
        assertThat(comment.locator("[data-test=comment-status]")).hasText("Posted");
        // Shown as written, as the post's text is.
        assertThat(comment.locator("[data-test=comment-text]"))
                .hasText("#pizza #" + handle + " https://krusty.example.com/order");
        assertThat(comment.locator("[data-test=comment-url]").getAttribute("href"))
                .contains("/sandbox/@" + handle + "#comment-");

        // How it did: nothing counted in its first hour, until someone asks for the figures now.
        var figures = page.locator("[data-test=post-figures]");
        assertThat(figures).containsText("Not read yet");
        button(page, "Read figures now").click();
        assertThat(page.locator(".flash.success")).hasText("Figures read just now.");
        assertThat(figures.locator("[data-count=likes]")).hasCount(1);
        assertThat(figures.locator("[data-test=figure-views]")).not().hasText("0");
        // Asked again at once: refused in plain words.
        button(page, "Read figures now").click();
        assertThat(page.locator(".flash.error")).containsText("ask again after");
        assertThat(browserErrors).isEmpty();
    }
}
