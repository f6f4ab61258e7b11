package herald.web.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The calendar generator in Chromium: a template-mode month (no AI configured, AI for all off) runs in the background,
 * its progress bar follows the run's Server-Sent Events to 100%, and the drafts appear, marked as drafts, on the
 * calendar month it links to.
 */
@TestPropertySource(properties = "herald.content.calendars.run=true")
// Closed after the class: another cached context running calendar jobs, configured differently, must not take this
// class's runs.
@org.springframework.test.annotation.DirtiesContext
class CalendarGeneratorBrowserTest extends BrowserTest {

    @Autowired
    UiFixtures fixtures;

    @Test
    void aTemplateMonthRunsToOneHundredPercentAndItsDraftsAppearOnTheCalendar() {
        var team = fixtures.team();
        PostsFixtures.account(fixtures.tenants, fixtures.jdbc, team.workspace().id(), "luigis");
        String month = YearMonth.from(LocalDate.now(ZoneId.of("Europe/Berlin")))
                .plusMonths(1)
                .toString();

        Page page = person();
        signIn(page, team.owner().email());
        navLink(page, "Calendar generator").click();

        assertThat(heading(page)).hasText("Generate a month of posts");
        page.getByLabel("Month").fill(month);
        page.getByLabel("Number of posts").fill("6");
        assertThat(page.getByLabel("AI for all posts")).not().isChecked();
        assertThat(page.getByLabel("Sandbox @luigis")).isChecked();
        page.locator("[data-test=generate]").click();

        page.waitForURL("**/calendar/runs/**");
        assertThat(page.locator("[data-run-percent]")).hasText("100%");
        assertThat(page.locator("[data-run-status]")).hasText("succeeded");
        assertThat(page.locator("[data-run-done-text]")).hasText("6 drafts are on the calendar.");
        assertThat(page.locator("[data-run-log] li").last()).containsText("Done: 6 drafts");

        page.locator("[data-test=calendar-link]").click();
        page.waitForURL("**/calendar?**");
        assertThat(page.locator(".calendar-entry.is-draft")).hasCount(6);
        assertThat(page.locator("[data-test=draft-label]")).hasCount(6);

        // The generator lists the run, started at a time in the workspace's zone (not the server's).
        navLink(page, "Calendar generator").click();
        var started = page.locator("[data-test=calendar-runs] tbody tr").first().locator("time");
        assertThat(page.locator("[data-test=calendar-runs] tbody tr").first()).containsText(month);
        String at = started.getAttribute("datetime");
        assertThat(started).hasText(new WorkspaceTime(ZoneId.of("Europe/Berlin")).local(java.time.Instant.parse(at)));
        assertThat(browserErrors).isEmpty();
    }
}
