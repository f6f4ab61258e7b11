package herald.web.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
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

    static final Path TOUR = PageFitness.TOUR;

    @Autowired
    UiFixtures fixtures;

    @Autowired
    Posts posts;

    @Autowired
    herald.content.Snippets snippets;

    @Test
    void composerCalendarAndPostsAreLabelledAndFitDesktopAndPhone() {
        var team = fixtures.team();
        var krusty = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, team.workspace().id(), "krusty");
        var post = PostsFixtures.scheduled(posts, team.workspace().id(), krusty, "Tour pizza", "2099-05-14T10:00");
        var unknown = PostsFixtures.scheduled(posts, team.workspace().id(), krusty, "Tour unknown", "2099-05-15T10:00");
        PostsFixtures.unknownAfterTwoAttempts(fixtures.tenants, fixtures.jdbc, unknown);
        String w = team.path();

        for (var size : List.of(new int[] {1280, 900}, new int[] {390, 844})) {
            String device = size[0] > 800 ? "desktop" : "phone";
            Page page = person(size[0], size[1]);
            signIn(page, team.owner().email());

            visit(page, w + "/compose", "compose-" + device);
            assertThat(page.locator("[data-composer][data-ready=true]")).hasCount(1);
            page.locator("label.account-choice").first().locator("input").check();
            page.getByLabel("Text", new Page.GetByLabelOptions().setExact(true)).fill("x".repeat(501));
            assertThat(page.locator("[data-counters] li.over")).containsText("501 / 500 — 1 character too long");
            assertThat(page.locator("[data-previews] .preview-sandbox .preview-who"))
                    .hasText("krusty @krusty · Sandbox");
            assertThat(page.locator("[data-previews] mark.preview-over")).hasText("x");
            button(page, "Publish").click();
            assertThat(page.locator("[data-test=target-errors]")).containsText("501 of 500 characters");
            check(page, "compose-errors-" + device);

            visit(page, w + "/calendar?date=2099-05-01", "calendar-month-" + device);
            assertThat(page.locator("[data-entry=\"" + post.id() + "\"]")).containsText("Tour pizza");
            assertThat(page.locator("[data-calendar][data-ready=true]")).hasCount(1);
            page.locator("[data-entry-move][data-post=\"" + post.id() + "\"]").click();
            assertThat(page.locator("[data-move-dialog]")).isVisible();
            check(page, "calendar-move-" + device);
            page.keyboard().press("Escape");
            assertThat(page.locator("[data-move-dialog]")).isHidden();
            visit(page, w + "/calendar?view=week&date=2099-05-14", "calendar-week-" + device);
            visit(page, w + "/queue", "queue-" + device);
            assertThat(page.locator(".queue-entry.is-open").first()).isVisible();
            visit(page, w + "/posts", "posts-" + device);
            // The list fits its card at either width: on a phone each post is stacked, not scrolled sideways.
            Object sideways = page.evaluate(
                    "() => [...document.querySelectorAll('.table-wrap')].filter(el => el.scrollWidth > el.clientWidth + 1).length");
            assertThat(((Number) sideways).intValue())
                    .as("tables scrolling sideways on " + device)
                    .isZero();
            visit(page, w + "/posts/" + post.id(), "post-" + device);
            visit(page, w + "/posts/" + post.id() + "/edit", "post-edit-" + device);
            assertThat(heading(page)).hasText("Edit post");
            visit(page, w + "/posts/" + unknown.id(), "post-attempts-" + device);
            assertThat(page.locator("[data-test=attempt-log] [data-attempt]")).hasCount(2);
        }
        assertThat(browserErrors).isEmpty();
    }

    private void visit(Page page, String path, String name) {
        page.navigate(path);
        check(page, name);
    }

    private static void check(Page page, String name) {
        PageFitness.check(page, name);
    }

    /**
     * The gaps, in Chromium: the composer's counter comes from the server's check; a scheduled post moves to
     * another day and time with the keyboard alone; a saved post is edited in the composer; and a post's page lists
     * every attempt with its node, outcome and error.
     */
    @Test
    void countsOnTheServerMovesByKeyboardEditsAfterSaveAndShowsAttempts() {
        var team = fixtures.team();
        var krusty = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, team.workspace().id(), "krusty");
        var post = PostsFixtures.scheduled(posts, team.workspace().id(), krusty, "Keyboard pizza", "2099-05-14T10:00");
        var failed = PostsFixtures.scheduled(posts, team.workspace().id(), krusty, "Lost pizza", "2099-05-16T10:00");
        PostsFixtures.unknownAfterTwoAttempts(fixtures.tenants, fixtures.jdbc, failed);
        snippets.create(team.workspace().id(), "Pizza tags", "#pizza #napoli");
        String w = team.path();
        Page page = person();
        signIn(page, team.owner().email());

        // Live counter: the browser's first guess is replaced by the platform's own count from the server.
        page.navigate(w + "/compose");
        assertThat(page.locator("[data-composer][data-ready=true]")).hasCount(1);
        page.locator("label.account-choice").first().locator("input").check();
        page.getByLabel("Text", new Page.GetByLabelOptions().setExact(true)).fill("Pizza 🍕 for everyone");
        assertThat(page.locator("[data-counters] li[data-source=server]")).hasText("Sandbox @krusty: 20 / 500");
        // A snippet goes in on a line of its own, and the count follows it.
        page.getByLabel("Insert a snippet")
                .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Pizza tags"));
        assertThat(page.getByLabel("Text", new Page.GetByLabelOptions().setExact(true)))
                .hasValue("Pizza 🍕 for everyone\n#pizza #napoli");
        assertThat(page.locator("[data-counters] li[data-source=server]")).hasText("Sandbox @krusty: 35 / 500");
        page.getByLabel("Text", new Page.GetByLabelOptions().setExact(true)).fill("Pizza 🍕 for everyone");
        assertThat(page.locator("[data-counters] li[data-source=server]")).hasText("Sandbox @krusty: 20 / 500");
        page.getByLabel("Link (optional)").fill("not a link");
        assertThat(page.locator("[data-counters] li[data-counter=post][data-source=server]"))
                .hasText("The link must be an http(s) URL.");

        // Keyboard reschedule: focus Move, Enter, type the new time, Enter.
        page.navigate(w + "/calendar?date=2099-05-01");
        assertThat(page.locator("[data-calendar][data-ready=true]")).hasCount(1);
        page.locator("[data-entry-move][data-post=\"" + post.id() + "\"]").focus();
        page.keyboard().press("Enter");
        var field = page.getByLabel("New date and time (Europe/Berlin)");
        assertThat(field).isFocused();
        assertThat(field).hasValue("2099-05-14T10:00");
        field.fill("2099-05-20T18:45");
        field.press("Enter");
        page.waitForURL("**/calendar?view=month&date=2099-05-01");
        assertThat(page.locator(".flash.success")).hasText("Moved to 20 May 2099, 18:45.");
        assertThat(page.locator("[data-date=\"2099-05-20\"] [data-entry]")).containsText("18:45");
        assertThat(page.locator("[data-date=\"2099-05-14\"] [data-entry]")).hasCount(0);

        // Edit after save, from the post's page, through the composer.
        page.navigate(w + "/posts/" + post.id());
        link(page, "Edit post").click();
        page.waitForURL("**/posts/" + post.id() + "/edit");
        assertThat(heading(page)).hasText("Edit post");
        var text = page.getByLabel("Text", new Page.GetByLabelOptions().setExact(true));
        assertThat(text).hasValue("Keyboard pizza");
        assertThat(page.getByLabel("Date and time (Europe/Berlin)")).hasValue("2099-05-20T18:45");
        text.fill("Edited after saving");
        button(page, "Save changes").click();
        page.waitForURL("**/posts/" + post.id());
        assertThat(page.locator(".flash.success")).hasText("Saved. Scheduled for 1 account.");
        assertThat(page.locator("section.card .post-body").first()).hasText("Edited after saving");
        assertThat(posts.get(team.workspace().id(), post.id()).scheduledAt()).hasToString("2099-05-20T16:45:00Z");

        // Attempts, and no way to edit a post whose outcome is being settled.
        page.navigate(w + "/posts/" + failed.id());
        var attempts = page.locator("[data-test=attempt-log] [data-attempt]");
        assertThat(attempts).hasCount(2);
        assertThat(attempts.nth(0)).containsText("Failed for now; tried again later");
        assertThat(attempts.nth(0)).containsText("node-a");
        assertThat(attempts.nth(0)).containsText("Sandbox answered 503: try again later.");
        assertThat(attempts.nth(1)).containsText("Outcome unknown");
        assertThat(page.locator("[data-test=edit-post]")).hasCount(0);
        assertThat(page.getByLabel("Post address")).isVisible();

        // Dragging still works beside the keyboard, and the Move dialog then offers the new day.
        page.navigate(w + "/calendar?date=2099-05-01");
        assertThat(page.locator("[data-calendar][data-ready=true]")).hasCount(1);
        page.locator("[data-entry=\"" + post.id() + "\"]").dragTo(page.locator("[data-date=\"2099-05-22\"]"));
        assertThat(page.locator("[data-test=calendar-outcome]")).hasText("Moved to 2099-05-22 at 18:45.");
        assertThat(page.locator("[data-date=\"2099-05-22\"] [data-entry]")).hasCount(1);
        assertThat(page.locator("[data-entry-move][data-post=\"" + post.id() + "\"]"))
                .hasAttribute("data-at", "2099-05-22T18:45");
        assertThat(posts.get(team.workspace().id(), post.id()).scheduledAt()).hasToString("2099-05-22T16:45:00Z");

        // An open slot of the queue opens the composer at its time.
        page.navigate(w + "/queue");
        var slot = page.locator(".queue-entry.is-open").first();
        String at = slot.getAttribute("data-at");
        slot.locator("[data-test=fill-slot]").click();
        page.waitForURL("**/compose?at=**");
        assertThat(page.getByLabel("Date and time (Europe/Berlin)"))
                .hasValue(java.time.Instant.parse(at)
                        .atZone(java.time.ZoneId.of("Europe/Berlin"))
                        .toLocalDateTime()
                        .toString());

        // Searching the list by words and account, then clearing the search.
        page.navigate(w + "/posts");
        assertThat(page.locator("tr[data-post]")).hasCount(2);
        page.getByLabel("Search posts").fill("LOST");
        page.getByLabel("Account").selectOption(krusty.value().toString());
        page.getByLabel("Search posts").press("Enter");
        page.waitForURL("**/posts?q=LOST&account=" + krusty.value());
        assertThat(page.locator("tr[data-post]")).hasCount(1);
        assertThat(page.locator("tr[data-post]")).containsText("Lost pizza");
        assertThat(page.getByLabel("Search posts")).hasValue("LOST");
        page.locator("[data-test=clear-filters]").click();
        assertThat(page.locator("tr[data-post]")).hasCount(2);
        assertThat(browserErrors).isEmpty();
    }
}
