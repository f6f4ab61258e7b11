package herald.web.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import herald.audit.AuditLog;
import herald.audit.AuditQuery;
import herald.tenancy.Invitations;
import herald.tenancy.Role;
import herald.tenancy.Workspaces;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@UiTest
class SignUpPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UiFixtures fixtures;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Invitations invitations;

    @Autowired
    AuditLog audit;

    @Test
    void createsTheAccountAndWorkspaceSignsInAndOpensTheWorkspace() throws Exception {
        String email = UiFixtures.email("new");
        String name = "Krusty Pizza " + UiFixtures.tag();

        var response = mvc.perform(signUp(email, "Krusty", UiFixtures.PASSWORD, name, "Europe/Berlin"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/w/" + UiFixtures.slug(name)))
                .andExpect(authenticated().withUsername(email))
                .andReturn()
                .getResponse();

        // The session (kept in Postgres) carries the sign-in to the next request.
        mvc.perform(get("/w/" + UiFixtures.slug(name)).cookie(response.getCookies()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(name)));

        var user = fixtures.users.findByEmail(email).orElseThrow();
        var mine = workspaces.of(user.id());
        assertThat(mine).singleElement().satisfies(w -> {
            assertThat(w.name()).isEqualTo(name);
            assertThat(w.role()).isEqualTo(Role.OWNER);
        });
        var workspace = workspaces.require(mine.getFirst().id());
        assertThat(workspace.timezone().getId()).isEqualTo("Europe/Berlin");
        assertThat(workspace.plan()).isEqualTo("free");
        assertThat(audit.find(workspace.id(), AuditQuery.latest(10)))
                .extracting(e -> e.action())
                .contains("user.signed_up", "workspace.created");
    }

    @Test
    void refusesADuplicateEmailAndCreatesNothing() throws Exception {
        var existing = fixtures.team();
        String name = "Duplicate " + UiFixtures.tag();

        mvc.perform(signUp(existing.owner().email(), "Someone", UiFixtures.PASSWORD, name, "UTC"))
                .andExpect(status().isConflict())
                .andExpect(unauthenticated())
                .andExpect(content().string(containsString("An account with this email already exists")))
                .andExpect(content().string(containsString("id=\"email-error\"")));

        assertThat(fixtures.usersWithEmail(existing.owner().email())).isEqualTo(1);
        assertThat(fixtures.slugTaken(UiFixtures.slug(name))).isFalse();
    }

    @Test
    void refusesAWeakPasswordWithoutEchoingItAndCreatesNothing() throws Exception {
        String email = UiFixtures.email("weak");
        String name = "Weak " + UiFixtures.tag();

        mvc.perform(signUp(email, "Weak", "password123", name, "UTC"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("too easy to guess")))
                .andExpect(content().string(containsString("id=\"password-error\"")))
                .andExpect(content().string(not(containsString("password123"))));

        assertThat(fixtures.usersWithEmail(email)).isZero();
        assertThat(fixtures.slugTaken(UiFixtures.slug(name))).isFalse();
    }

    @Test
    void refusesAnUnknownTimezoneAndCreatesNothing() throws Exception {
        String email = UiFixtures.email("zone");
        String name = "Zone " + UiFixtures.tag();

        mvc.perform(signUp(email, "Zone", UiFixtures.PASSWORD, name, "Mars/Olympus_Mons"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Unknown timezone")))
                .andExpect(content().string(containsString("id=\"timezone-error\"")));

        assertThat(fixtures.usersWithEmail(email)).isZero();
        assertThat(fixtures.slugTaken(UiFixtures.slug(name))).isFalse();
    }

    @Test
    void namesEveryMissingFieldAtOnceAndCreatesNothing() throws Exception {
        mvc.perform(signUp("", "", "", "", ""))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Enter your email address.")))
                .andExpect(content().string(containsString("Enter your name")))
                .andExpect(content().string(containsString("Choose a password.")))
                .andExpect(content().string(containsString("Name your workspace")))
                .andExpect(content().string(containsString("Please fix the 5 fields marked below.")));
    }

    @Test
    void refusesAnInvalidEmail() throws Exception {
        mvc.perform(signUp("not-an-email", "X", UiFixtures.PASSWORD, "Bad email " + UiFixtures.tag(), "UTC"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Enter a valid email address")));
        assertThat(fixtures.usersWithEmail("not-an-email")).isZero();
    }

    @Test
    void signingUpThroughAnInvitationCreatesNoWorkspaceAndReturnsToTheInvitation() throws Exception {
        var team = fixtures.team();
        String token = invitations
                .invite(team.workspace().id(), null, Role.EDITOR, team.owner().id())
                .token();
        String email = UiFixtures.email("invited");

        mvc.perform(get("/sign-up").param("continue", "/invitations/" + token))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("You are joining")))
                .andExpect(content().string(containsString(team.workspace().name())))
                .andExpect(content().string(not(containsString("name=\"workspaceName\""))));

        mvc.perform(signUp(email, "Invited", UiFixtures.PASSWORD, "", "").param("continue", "/invitations/" + token))
                .andExpect(redirectedUrl("/invitations/" + token))
                .andExpect(authenticated().withUsername(email));

        var user = fixtures.users.findByEmail(email).orElseThrow();
        assertThat(workspaces.of(user.id())).isEmpty();
    }

    @Test
    void ignoresAContinueThatLeadsOffSite() throws Exception {
        String email = UiFixtures.email("offsite");
        String name = "Offsite " + UiFixtures.tag();

        mvc.perform(signUp(email, "Off", UiFixtures.PASSWORD, name, "UTC").param("continue", "//evil.example/steal"))
                .andExpect(redirectedUrl("/w/" + UiFixtures.slug(name)));
    }

    @Test
    void requiresTheCsrfToken() throws Exception {
        String email = UiFixtures.email("csrf");
        mvc.perform(post("/sign-up")
                        .param("email", email)
                        .param("displayName", "X")
                        .param("password", UiFixtures.PASSWORD)
                        .param("workspaceName", "Csrf " + UiFixtures.tag())
                        .param("timezone", "UTC"))
                .andExpect(status().isForbidden());
        assertThat(fixtures.usersWithEmail(email)).isZero();
    }

    private static MockHttpServletRequestBuilder signUp(
            String email, String displayName, String password, String workspaceName, String timezone) {
        return post("/sign-up")
                .with(csrf())
                .param("email", email)
                .param("displayName", displayName)
                .param("password", password)
                .param("workspaceName", workspaceName)
                .param("timezone", timezone);
    }
}
