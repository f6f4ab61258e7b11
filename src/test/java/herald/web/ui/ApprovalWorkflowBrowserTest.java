package herald.web.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import herald.connections.ConnectionId;
import herald.identity.User;
import herald.publishing.PostId;
import herald.publishing.PostStatus;
import herald.publishing.Posts;
import herald.tenancy.Role;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The approval workflow in Chromium: the owner turns it on in Settings; an editor composes a post, which the composer
 * offers to submit for approval and which waits; the editor reads the queue without deciding; the owner approves it
 * and the editor's bell tells them. The post is due far ahead, so nothing publishes meanwhile.
 */
class ApprovalWorkflowBrowserTest extends BrowserTest {

    @Autowired
    UiFixtures fixtures;

    @Autowired
    Posts posts;

    @Autowired
    herald.tenancy.WorkspaceRules workspaceRules;

    @Test
    void anEditorSubmitsAPostAndTheOwnerApprovesIt() {
        var team = fixtures.team();
        ConnectionId account = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, team.workspace().id(), "patty");
        User editor = fixtures.member(team, Role.EDITOR);

        Page owner = signedIn(team.owner());
        owner.navigate(team.path() + "/settings");
        button(owner, "Require approval of editors’ posts").click();
        assertThat(owner.locator(".flash.success")).containsText("Approval required");
        assertThat(owner.locator("[data-test=approval-required]")).isVisible();

        Page page = signedIn(editor);
        submit(page, team, "@patty", "Patty's pick of the week");
        assertThat(page.locator(".flash.success")).containsText("Submitted for approval");
        assertThat(page.locator("[data-test=post-status]")).hasText("Pending approval");
        assertThat(page.locator("[data-test=awaiting-approval]")).isVisible();
        PostId id = new PostId(UUID.fromString(page.url().replaceAll(".*/posts/", "")));

        page.navigate(team.path() + "/approvals");
        assertThat(page.locator("[data-test=decided-by-others]")).isVisible();
        assertThat(page.locator("[data-test=pending-post]")).containsText("Patty's pick of the week");
        assertThat(page.locator("[data-test=approve]")).hasCount(0);

        owner.navigate(team.path() + "/approvals");
        Locator pending =
                owner.locator("[data-test=pending-post]", new Page.LocatorOptions().setHasText("Patty's pick"));
        assertThat(pending).containsText(editor.email());
        pending.locator("[data-test=approve]").click();
        assertThat(owner.locator(".flash.success")).containsText("Approved: the post is scheduled.");
        assertThat(posts.get(team.workspace().id(), id).status()).isEqualTo(PostStatus.SCHEDULED);
        assertThat(posts.get(team.workspace().id(), id).targets().getFirst().connection())
                .isEqualTo(account);

        // The notification is stored by a worker after the decision commits: the editor looks again until it is there.
        Locator told = page.locator(".notification", new Page.LocatorOptions().setHasText("Your post was approved"));
        for (int look = 0; look < 40 && told.count() == 0; look++) {
            page.navigate(team.path() + "/notifications");
            page.waitForTimeout(look == 0 ? 0 : 250);
        }
        assertThat(told).hasCount(1);
        assertThat(told).containsText("Approved by " + team.owner().email());
        assertThat(browserErrors).isEmpty();
    }

    @Test
    void theOwnerSendsAPostBackAndItsAuthorChangesItAndSubmitsItAgain() {
        var team = fixtures.team();
        PostsFixtures.account(fixtures.tenants, fixtures.jdbc, team.workspace().id(), "selma");
        User editor = fixtures.member(team, Role.EDITOR);
        workspaceRules.requireApproval(team.workspace().id(), true);

        Page page = signedIn(editor);
        submit(page, team, "@selma", "Free pizza for everyone");
        PostId id = new PostId(UUID.fromString(page.url().replaceAll(".*/posts/", "")));

        Page owner = signedIn(team.owner());
        owner.navigate(team.path() + "/approvals");
        Locator pending = owner.locator("[data-test=pending-post]", new Page.LocatorOptions().setHasText("Free pizza"));
        pending.locator("summary", new Locator.LocatorOptions().setHasText("Reject"))
                .click();
        pending.locator("[data-test=reject-note]").fill("Not free: half price, and only on Tuesdays.");
        pending.locator("[data-test=reject]").click();
        assertThat(owner.locator(".flash.success")).containsText("Sent back");
        assertThat(owner.locator("[data-test=sent-back-item]")).containsText("Free pizza for everyone");

        page.navigate(team.path());
        Locator attention = page.locator("[data-test=attention-sent-back]");
        assertThat(attention).containsText("Not free: half price");
        attention.locator("a").click();
        page.waitForURL("**/edit");
        assertThat(page.locator("[data-test=sent-back]")).containsText("Not free: half price");
        page.getByLabel("Text", new Page.GetByLabelOptions().setExact(true)).fill("Half price pizza on Tuesdays");
        button(page, "Submit for approval").click();
        page.waitForURL("**/posts/*");
        assertThat(page.locator("[data-test=post-status]")).hasText("Pending approval");
        assertThat(page.locator("[data-test=sent-back]")).hasCount(0);
        assertThat(posts.get(team.workspace().id(), id).body()).isEqualTo("Half price pizza on Tuesdays");
        assertThat(browserErrors).isEmpty();
    }

    /** An editor composes a post on one account for a later time and submits it for approval. */
    private void submit(Page page, UiFixtures.Team team, String account, String text) {
        page.navigate(team.path() + "/compose");
        assertThat(page.locator("[data-composer][data-ready=true]")).hasCount(1);
        assertThat(page.locator("[data-test=approval-hint]")).containsText("an owner or admin approves it");
        page.getByLabel("Text", new Page.GetByLabelOptions().setExact(true)).fill(text);
        page.locator("label.account-choice", new Page.LocatorOptions().setHasText(account))
                .locator("input")
                .check();
        page.getByLabel("At a time").check();
        page.locator("#scheduledAt").fill("2099-06-01T10:00");
        button(page, "Submit for approval").click();
        page.waitForURL("**/posts/*");
    }

    private Page signedIn(User who) {
        Page page = person();
        signIn(page, who.email());
        return page;
    }
}
