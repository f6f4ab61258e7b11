package herald.web.ui;

import static herald.web.ui.UiFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import herald.identity.User;
import herald.tenancy.Invitations;
import herald.tenancy.Role;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@UiTest
class InvitationPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UiFixtures fixtures;

    @Autowired
    Invitations invitations;

    @Test
    void previewsTheInvitationForSomeoneNotSignedIn() throws Exception {
        var team = fixtures.team();
        String token = invite(team, null, Role.EDITOR);

        mvc.perform(get("/invitations/" + token))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(content()
                        .string(containsString("Join <span>" + team.workspace().name() + "</span>")))
                .andExpect(content().string(containsString(">editor<")))
                .andExpect(content().string(containsString(team.owner().displayName())))
                .andExpect(content().string(containsString("in 7 days")))
                .andExpect(content().string(containsString("/sign-up?continue=/invitations/" + token)))
                .andExpect(content().string(containsString("/sign-in?continue=/invitations/" + token)));
    }

    @Test
    void acceptingJoinsTheWorkspaceWithTheInvitedRole() throws Exception {
        var team = fixtures.team();
        String token = invite(team, null, Role.EDITOR);
        User bart = fixtures.person("Bart");

        mvc.perform(get("/invitations/" + token).with(as(bart)))
                .andExpect(content().string(containsString("Accept and join")));
        mvc.perform(post("/invitations/" + token + "/accept").with(csrf()).with(as(bart)))
                .andExpect(redirectedUrl(team.path()));

        assertThat(fixtures.memberships.roleOf(team.workspace().id(), bart.id()))
                .contains(Role.EDITOR);
    }

    @Test
    void aUsedInvitationSaysSoAndLetsNobodyElseIn() throws Exception {
        var team = fixtures.team();
        String token = invite(team, null, Role.VIEWER);
        User first = fixtures.person("First");
        User second = fixtures.person("Second");
        mvc.perform(post("/invitations/" + token + "/accept").with(csrf()).with(as(first)))
                .andExpect(status().is3xxRedirection());

        mvc.perform(post("/invitations/" + token + "/accept").with(csrf()).with(as(second)))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString("This invitation has already been used.")));
        mvc.perform(get("/invitations/" + token))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString("already been used")));

        assertThat(fixtures.memberships.roleOf(team.workspace().id(), second.id()))
                .isEmpty();
    }

    @Test
    void anExpiredInvitationSaysSoAndCannotBeAccepted() throws Exception {
        var team = fixtures.team();
        var issued = invitations.invite(
                team.workspace().id(), null, Role.EDITOR, team.owner().id());
        // The runtime role obeys row-level security: touch the row inside its workspace.
        fixtures.tenants.run(team.workspace().id(), () -> fixtures.jdbc
                .sql("update invitations set expires_at = now() - interval '1 minute' where id = :id")
                .param("id", issued.invitation().id())
                .update());
        User late = fixtures.person("Late");

        mvc.perform(get("/invitations/" + issued.token()))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString("This invitation has expired.")));
        mvc.perform(post("/invitations/" + issued.token() + "/accept")
                        .with(csrf())
                        .with(as(late)))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString("This invitation has expired.")));

        assertThat(fixtures.memberships.roleOf(team.workspace().id(), late.id()))
                .isEmpty();
    }

    @Test
    void aWithdrawnInvitationSaysSo() throws Exception {
        var team = fixtures.team();
        var issued = invitations.invite(
                team.workspace().id(), null, Role.EDITOR, team.owner().id());
        invitations.revoke(team.workspace().id(), issued.invitation().id());

        mvc.perform(get("/invitations/" + issued.token()))
                .andExpect(status().isGone())
                .andExpect(content().string(containsString("This invitation was withdrawn.")));
    }

    @Test
    void anUnknownLinkSaysItIsNotValid() throws Exception {
        mvc.perform(get("/invitations/" + UUID.randomUUID()))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("This invitation link is not valid.")));
    }

    @Test
    void anInvitationForAnotherEmailWarnsAndRefuses() throws Exception {
        var team = fixtures.team();
        String token = invite(team, "someone-else@example.com", Role.EDITOR);
        User wrong = fixtures.person("Wrong");

        mvc.perform(get("/invitations/" + token).with(as(wrong)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("This invitation is for <strong>someone-else@example.com")));
        mvc.perform(post("/invitations/" + token + "/accept").with(csrf()).with(as(wrong)))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("This invitation is for another email address.")));
        assertThat(fixtures.memberships.roleOf(team.workspace().id(), wrong.id()))
                .isEmpty();
    }

    @Test
    void acceptingWhileSignedOutLeadsToSignInAndBack() throws Exception {
        var team = fixtures.team();
        String token = invite(team, null, Role.EDITOR);

        mvc.perform(post("/invitations/" + token + "/accept").with(csrf()))
                .andExpect(redirectedUrl("/sign-in?continue=%2Finvitations%2F" + token));
    }

    @Test
    void aFullWorkspaceRefusesTheNewMemberWithThePlansLimit() throws Exception {
        var team = fixtures.team();
        String token = invite(team, null, Role.VIEWER);
        fixtures.member(team, Role.EDITOR);
        fixtures.member(team, Role.EDITOR);
        User fourth = fixtures.person("Fourth");

        mvc.perform(post("/invitations/" + token + "/accept").with(csrf()).with(as(fourth)))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("The free plan allows 3 members")));
        assertThat(fixtures.memberships.roleOf(team.workspace().id(), fourth.id()))
                .isEmpty();
    }

    @Test
    void acceptingNeedsTheCsrfToken() throws Exception {
        var team = fixtures.team();
        String token = invite(team, null, Role.EDITOR);
        User bart = fixtures.person("Bart");

        mvc.perform(post("/invitations/" + token + "/accept").with(as(bart))).andExpect(status().isForbidden());
        assertThat(fixtures.memberships.roleOf(team.workspace().id(), bart.id()))
                .isEmpty();
    }

    private String invite(UiFixtures.Team team, @Nullable String email, Role role) {
        return invitations
                .invite(team.workspace().id(), email, role, team.owner().id())
                .token();
    }
}
