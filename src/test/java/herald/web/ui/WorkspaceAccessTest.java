package herald.web.ui;

import static herald.web.ui.UiFixtures.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import herald.tenancy.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Who may open which workspace page: roles below admin get a 403 naming the role; strangers get a plain 404. */
@UiTest
class WorkspaceAccessTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UiFixtures fixtures;

    @ParameterizedTest
    @ValueSource(strings = {"/api-keys", "/settings", "/audit", "/audit/verify"})
    void viewersAndEditorsAreToldWhichRoleTheAdminPagesNeed(String page) throws Exception {
        var team = fixtures.team();
        for (Role role : new Role[] {Role.VIEWER, Role.EDITOR}) {
            mvc.perform(get(team.path() + page).with(as(fixtures.member(team, role))))
                    .andExpect(status().isForbidden())
                    .andExpect(content().string(containsString("This needs the <strong>admin</strong> role")))
                    .andExpect(content().string(containsString("Your role there is <strong>" + role.value())));
        }
    }

    @Test
    void viewersSeeTheOverviewAndMembersButNoAdminNavigation() throws Exception {
        var team = fixtures.team();
        var viewer = fixtures.member(team, Role.VIEWER);

        mvc.perform(get(team.path()).with(as(viewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(team.workspace().name())))
                .andExpect(content().string(not(containsString("/api-keys\""))))
                .andExpect(content().string(not(containsString("/settings\""))))
                .andExpect(content().string(containsString("id=\"nav-publish\"")))
                .andExpect(content().string(not(containsString("id=\"nav-integrations\""))));
        mvc.perform(get(team.path() + "/members").with(as(viewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(team.owner().email())))
                .andExpect(content().string(not(containsString("Create invitation link"))));
    }

    @Test
    void adminsOpenEveryAdminPage() throws Exception {
        var team = fixtures.team();
        var admin = fixtures.member(team, Role.ADMIN);
        for (String page : new String[] {"", "/members", "/api-keys", "/audit", "/settings"}) {
            mvc.perform(get(team.path() + page).with(as(admin))).andExpect(status().isOk());
        }
    }

    @Test
    void anotherWorkspaceLooksExactlyLikeOneThatDoesNotExist() throws Exception {
        var mine = fixtures.team();
        var theirs = fixtures.team();

        String other = mvc.perform(
                        get(theirs.path() + "/members").with(as(mine.owner())).accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String missing = mvc.perform(get("/w/no-such-workspace-" + UiFixtures.tag() + "/members")
                        .with(as(mine.owner()))
                        .accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();
        org.assertj.core.api.Assertions.assertThat(other)
                .isEqualTo(missing)
                .doesNotContain(theirs.workspace().name());

        mvc.perform(post(theirs.path() + "/members/leave").with(csrf()).with(as(mine.owner())))
                .andExpect(status().isNotFound());
    }

    @Test
    void aStrangerCannotReadAnotherWorkspacesInvitationsOrKeys() throws Exception {
        var mine = fixtures.team();
        var theirs = fixtures.team();
        mvc.perform(post(theirs.path() + "/invitations")
                        .with(csrf())
                        .with(as(mine.owner()))
                        .param("role", "admin"))
                .andExpect(status().isNotFound());
        mvc.perform(post(theirs.path() + "/api-keys")
                        .with(csrf())
                        .with(as(mine.owner()))
                        .param("name", "sneaky")
                        .param("scopes", "admin"))
                .andExpect(status().isNotFound());
    }
}
