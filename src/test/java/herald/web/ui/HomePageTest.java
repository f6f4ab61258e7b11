package herald.web.ui;

import static herald.web.ui.UiFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import herald.tenancy.Role;
import herald.tenancy.Workspaces;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

@UiTest
class HomePageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UiFixtures fixtures;

    @Autowired
    Workspaces workspaces;

    @LocalServerPort
    int port;

    @Test
    void someoneWithoutAWorkspaceIsAskedToCreateOne() throws Exception {
        var loner = fixtures.person("Loner");

        mvc.perform(get("/").with(as(loner))).andExpect(redirectedUrl("/workspaces/new"));
        mvc.perform(get("/workspaces/new").with(as(loner)))
                .andExpect(content().string(containsString("Create your first workspace")));
    }

    @Test
    void createsAWorkspaceWithTheCreatorAsOwner() throws Exception {
        var loner = fixtures.person("Founder");
        String name = "Hults Cafe " + UiFixtures.tag();

        mvc.perform(post("/workspaces")
                        .with(csrf())
                        .with(as(loner))
                        .param("name", name)
                        .param("timezone", "Europe/Stockholm")
                        .param("description", "Coffee and cinnamon buns."))
                .andExpect(redirectedUrl("/w/" + UiFixtures.slug(name)));

        assertThat(workspaces.of(loner.id())).singleElement().satisfies(w -> {
            assertThat(w.name()).isEqualTo(name);
            assertThat(w.role()).isEqualTo(Role.OWNER);
        });
    }

    @Test
    void aNewWorkspaceNeedsANameAndAKnownTimezone() throws Exception {
        var loner = fixtures.person("Careless");

        mvc.perform(post("/workspaces")
                        .with(csrf())
                        .with(as(loner))
                        .param("name", "")
                        .param("timezone", "UTC"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"name-error\"")));
        mvc.perform(post("/workspaces")
                        .with(csrf())
                        .with(as(loner))
                        .param("name", "Fine")
                        .param("timezone", "Nowhere"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"timezone-error\"")));
        assertThat(workspaces.of(loner.id())).isEmpty();
    }

    @Test
    void someoneWithOneWorkspaceLandsInItAfterSigningIn() {
        var team = fixtures.team();
        var browser = new WebClient(port);

        HttpResponse<String> signedIn = browser.signIn(team.owner().email(), UiFixtures.PASSWORD);

        assertThat(WebClient.location(signedIn)).endsWith("/");
        assertThat(WebClient.location(browser.get("/"))).endsWith(team.path());
    }

    @Test
    void someoneWithSeveralWorkspacesLandsOnAllWorkspacesAfterSigningInAndAtHome() {
        var team = fixtures.team();
        var second = alsoEditorOfAnother(team);
        var browser = new WebClient(port);

        HttpResponse<String> signedIn = browser.signIn(team.owner().email(), UiFixtures.PASSWORD);

        assertThat(WebClient.location(signedIn)).endsWith("/");
        assertThat(WebClient.location(browser.get("/"))).endsWith("/workspaces");
        HttpResponse<String> all = browser.get("/workspaces");
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.body())
                .contains("data-workspace=\"" + team.workspace().slug() + "\"")
                .contains("data-workspace=\"" + second.workspace().slug() + "\"");
        assertThat(browser.get(second.path()).body())
                .as("the switcher keeps its way back to all workspaces")
                .contains("data-test=\"all-workspaces\"");
        assertThat(WebClient.location(browser.get("/")))
                .as("home is all workspaces, whichever was opened last")
                .endsWith("/workspaces");
    }

    @Test
    void aLinkSomeoneWithSeveralWorkspacesSignedInFromStillWins() {
        var team = fixtures.team();
        var second = alsoEditorOfAnother(team);
        var browser = new WebClient(port);

        HttpResponse<String> refused = browser.get(second.path() + "/posts");
        assertThat(WebClient.location(refused)).endsWith("/sign-in");
        HttpResponse<String> signedIn = browser.signIn(team.owner().email(), UiFixtures.PASSWORD);

        assertThat(WebClient.location(signedIn)).endsWith(second.path() + "/posts");
    }

    @Test
    void leavingOneOfSeveralWorkspacesSaysSoOnAllWorkspaces() {
        var team = fixtures.team();
        var second = alsoEditorOfAnother(team);
        alsoEditorOfAnother(team);
        var browser = new WebClient(port);
        browser.signIn(team.owner().email(), UiFixtures.PASSWORD);
        browser.get(second.path() + "/members");

        HttpResponse<String> left = browser.post(second.path() + "/members/leave", java.util.Map.of());

        assertThat(WebClient.location(left)).endsWith("/");
        assertThat(WebClient.location(browser.get("/"))).endsWith("/workspaces");
        assertThat(browser.get("/workspaces").body())
                .contains("You left " + second.workspace().name() + ".")
                .doesNotContain("data-workspace=\"" + second.workspace().slug() + "\"");
    }

    @Test
    void theSwitcherListsEveryWorkspaceWithTheRoleThere() throws Exception {
        var team = fixtures.team();
        var second = fixtures.team();
        fixtures.memberships.join(second.workspace().id(), team.owner().id(), Role.VIEWER, java.util.Map.of());

        mvc.perform(get(team.path()).with(as(team.owner())))
                .andExpect(content().string(containsString("href=\"" + second.path() + "\"")))
                .andExpect(content().string(containsString(second.workspace().name())))
                .andExpect(content().string(containsString(">viewer<")))
                .andExpect(content().string(containsString("2 workspaces")));
    }

    /** Makes the team's owner an editor of a second team's workspace, and gives that team. */
    private UiFixtures.Team alsoEditorOfAnother(UiFixtures.Team team) {
        var second = fixtures.team();
        fixtures.memberships.join(second.workspace().id(), team.owner().id(), Role.EDITOR, java.util.Map.of());
        return second;
    }
}
