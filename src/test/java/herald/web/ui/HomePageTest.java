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
    void homeReturnsToTheWorkspaceLastOpened() {
        var team = fixtures.team();
        var second = fixtures.team();
        fixtures.memberships.join(second.workspace().id(), team.owner().id(), Role.EDITOR, java.util.Map.of());
        var browser = new WebClient(port);
        browser.signIn(team.owner().email(), UiFixtures.PASSWORD);

        assertThat(browser.get(second.path()).statusCode()).isEqualTo(200);
        assertThat(WebClient.location(browser.get("/"))).endsWith(second.path());
        assertThat(browser.get(team.path()).statusCode()).isEqualTo(200);
        assertThat(WebClient.location(browser.get("/"))).endsWith(team.path());
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
}
