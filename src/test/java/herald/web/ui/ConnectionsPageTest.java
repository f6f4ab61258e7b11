package herald.web.ui;

import static herald.web.ui.UiFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import herald.publishing.Posts;
import herald.tenancy.Role;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@UiTest
class ConnectionsPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UiFixtures fixtures;

    @Autowired
    Posts posts;

    @Test
    void everyMemberSeesTheListButOnlyAdminsConnect() throws Exception {
        var team = fixtures.team();
        var editor = fixtures.member(team, Role.EDITOR);

        mvc.perform(get(team.path() + "/connections").with(as(team.owner())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Connect Sandbox")))
                .andExpect(content().string(containsString("No accounts connected yet.")));
        mvc.perform(get(team.path() + "/connections").with(as(editor)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Connect Sandbox"))));
        mvc.perform(post(team.path() + "/connections/connect")
                        .with(csrf())
                        .with(as(editor))
                        .param("provider", "sandbox")
                        .param("accountType", "company"))
                .andExpect(status().isForbidden());
    }

    @Test
    void connectingComesFirstUntilThereAreAccountsThenTheAccountsAndTheirWarningsDo() throws Exception {
        var team = fixtures.team();
        String empty = page(team);
        assertThat(empty.indexOf("id=\"connect-heading\""))
                .as("nothing connected yet: connecting first")
                .isPositive()
                .isLessThan(empty.indexOf("id=\"accounts-heading\""));
        assertThat(empty.indexOf("Connect Sandbox"))
                .as("a platform one can connect before those not set up")
                .isPositive()
                .isLessThan(empty.indexOf("data-test=\"not-configured\""));

        PostsFixtures.account(fixtures.tenants, fixtures.jdbc, team.workspace().id(), "krusty");
        String connected = page(team);
        assertThat(connected.indexOf("id=\"accounts-heading\""))
                .as("accounts first once there are some")
                .isPositive()
                .isLessThan(connected.indexOf("id=\"connect-heading\""));
        assertThat(connected.split("id=\"connect-heading\"", -1))
                .as("connecting is offered once")
                .hasSize(2);
    }

    private String page(UiFixtures.Team team) throws Exception {
        return mvc.perform(get(team.path() + "/connections").with(as(team.owner())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void connectAnswersTheAuthorizeUrlToScriptsAndRedirectsForms() throws Exception {
        var team = fixtures.team();

        mvc.perform(post(team.path() + "/connections/connect")
                        .with(csrf())
                        .with(as(team.owner()))
                        .accept(MediaType.APPLICATION_JSON)
                        .param("provider", "sandbox")
                        .param("accountType", "company"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.authorizationUrl", containsString("/sandbox/oauth/authorize?")))
                .andExpect(jsonPath("$.authorizationUrl", containsString("code_challenge_method=S256")));
        mvc.perform(post(team.path() + "/connections/connect")
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("provider", "sandbox")
                        .param("accountType", "personal"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", containsString("/sandbox/oauth/authorize?")));
        mvc.perform(post(team.path() + "/connections/connect")
                        .with(csrf())
                        .with(as(team.owner()))
                        .accept(MediaType.APPLICATION_JSON)
                        .param("provider", "myspace")
                        .param("accountType", "personal"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", containsString("Unknown provider 'myspace'")));
        mvc.perform(post(team.path() + "/connections/connect")
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("provider", "myspace")
                        .param("accountType", "personal"))
                .andExpect(flash().attribute("problem", startsWith("Unknown provider")));
    }

    @Test
    void theCallbackIsOpenAndRefusesAStateItDoesNotKnow() throws Exception {
        mvc.perform(get("/connections/callback/sandbox")
                        .param("state", UUID.randomUUID().toString())
                        .param("code", "x"))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(content().string(containsString("This connect link is not valid")));
    }

    @Test
    void anEditorPausesAnAccountSeesWhereItIsPausedAndResumesIt() throws Exception {
        var team = fixtures.team();
        var editor = fixtures.member(team, Role.EDITOR);
        var viewer = fixtures.member(team, Role.VIEWER);
        UUID id = UUID.randomUUID();
        var workspace = team.workspace().id();
        fixtures.tenants.run(workspace, () -> fixtures.jdbc
                .sql(
                        """
                        insert into connections (workspace_id, id, provider, external_id, account_type, label,
                            username, display_name, status, expires_at)
                        values (:w, :id, 'sandbox', :external, 'company', 'Krusty', 'krusty', 'Krusty', 'active',
                            now() + interval '2 hours')""")
                .param("w", workspace.value())
                .param("id", id)
                .param("external", UUID.randomUUID().toString())
                .update());
        String connections = team.path() + "/connections";

        mvc.perform(get(connections).with(as(editor)))
                .andExpect(content().string(containsString("action=\"" + connections + "/" + id + "/pause\"")))
                .andExpect(content().string(containsString("Pause all accounts")))
                .andExpect(content().string(not(containsString("data-test=\"paused-banner\""))));
        mvc.perform(post(connections + "/" + id + "/pause").with(csrf()).with(as(viewer)))
                .andExpect(status().isForbidden());
        mvc.perform(post(connections + "/" + id + "/pause").with(as(editor))).andExpect(status().isForbidden());
        mvc.perform(post(connections + "/" + id + "/pause").with(csrf()).with(as(editor)))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute(
                                "notice",
                                "Paused publishing to @krusty. Nothing was scheduled for it; any new post for it waits until"
                                        + " you resume it."));

        mvc.perform(get(connections).with(as(editor)))
                .andExpect(content().string(containsString("Publishing to 1 account is paused.")))
                .andExpect(content().string(containsString("data-test=\"connection-paused\"")))
                .andExpect(content().string(containsString("action=\"" + connections + "/" + id + "/resume\"")))
                .andExpect(content().string(containsString("Publish now")));
        mvc.perform(get(team.path() + "/compose").with(as(editor)))
                .andExpect(content()
                        .string(containsString(
                                "Publishing to @krusty is paused; this post will wait until it is resumed.")));

        mvc.perform(post(connections + "/" + id + "/resume").with(csrf()).with(as(editor)))
                .andExpect(flash().attribute("problem", containsString("overdue must be 'publish'")));
        mvc.perform(post(connections + "/" + id + "/resume")
                        .with(csrf())
                        .with(as(editor))
                        .param("overdue", "skip"))
                .andExpect(flash().attribute("notice", "Resumed publishing to @krusty. No post was waiting."));
        mvc.perform(get(connections).with(as(editor)))
                .andExpect(content().string(not(containsString("data-test=\"paused-banner\""))));
    }

    @Test
    void theNoticesCountThePostsAPauseHeldAndWhatTheResumeDidWithThem() throws Exception {
        var team = fixtures.team();
        var editor = fixtures.member(team, Role.EDITOR);
        var workspace = team.workspace().id();
        var moe = PostsFixtures.account(fixtures.tenants, fixtures.jdbc, workspace, "moe");
        var overdue = PostsFixtures.scheduled(posts, workspace, moe, "Happy hour", "2099-05-01T17:00");
        PostsFixtures.scheduled(posts, workspace, moe, "Flaming Moe", "2099-05-02T17:00");
        PostsFixtures.scheduled(posts, workspace, moe, "Karaoke night", "2099-05-03T20:00");
        String connections = team.path() + "/connections";

        mvc.perform(post(connections + "/" + moe.value() + "/pause")
                        .with(csrf())
                        .with(as(editor)))
                .andExpect(flash().attribute(
                                "notice",
                                "Paused publishing to @moe. 3 scheduled posts wait, and so will any new post for it, until you"
                                        + " resume it."));
        // Its time passes while the account is paused.
        fixtures.tenants.run(workspace, () -> fixtures.jdbc
                .sql("update post_targets set due_at = now() - interval '1 hour' where post_id = :post")
                .param("post", overdue.id().value())
                .update());
        mvc.perform(post(connections + "/resume-all")
                        .with(csrf())
                        .with(as(editor))
                        .param("overdue", "skip"))
                .andExpect(flash().attribute(
                                "notice",
                                "Resumed publishing to @moe. 2 scheduled posts wait for their time again; 1 overdue post was"
                                        + " skipped."));
    }

    @Test
    void blueskyConnectsWithAHandleAndAnAppPasswordAndARefusalKeepsTheHandleOnly() throws Exception {
        var team = fixtures.team();
        var editor = fixtures.member(team, Role.EDITOR);
        String page = page(team);
        assertThat(page)
                .contains("data-test=\"app-password-connect\"")
                .contains("name=\"appPassword\"")
                .contains("Connect Bluesky");
        assertThat(page.indexOf("data-test=\"app-password-connect\""))
                .as("Bluesky has no consent popup: its form is not one that opens one")
                .isPositive();
        assertThat(page.substring(
                        page.indexOf("data-test=\"app-password-connect\"") - 300,
                        page.indexOf("data-test=\"app-password-connect\"")))
                .doesNotContain("data-connect");

        mvc.perform(post(team.path() + "/connections/sign-in")
                        .with(csrf())
                        .with(as(editor))
                        .param("provider", "bluesky")
                        .param("identifier", "krusty.bsky.social")
                        .param("appPassword", "abcd-efgh-ijkl-mnop"))
                .andExpect(status().isForbidden());

        // The tests' Bluesky is an address nothing answers on: the platform cannot be reached.
        var refused = mvc.perform(post(team.path() + "/connections/sign-in")
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("provider", "bluesky")
                        .param("identifier", " @krusty.bsky.social ")
                        .param("appPassword", "abcd-efgh-ijkl-mnop"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", team.path() + "/connections"))
                .andExpect(flash().attribute(
                                "problem",
                                "Connecting to Bluesky failed: Bluesky could not be reached or did not answer in time."
                                        + " Nothing was connected; try again in a moment."))
                .andReturn();
        var attempt = (AppPasswordController.Attempt) refused.getFlashMap().get("signIn");
        assertThat(attempt.identifier()).isEqualTo("@krusty.bsky.social");
        assertThat(refused.getFlashMap().toString()).doesNotContain("abcd-efgh-ijkl-mnop");

        // The page the browser is sent back to, in the same session (Spring Session's, found by its cookie).
        mvc.perform(get(team.path() + "/connections")
                        .with(as(team.owner()))
                        .cookie(refused.getResponse().getCookies()))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.model()
                        .attributeExists("signIn"))
                .andExpect(content().string(containsString("value=\"@krusty.bsky.social\"")))
                .andExpect(content().string(not(containsString("abcd-efgh-ijkl-mnop"))));

        mvc.perform(post(team.path() + "/connections/sign-in")
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("provider", "sandbox")
                        .param("identifier", "krusty")
                        .param("appPassword", "x"))
                .andExpect(flash().attribute("problem", containsString("connect with an app password: bluesky")));
    }

    @Test
    void mastodonAsksForTheServerFirstAndAReconnectGoesBackToTheAccountsOwnServer() throws Exception {
        var team = fixtures.team();

        String page = page(team);
        int form = page.lastIndexOf("<form", page.indexOf("data-provider=\"mastodon\""));
        assertThat(form).as("Mastodon is offered").isPositive();
        assertThat(page.substring(form, page.indexOf("</form>", form)))
                .contains("data-connect")
                .contains("name=\"server\"")
                .contains("placeholder=\"mastodon.social\"")
                .as("one account type, asked of nobody")
                .contains("type=\"hidden\" name=\"accountType\" value=\"personal\"")
                .doesNotContain("<select");
        mvc.perform(post(team.path() + "/connections/connect")
                        .with(csrf())
                        .with(as(team.owner()))
                        .accept(MediaType.APPLICATION_JSON)
                        .param("provider", "mastodon")
                        .param("accountType", "personal")
                        .param("server", " "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error", startsWith("Name the Mastodon server your account is on")));
        mvc.perform(post(team.path() + "/connections/connect")
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("provider", "mastodon")
                        .param("accountType", "personal")
                        .param("server", "10.1.2.3"))
                .andExpect(flash().attribute("problem", containsString("10.1.2.3")));

        var id = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, team.workspace().id(), "krusty");
        fixtures.tenants.run(team.workspace().id(), () -> fixtures.jdbc
                .sql("update connections set provider = 'mastodon', username = 'krusty@mastodon.example',"
                        + " status = 'needs_reconnect', status_reason = 'The token was revoked.' where id = :id")
                .param("id", id.value())
                .update());
        String reconnecting = page(team);
        int reconnect = reconnecting.indexOf("name=\"reconnect\" value=\"" + id + "\"");
        assertThat(reconnect).isPositive();
        assertThat(reconnecting.substring(reconnect, reconnecting.indexOf("</form>", reconnect)))
                .contains("name=\"server\" value=\"mastodon.example\"");
    }

    @Test
    void aBlueskyAccountThatNeedsAReconnectIsSignedInAgainInPlace() throws Exception {
        var team = fixtures.team();
        var id = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, team.workspace().id(), "krusty");
        fixtures.tenants.run(team.workspace().id(), () -> fixtures.jdbc
                .sql("update connections set provider = 'bluesky', username = 'krusty.bsky.social',"
                        + " status = 'needs_reconnect', status_reason = 'The session ended.' where id = :id")
                .param("id", id.value())
                .update());

        String page = page(team);
        int reconnect = page.indexOf("data-test=\"reconnect-app-password\"");
        assertThat(reconnect)
                .as("a sign-in form in the row, not a consent popup")
                .isPositive();
        String form = page.substring(reconnect, page.indexOf("</details>", reconnect));
        assertThat(form)
                .contains("name=\"reconnect\" value=\"" + id + "\"")
                .contains("name=\"identifier\" value=\"krusty.bsky.social\"")
                .contains("type=\"password\" name=\"appPassword\"")
                .contains("/connections/sign-in");
    }
}
