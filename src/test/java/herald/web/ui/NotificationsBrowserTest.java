package herald.web.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import herald.connections.ConnectionId;
import herald.connections.Connections;
import herald.publishing.NewPost;
import herald.publishing.Post;
import herald.publishing.PostId;
import herald.publishing.PostStatus;
import herald.publishing.Posts;
import herald.shared.WorkspaceId;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The notification centre in Chromium against the real Sandbox: a post the Sandbox refuses (the same text twice on one
 * account within a day) rings the owner's bell with 1, the notifications page lists it as unread, and its link leads to
 * the failed post, after which the bell is quiet.
 */
class NotificationsBrowserTest extends DispatchingBrowserTest {

    @Autowired
    Posts posts;

    @Autowired
    Connections connections;

    @Test
    void aPostTheSandboxRefusesRingsTheBellAndItsNotificationLeadsToThePost() {
        UiFixtures.Team team = fixtures.team();
        WorkspaceId workspace = team.workspace().id();
        Page page = person();
        signIn(page, team.owner().email());
        assertThat(page.locator("[data-test=bell]")).hasAttribute("aria-label", "Notifications");
        assertThat(page.locator("[data-test=bell-count]")).hasCount(0);

        page.navigate(team.path() + "/connections");
        ConnectionsBrowserTest.scriptReady(page);
        String handle = "ntf_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Page popup = page.waitForPopup(() -> button(page, "Connect Sandbox").click());
        popup.getByLabel("Or create an account").fill(handle);
        popup.waitForClose(() -> button(popup, "Approve").click());
        assertThat(page.locator("[data-connection=" + handle + "] [data-test=connection-status]"))
                .hasText("Active");
        ConnectionId account = connections.list(workspace).stream()
                .filter(c -> c.username().equals(handle))
                .findFirst()
                .orElseThrow()
                .id();

        String text = "Said once, said twice " + handle;
        Post first = publishNow(workspace, account, text);
        awaitStatus(workspace, first.id(), PostStatus.PUBLISHED);
        Post second = publishNow(workspace, account, text);
        awaitStatus(workspace, second.id(), PostStatus.FAILED);

        // The notification is written by a worker after the outcome commits: give it a moment.
        page.navigate(team.path());
        long deadline = System.currentTimeMillis() + 20_000;
        while (page.locator("[data-test=bell-count]").count() == 0 && System.currentTimeMillis() < deadline) {
            page.waitForTimeout(500);
            page.reload();
        }
        assertThat(page.locator("[data-test=bell-count]")).hasText("1");
        assertThat(page.locator("[data-test=bell]")).hasAttribute("aria-label", "Notifications, 1 unread");

        page.locator("[data-test=bell]").click();
        page.waitForURL("**" + team.path() + "/notifications");
        var items = page.locator("[data-test=notifications] > li");
        assertThat(items).hasCount(1);
        assertThat(items).hasClass(Pattern.compile("\\bunread\\b"));
        assertThat(items.locator("[data-test=notification-link]")).hasText("A post failed: “" + text + "”");
        assertThat(items.locator(".notification-body")).containsText("Sandbox @" + handle + " did not publish it");

        items.locator("[data-test=notification-link]").click();
        page.waitForURL("**" + team.path() + "/posts/" + second.id());
        assertThat(page.locator("[data-test=post-status]")).hasText("Failed");
        assertThat(page.locator("[data-test=bell-count]")).hasCount(0);

        page.locator("[data-test=bell]").click();
        page.waitForURL("**" + team.path() + "/notifications");
        assertThat(page.locator("[data-test=notifications] > li")).hasCount(1);
        assertThat(page.locator("[data-test=notifications] > li")).not().hasClass(Pattern.compile("\\bunread\\b"));
        assertThat(browserErrors).isEmpty();
    }

    Post publishNow(WorkspaceId workspace, ConnectionId account, String text) {
        return posts.create(
                workspace,
                new NewPost(text, null, List.of(), List.of(new NewPost.NewTarget(account, null)), null, null, false));
    }

    void awaitStatus(WorkspaceId workspace, PostId post, PostStatus expected) {
        long deadline = System.currentTimeMillis() + 60_000;
        PostStatus status = posts.get(workspace, post).status();
        while (status != expected && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            status = posts.get(workspace, post).status();
        }
        assertThat(status).as("post " + post).isEqualTo(expected);
    }
}
