package herald.web.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import herald.agents.AgentPostRequest;
import herald.agents.AgentPosting;
import herald.agents.AgentPrincipal;
import herald.agents.Agents;
import herald.agents.Capability;
import herald.agents.Channel;
import herald.agents.Grants;
import herald.agents.NewGrant;
import herald.connections.ConnectionId;
import herald.publishing.PostId;
import herald.publishing.PostStatus;
import herald.publishing.Posts;
import herald.shared.WorkspaceId;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The approval queue in Chromium: an agent's posts wait there, with their count in the navigation; a member edits one
 * and approves it, and rejects the other with a note. Posts are due far ahead, so nothing publishes meanwhile.
 */
class ApprovalsBrowserTest extends BrowserTest {

    @Autowired
    UiFixtures fixtures;

    @Autowired
    Agents agents;

    @Autowired
    Grants grants;

    @Autowired
    AgentPosting posting;

    @Autowired
    Posts posts;

    @Test
    void aMemberEditsAndApprovesOnePostAndRejectsAnotherWithANote() {
        var team = fixtures.team();
        WorkspaceId workspace = team.workspace().id();
        ConnectionId account = PostsFixtures.account(fixtures.tenants, fixtures.jdbc, workspace, "marge");
        var created = agents.create(workspace, "Browser bot", "", team.owner().id());
        grants.grant(
                workspace, created.agent().id(), new NewGrant(account, Set.of(Capability.POST_SCHEDULE), true, null));
        var agent = new AgentPrincipal(
                workspace,
                created.agent().id(),
                created.key().key().id(),
                "Browser bot",
                created.key().key().prefix());
        PostId approve = pending(agent, account, "Approve me, please", "#pizza #springfield");
        PostId reject = pending(agent, account, "Reject me, please", null);

        Page page = person();
        signIn(page, team.owner().email());
        page.navigate(team.path() + "/approvals");

        assertThat(page.locator("[data-test=approvals-count]")).hasText("2");
        Locator first = page.locator("[data-test=pending-post]", new Page.LocatorOptions().setHasText("Approve me"));
        assertThat(first.locator("[data-test=first-comment]")).containsText("First comment");
        assertThat(first.locator("[data-test=first-comment-text]")).hasText("#pizza #springfield");
        assertThat(page.locator("[data-test=pending-post]", new Page.LocatorOptions().setHasText("Reject me"))
                        .locator("[data-test=first-comment]"))
                .hasCount(0);
        first.locator("summary", new Locator.LocatorOptions().setHasText("Edit, then approve"))
                .click();
        first.locator("[data-test=edit-body]").fill("Approved after a person's edit");
        first.locator("[data-test=edit-approve]").click();
        assertThat(page.locator(".flash.success")).containsText("Edited and approved");

        Locator second = page.locator("[data-test=pending-post]", new Page.LocatorOptions().setHasText("Reject me"));
        second.locator("summary", new Locator.LocatorOptions().setHasText("Reject"))
                .click();
        second.locator("[data-test=reject-note]").fill("Off-brand");
        second.locator("[data-test=reject]").click();
        assertThat(page.locator(".flash.success")).containsText("will not be published");
        assertThat(page.locator("[data-test=no-approvals]")).isVisible();
        assertThat(page.locator("[data-test=approvals-count]")).hasCount(0);

        var approved = posts.get(workspace, approve);
        assertThat(approved.status()).isEqualTo(PostStatus.SCHEDULED);
        assertThat(approved.body()).isEqualTo("Approved after a person's edit");
        assertThat(posts.get(workspace, reject).status()).isEqualTo(PostStatus.CANCELLED);
        assertThat(browserErrors).isEmpty();
    }

    private PostId pending(AgentPrincipal agent, ConnectionId account, String text, @Nullable String firstComment) {
        var outcome = posting.post(
                        agent,
                        Channel.AGENT_API,
                        new AgentPostRequest(
                                text,
                                List.of(),
                                List.of(account),
                                List.of(),
                                "2099-06-01T10:00:00Z",
                                null,
                                0,
                                List.of(),
                                firstComment,
                                null))
                .getFirst();
        assertThat(outcome.status()).as(String.valueOf(outcome.detail())).isEqualTo("pending_approval");
        return outcome.post();
    }
}
