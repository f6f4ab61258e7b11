package herald.web.ui;

import static herald.web.ui.UiFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import herald.connections.ConnectionId;
import herald.identity.User;
import herald.publishing.Post;
import herald.publishing.Posts;
import herald.shared.WorkspaceId;
import herald.tenancy.Role;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * "All workspaces": a person who belongs to several workspaces sees each, those needing attention first (failed this
 * week, awaiting approval, accounts to reconnect), with what is due in the next week and what went out in the last;
 * never a workspace they do not belong to, however much it needs attention.
 */
@UiTest
class AllWorkspacesPageTest {

    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    @Autowired
    MockMvc mvc;

    @Autowired
    UiFixtures fixtures;

    @Autowired
    Posts posts;

    @Test
    void listsEveryWorkspaceOfThePersonWithWhatNeedsThemFirst() throws Exception {
        var calm = fixtures.team();
        var troubled = fixtures.team();
        User agent = calm.owner();
        fixtures.memberships.join(troubled.workspace().id(), agent.id(), Role.EDITOR, Map.of());
        var stranger = fixtures.team();

        WorkspaceId c = calm.workspace().id();
        ConnectionId calmAccount = PostsFixtures.account(fixtures.tenants, fixtures.jdbc, c, "calm");
        PostsFixtures.scheduled(posts, c, calmAccount, "Soup of the day", inDays(2));
        PostsFixtures.scheduled(posts, c, calmAccount, "Next month's menu", inDays(20));
        Post out = PostsFixtures.scheduled(posts, c, calmAccount, "Thanks for coming", inDays(3));
        PostsFixtures.settle(fixtures.tenants, fixtures.jdbc, c, out, "published", null, "now() - interval '2 days'");

        WorkspaceId t = troubled.workspace().id();
        ConnectionId troubledAccount = PostsFixtures.account(fixtures.tenants, fixtures.jdbc, t, "troubled");
        Post failed = PostsFixtures.scheduled(posts, t, troubledAccount, "Oven broke", inDays(4));
        PostsFixtures.settle(fixtures.tenants, fixtures.jdbc, t, failed, "failed", "Refused.", "now()");
        Post stale = PostsFixtures.scheduled(posts, t, troubledAccount, "Old failure", inDays(5));
        PostsFixtures.settle(
                fixtures.tenants, fixtures.jdbc, t, stale, "failed", "Long ago.", "now() - interval '8 days'");
        Post waiting = PostsFixtures.scheduled(posts, t, troubledAccount, "Needs a yes", inDays(6));
        fixtures.tenants.run(t, () -> fixtures.jdbc
                .sql("update posts set status = 'pending_approval' where workspace_id = ? and id = ?")
                .params(t.value(), waiting.id().value())
                .update());
        needsReconnect(t, troubledAccount);

        WorkspaceId s = stranger.workspace().id();
        ConnectionId theirs = PostsFixtures.account(fixtures.tenants, fixtures.jdbc, s, "theirs");
        Post theirFailure = PostsFixtures.scheduled(posts, s, theirs, "Not yours", inDays(1));
        PostsFixtures.settle(fixtures.tenants, fixtures.jdbc, s, theirFailure, "failed", "Refused.", "now()");

        String page = page("/workspaces", agent);

        assertThat(page)
                .contains("2 workspaces · 1 needs attention: it is listed first.")
                .doesNotContain(stranger.workspace().name());
        String troubledRow = row(page, troubled.workspace().slug());
        String calmRow = row(page, calm.workspace().slug());
        assertThat(page.indexOf(troubledRow)).isLessThan(page.indexOf(calmRow));
        assertThat(troubledRow)
                .contains("1 failed post", "1 post awaits approval", "1 account to reconnect", ">editor<")
                .contains("/w/" + troubled.workspace().slug() + "/approvals");
        assertThat(calmRow)
                .contains("Nothing", ">owner<")
                .contains("1 post", "next", "in 2 days")
                .contains("1 published", "latest", "2 days ago")
                .doesNotContain("failed post");

        assertThat(page("/workspaces?attention=true", agent))
                .contains("data-workspace=\"" + troubled.workspace().slug() + "\"")
                .doesNotContain("data-workspace=\"" + calm.workspace().slug() + "\"");
        assertThat(page("/workspaces?q=" + calm.workspace().name().toUpperCase(), agent))
                .contains("data-workspace=\"" + calm.workspace().slug() + "\"")
                .doesNotContain("data-workspace=\"" + troubled.workspace().slug() + "\"");
        assertThat(page("/workspaces?q=no-such-name", agent)).contains("No workspace matches.");
    }

    @Test
    void theSwitcherLeadsThere() throws Exception {
        var team = fixtures.team();

        assertThat(page(team.path(), team.owner())).contains("href=\"/workspaces\"", "All workspaces, at a glance");
    }

    private static String inDays(int days) {
        return ZonedDateTime.now(ZoneId.of("Europe/Berlin")).plusDays(days).format(LOCAL);
    }

    private void needsReconnect(WorkspaceId workspace, ConnectionId account) {
        fixtures.tenants.run(workspace, () -> fixtures.jdbc
                .sql("update connections set status = 'needs_reconnect', status_reason = 'invalid_grant'"
                        + " where workspace_id = ? and id = ?")
                .params(workspace.value(), account.value())
                .update());
    }

    private String page(String path, User who) throws Exception {
        return mvc.perform(get(path).with(as(who)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    /** The HTML of the table row of the workspace with {@code slug}. */
    private static String row(String page, String slug) {
        int start = page.indexOf("data-workspace=\"" + slug + "\"");
        assertThat(start).as("the row of %s", slug).isNotNegative();
        return page.substring(start, page.indexOf("</tr>", start));
    }
}
