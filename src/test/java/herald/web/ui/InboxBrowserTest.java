package herald.web.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/**
 * The inbox in Chromium against the real Sandbox inside Herald: a post is published now, a visitor comments on it
 * from the Sandbox's feed page, the inbox's Check now finds the comment, the owner answers it as the account, and the
 * visitor sees the answer under their comment.
 */
class InboxBrowserTest extends DispatchingBrowserTest {

    @Test
    void aVisitorsCommentOnTheSandboxIsFoundAndAnsweredFromTheInbox() {
        UiFixtures.Team team = fixtures.team();
        Page page = person();
        signIn(page, team.owner().email());
        String handle = ConnectionsBrowserTest.connectSandbox(page, team, "inb_");

        navLink(page, "Compose").click();
        assertThat(page.locator("[data-composer][data-ready=true]")).hasCount(1);
        page.getByLabel("Text", new Page.GetByLabelOptions().setExact(true))
                .fill("Tonight: the Krusty Burger pizza, " + handle);
        page.locator("label.account-choice", new Page.LocatorOptions().setHasText("@" + handle))
                .locator("input")
                .check();
        page.getByLabel("Publish now").check();
        button(page, "Publish").click();
        page.waitForURL("**/posts/*");
        long deadline = System.currentTimeMillis() + 60_000;
        while (!"published".equals(page.locator("main").getAttribute("data-post-status"))
                && System.currentTimeMillis() < deadline) {
            page.waitForTimeout(1_000);
            page.reload();
        }
        assertThat(page.locator("[data-test=post-status]")).hasText("Published");

        // A visitor on the Sandbox, with no account there, comments under the post.
        Page visitor = person();
        visitor.navigate("/sandbox/@" + handle);
        visitor.getByLabel("Your name").first().fill("Moe Szyslak");
        visitor.getByLabel("Comment", new Page.GetByLabelOptions().setExact(true))
                .first()
                .fill("Is it spicy?");
        visitor.locator("form.comment-form button", new Page.LocatorOptions().setHasText("Comment"))
                .first()
                .click();
        assertThat(visitor.getByText("Moe Szyslak commented")).isVisible();

        // The inbox: empty until it checks, then the comment under the post it was written to.
        navLink(page, "Inbox").click();
        assertThat(page.locator("[data-test=inbox-empty]")).isVisible();
        button(page, "Check now").click();
        assertThat(page.locator(".flash.success")).hasText("Checked 1 post: 1 new comment.");
        var comment = page.locator("[data-test=inbox-comment]");
        assertThat(comment).hasCount(1);
        assertThat(comment.locator("[data-test=inbox-author]")).hasText("Moe Szyslak");
        assertThat(comment.locator("[data-test=inbox-text]")).hasText("Is it spicy?");
        assertThat(comment).containsText("Tonight: the Krusty Burger pizza");
        assertThat(page.locator("[data-test=inbox-count]")).hasText("1");

        // Answered as the account: done, out of the open ones, and on the Sandbox under Moe's comment.
        page.getByLabel("Answer Moe Szyslak").fill("Mild, we promise.");
        button(page, "Send answer").click();
        assertThat(page.locator(".flash.success")).hasText("Answer sent to Moe Szyslak.");
        assertThat(page.locator("[data-test=inbox-comment]")).hasCount(0);
        assertThat(page.locator("[data-test=inbox-count]")).hasCount(0);
        page.locator(".status-filters a", new Page.LocatorOptions().setHasText("Done"))
                .click();
        assertThat(page.locator("[data-test=inbox-reply]")).containsText("Mild, we promise.");

        visitor.reload();
        assertThat(visitor.getByText("↳ replying to Moe Szyslak")).isVisible();
        assertThat(visitor.getByText("Mild, we promise.")).isVisible();
        assertThat(browserErrors).isEmpty();
    }
}
