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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import herald.audit.AuditLog;
import herald.audit.AuditQuery;
import herald.tenancy.Invitations;
import herald.tenancy.Role;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.servlet.MockMvc;

@UiTest
class MembersPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UiFixtures fixtures;

    @Autowired
    Invitations invitations;

    @Autowired
    AuditLog audit;

    @Value("${herald.public-url}")
    String publicUrl;

    @Test
    void listsMembersWithTheirRoles() throws Exception {
        var team = fixtures.team();
        var editor = fixtures.member(team, Role.EDITOR);

        mvc.perform(get(team.path() + "/members").with(as(team.owner())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(team.owner().email())))
                .andExpect(content().string(containsString(editor.email())))
                .andExpect(content().string(containsString("2 of 3 seats used on the Free plan.")));
    }

    @Test
    void theLastOwnerCannotLeaveAndIsToldWhy() throws Exception {
        var team = fixtures.team();

        mvc.perform(post(team.path() + "/members/leave").with(csrf()).with(as(team.owner())))
                .andExpect(redirectedUrl(team.path() + "/members"))
                .andExpect(flash().attribute("problem", containsString("The last owner cannot be removed")));

        assertThat(fixtures.memberships.roleOf(
                        team.workspace().id(), team.owner().id()))
                .contains(Role.OWNER);
    }

    @Test
    void theLastOwnerCannotDemoteThemselves() throws Exception {
        var team = fixtures.team();

        mvc.perform(post(team.path() + "/members/" + team.owner().id() + "/role")
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("role", "admin"))
                .andExpect(flash().attribute("problem", containsString("The last owner cannot be demoted")));
        assertThat(fixtures.memberships.roleOf(
                        team.workspace().id(), team.owner().id()))
                .contains(Role.OWNER);
    }

    @Test
    void anyMemberMayLeave() throws Exception {
        var team = fixtures.team();
        var viewer = fixtures.member(team, Role.VIEWER);

        mvc.perform(post(team.path() + "/members/leave").with(csrf()).with(as(viewer)))
                .andExpect(redirectedUrl("/"))
                .andExpect(flash().attribute(
                                "notice", "You left " + team.workspace().name() + "."));

        assertThat(fixtures.memberships.roleOf(team.workspace().id(), viewer.id()))
                .isEmpty();
    }

    @Test
    void adminsChangeRolesButOnlyOwnersMakeOrUnmakeOwners() throws Exception {
        var team = fixtures.team();
        var admin = fixtures.member(team, Role.ADMIN);
        var editor = fixtures.member(team, Role.EDITOR);

        mvc.perform(post(team.path() + "/members/" + editor.id() + "/role")
                        .with(csrf())
                        .with(as(admin))
                        .param("role", "viewer"))
                .andExpect(redirectedUrl(team.path() + "/members"))
                .andExpect(flash().attribute("notice", editor.displayName() + " is now a viewer."));
        assertThat(fixtures.memberships.roleOf(team.workspace().id(), editor.id()))
                .contains(Role.VIEWER);

        mvc.perform(post(team.path() + "/members/" + editor.id() + "/role")
                        .with(csrf())
                        .with(as(admin))
                        .param("role", "owner"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("This needs the <strong>owner</strong> role")));
        mvc.perform(post(team.path() + "/members/" + team.owner().id() + "/role")
                        .with(csrf())
                        .with(as(admin))
                        .param("role", "viewer"))
                .andExpect(status().isForbidden());
        mvc.perform(post(team.path() + "/members/" + team.owner().id() + "/remove")
                        .with(csrf())
                        .with(as(admin)))
                .andExpect(status().isForbidden());
        assertThat(fixtures.memberships.roleOf(
                        team.workspace().id(), team.owner().id()))
                .contains(Role.OWNER);

        mvc.perform(post(team.path() + "/members/" + editor.id() + "/role")
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("role", "owner"))
                .andExpect(status().is3xxRedirection());
        assertThat(fixtures.memberships.roleOf(team.workspace().id(), editor.id()))
                .contains(Role.OWNER);
        assertThat(audit.find(team.workspace().id(), AuditQuery.latest(5)))
                .extracting(e -> e.action())
                .contains("member.role_changed");
    }

    @Test
    void editorsCannotChangeRolesOrRemoveMembers() throws Exception {
        var team = fixtures.team();
        var editor = fixtures.member(team, Role.EDITOR);
        var viewer = fixtures.member(team, Role.VIEWER);

        mvc.perform(post(team.path() + "/members/" + viewer.id() + "/role")
                        .with(csrf())
                        .with(as(editor))
                        .param("role", "admin"))
                .andExpect(status().isForbidden());
        mvc.perform(post(team.path() + "/members/" + viewer.id() + "/remove")
                        .with(csrf())
                        .with(as(editor)))
                .andExpect(status().isForbidden());
        assertThat(fixtures.memberships.roleOf(team.workspace().id(), viewer.id()))
                .contains(Role.VIEWER);
    }

    @Test
    void adminsRemoveMembers() throws Exception {
        var team = fixtures.team();
        var editor = fixtures.member(team, Role.EDITOR);

        mvc.perform(post(team.path() + "/members/" + editor.id() + "/remove")
                        .with(csrf())
                        .with(as(team.owner())))
                .andExpect(flash().attribute("notice", editor.displayName() + " was removed from the workspace."));
        assertThat(fixtures.memberships.roleOf(team.workspace().id(), editor.id()))
                .isEmpty();
    }

    @Test
    void anInvitationLinkIsShownOnceAndNeverStored() throws Exception {
        var team = fixtures.team();

        String page = mvc.perform(post(team.path() + "/invitations")
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("email", "Marge@Example.com")
                        .param("role", "editor"))
                .andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(content().string(containsString("Invitation link ready")))
                .andExpect(content().string(containsString("marge@example.com")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var link = Pattern.compile("value=\"(" + Pattern.quote(publicUrl) + "/invitations/([^\"]+))\"")
                .matcher(page);
        assertThat(link.find()).isTrue();
        String token = link.group(2);
        assertThat(invitations.preview(token).role()).isEqualTo(Role.EDITOR);

        mvc.perform(get(team.path() + "/members").with(as(team.owner())))
                .andExpect(content().string(not(containsString(token))))
                .andExpect(content().string(containsString("marge@example.com")));
        assertThat(audit.find(team.workspace().id(), AuditQuery.latest(5)).toString())
                .contains("member.invited")
                .doesNotContain(token);
    }

    @Test
    void aFullPlanRefusesToInviteWithAReadableMessage() throws Exception {
        var team = fixtures.team();
        fixtures.member(team, Role.EDITOR);
        fixtures.member(team, Role.VIEWER);

        mvc.perform(post(team.path() + "/invitations")
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("role", "editor"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("The free plan allows 3 members")))
                .andExpect(content().string(not(containsString("Invitation link ready"))));
        assertThat(invitations.pending(team.workspace().id())).isEmpty();
    }

    @Test
    void aBadEmailIsShownNextToItsField() throws Exception {
        var team = fixtures.team();

        mvc.perform(post(team.path() + "/invitations")
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("email", "not an email")
                        .param("role", "viewer"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"email-error\"")))
                .andExpect(content().string(containsString("Enter a valid email address")));
        assertThat(invitations.pending(team.workspace().id())).isEmpty();
    }

    @Test
    void editorsCannotInvite() throws Exception {
        var team = fixtures.team();
        var editor = fixtures.member(team, Role.EDITOR);

        mvc.perform(post(team.path() + "/invitations")
                        .with(csrf())
                        .with(as(editor))
                        .param("role", "viewer"))
                .andExpect(status().isForbidden());
        assertThat(invitations.pending(team.workspace().id())).isEmpty();
    }

    @Test
    void withdrawingAnInvitationKillsItsLink() throws Exception {
        var team = fixtures.team();
        var issued = invitations.invite(
                team.workspace().id(), null, Role.EDITOR, team.owner().id());

        mvc.perform(post(team.path() + "/invitations/" + issued.invitation().id() + "/revoke")
                        .with(csrf())
                        .with(as(team.owner())))
                .andExpect(redirectedUrl(team.path() + "/members"))
                .andExpect(flash().attribute("notice", startsWith("The invitation was withdrawn")));
        assertThat(invitations.pending(team.workspace().id())).isEmpty();
    }

    @Test
    void everyChangeNeedsTheCsrfToken() throws Exception {
        var team = fixtures.team();
        var editor = fixtures.member(team, Role.EDITOR);

        mvc.perform(post(team.path() + "/members/" + editor.id() + "/remove").with(as(team.owner())))
                .andExpect(status().isForbidden());
        mvc.perform(post(team.path() + "/invitations").with(as(team.owner())).param("role", "viewer"))
                .andExpect(status().isForbidden());
        assertThat(fixtures.memberships.roleOf(team.workspace().id(), editor.id()))
                .contains(Role.EDITOR);
        assertThat(invitations.pending(team.workspace().id())).isEmpty();
    }
}
