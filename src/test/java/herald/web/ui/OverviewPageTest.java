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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The workspace's front page as a dashboard: what needs someone (posts failed in the last week with the platform's
 * reason, accounts to reconnect), what publishes next, and what went out lately; nothing of another workspace.
 */
@UiTest
class OverviewPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UiFixtures fixtures;

    @Autowired
    Posts posts;

    @Autowired
    herald.audit.AuditLog audit;

    @Test
    void aNewWorkspaceHasNothingToAttendToAndSaysWhatIsEmpty() throws Exception {
        var team = fixtures.team();

        String page = overview(team.path(), team);

        assertThat(page)
                .doesNotContain("data-test=\"attention\"")
                .contains("Nothing scheduled.", "Nothing published yet.")
                .doesNotContain("data-test=\"how-they-did\"");
    }

    @Test
    void showsWhatFailedThisWeekWhatIsDueNextAndWhatWentOut() throws Exception {
        var team = fixtures.team();
        WorkspaceId ws = team.workspace().id();
        ConnectionId krusty = PostsFixtures.account(fixtures.tenants, fixtures.jdbc, ws, "krusty");
        ConnectionId hults = PostsFixtures.account(fixtures.tenants, fixtures.jdbc, ws, "hults");
        Post later = PostsFixtures.scheduled(posts, ws, krusty, "Pumpkin spice is back", "2099-10-01T09:00");
        Post sooner = PostsFixtures.scheduled(posts, ws, krusty, "Free delivery this weekend", "2099-03-01T18:00");
        Post failed = PostsFixtures.scheduled(posts, ws, hults, "Our new oven is here", "2099-01-01T12:00");
        Post longAgo = PostsFixtures.scheduled(posts, ws, hults, "An old failure", "2099-01-02T12:00");
        Post published = PostsFixtures.scheduled(posts, ws, krusty, "Thanks for 10 years", "2099-01-03T12:00");
        PostsFixtures.settle(
                fixtures.tenants,
                fixtures.jdbc,
                ws,
                failed,
                "failed",
                "The text is a duplicate of a recent post.",
                "now()");
        PostsFixtures.settle(
                fixtures.tenants,
                fixtures.jdbc,
                ws,
                longAgo,
                "failed",
                "Ancient history.",
                "now() - interval '8 days'");
        PostsFixtures.settle(fixtures.tenants, fixtures.jdbc, ws, published, "published", null, "now()");
        fixtures.tenants.run(ws, () -> fixtures.jdbc
                .sql("update connections set status = 'needs_reconnect', status_reason = 'invalid_grant'"
                        + " where workspace_id = ? and id = ?")
                .params(ws.value(), hults.value())
                .update());
        var other = fixtures.team();
        var theirs = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, other.workspace().id(), "theirs");
        PostsFixtures.scheduled(posts, other.workspace().id(), theirs, "Another workspace's sale", "2099-02-01T09:00");

        String page = overview(team.path(), fixtures.member(team, Role.VIEWER));

        String attention = section(page, "attention");
        assertThat(attention)
                .contains("Our new oven is here", "hults: The text is a duplicate of a recent post.")
                .contains("Reconnect", "nothing publishes to it until someone reconnects it")
                .doesNotContain("An old failure");
        String upcoming = section(page, "upcoming");
        assertThat(upcoming).contains("Free delivery this weekend", "Pumpkin spice is back", "1 Mar 2099, 18:00");
        assertThat(upcoming.indexOf("Free delivery this weekend"))
                .isLessThan(upcoming.indexOf("Pumpkin spice is back"));
        assertThat(upcoming).doesNotContain("Our new oven is here", "Thanks for 10 years");
        assertThat(section(page, "published")).contains("Thanks for 10 years").doesNotContain("Pumpkin");
        assertThat(page).contains("data-test=\"how-they-did\"");
        assertThat(page).doesNotContain("Another workspace's sale");
        assertThat(page).contains(team.path() + "/posts/" + later.id(), team.path() + "/posts/" + sooner.id());
    }

    @Test
    void recentActivityTellsWhoDidWhatInWordsAndAnActionWithoutWordsByItsCode() throws Exception {
        var team = fixtures.team();
        audit.record(team.workspace().id(), "post.published", "post", null, java.util.Map.of());
        audit.record(team.workspace().id(), "post.reticulated", "post", null, java.util.Map.of());

        String page = overview(team.path(), team).replaceAll("\\s+", " ");

        assertThat(page)
                .contains("<strong>Herald</strong> <span data-test=\"activity-phrase\">published a post</span>")
                .contains("<code class=\"action\">post.reticulated</code>")
                .contains("<span data-test=\"activity-phrase\">signed up</span>")
                .doesNotContain("<code class=\"action\">post.published</code>");
    }

    @Test
    void recentActivityLeavesOutWhatHeraldDoesByTheHundredSoThatWhatPeopleDidStaysInView() throws Exception {
        var team = fixtures.team();
        audit.record(team.workspace().id(), "post.created", "post", null, java.util.Map.of());
        for (int i = 0; i < 8; i++) {
            audit.record(team.workspace().id(), "secret.decrypted", "secret", null, java.util.Map.of());
            audit.record(team.workspace().id(), "connection.refreshed", "connection", null, java.util.Map.of());
        }

        String page = overview(team.path(), team).replaceAll("\\s+", " ");

        assertThat(page)
                .as("the post created before sixteen routine entries is still among the six shown")
                .contains("<span data-test=\"activity-phrase\">created a post</span>")
                .doesNotContain("data-action=\"secret.decrypted\"", "data-action=\"connection.refreshed\"");
        assertThat(audit.find(team.workspace().id(), herald.audit.AuditQuery.latest(20)))
                .as("the log itself keeps them")
                .filteredOn(e -> e.action().equals("secret.decrypted"))
                .hasSize(8);
    }

    private String overview(String path, User who) throws Exception {
        return mvc.perform(get(path).with(as(who)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private String overview(String path, UiFixtures.Team team) throws Exception {
        return overview(path, team.owner());
    }

    /** The HTML of the element marked {@code data-test="<name>"}, up to the end of its section or card. */
    private static String section(String page, String name) {
        int start = page.indexOf("data-test=\"" + name + "\"");
        assertThat(start).as("the %s part of the page", name).isNotNegative();
        int end = page.indexOf("data-test=", start + 12);
        return page.substring(start, end < 0 ? page.length() : end);
    }
}
