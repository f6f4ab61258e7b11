package herald.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.Concurrently;
import herald.OwnerDatabase;
import herald.TenantFixtures;
import herald.identity.User;
import herald.shared.InvalidInput;
import herald.shared.WorkspaceId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An invitation link works once, before it expires, for the person it names. */
@SpringBootTest
class InvitationsTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    Invitations invitations;

    @Autowired
    Memberships memberships;

    @Autowired
    FlywayConnectionDetails ownerDetails;

    TenantFixtures fixtures;
    WorkspaceId workspace;
    User owner;

    @BeforeEach
    void aWorkspace() {
        fixtures = TenantFixtures.of(context);
        SignUp.Result signedUp = fixtures.signUp("Inviting", "pro");
        workspace = signedUp.workspace().orElseThrow().id();
        owner = signedUp.user();
    }

    InvitationUnusable.Reason refusal(String token, User user) {
        try {
            invitations.accept(token, user.id());
        } catch (InvitationUnusable e) {
            return e.reason();
        }
        throw new AssertionError("the invitation was accepted");
    }

    @Test
    void anInvitationMakesAMemberWithItsRoleOnce() {
        User invitee = fixtures.user("Invitee");
        IssuedInvitation issued = invitations.invite(workspace, invitee.email(), Role.EDITOR, owner.id());
        assertThat(invitations.preview(issued.token()).role()).isEqualTo(Role.EDITOR);

        assertThat(invitations.accept(issued.token(), invitee.id())).isEqualTo(workspace);

        assertThat(memberships.roleOf(workspace, invitee.id())).contains(Role.EDITOR);
        assertThat(refusal(issued.token(), invitee)).isEqualTo(InvitationUnusable.Reason.USED);
        assertThat(refusal(issued.token(), fixtures.user("Latecomer"))).isEqualTo(InvitationUnusable.Reason.USED);
        assertThat(invitations.pending(workspace)).isEmpty();
    }

    @Test
    void twoPeopleAcceptingOneLinkAtOnceMakeOneMember() throws Exception {
        IssuedInvitation issued = invitations.invite(workspace, null, Role.VIEWER, owner.id());
        List<User> people = new ArrayList<>();
        List<Callable<WorkspaceId>> accepts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            User person = fixtures.user("Racer " + i);
            people.add(person);
            accepts.add(() -> invitations.accept(issued.token(), person.id()));
        }
        int before = memberships.count(workspace);

        var outcomes = Concurrently.run(accepts);

        assertThat(outcomes).filteredOn(Concurrently.Outcome::succeeded).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !o.succeeded()).allSatisfy(o -> assertThat(o.failure())
                .isInstanceOfSatisfying(InvitationUnusable.class, e -> assertThat(e.reason())
                        .isEqualTo(InvitationUnusable.Reason.USED)));
        assertThat(memberships.count(workspace)).isEqualTo(before + 1);
        assertThat(people.stream()
                        .filter(p -> memberships.roleOf(workspace, p.id()).isPresent()))
                .hasSize(1);
    }

    @Test
    void anExpiredInvitationIsRefusedAndSaysSo() {
        IssuedInvitation issued = invitations.invite(workspace, null, Role.EDITOR, owner.id());
        JdbcClient ownerJdbc = OwnerDatabase.jdbc(ownerDetails);
        ownerJdbc
                .sql("update invitations set expires_at = now() - interval '1 minute' where id = :id")
                .param("id", issued.invitation().id())
                .update();
        User late = fixtures.user("Late");

        assertThatThrownBy(() -> invitations.preview(issued.token()))
                .isInstanceOfSatisfying(InvitationUnusable.class, e -> assertThat(e.reason())
                        .isEqualTo(InvitationUnusable.Reason.EXPIRED))
                .hasMessageContaining("expired");
        assertThat(refusal(issued.token(), late)).isEqualTo(InvitationUnusable.Reason.EXPIRED);
        assertThat(memberships.roleOf(workspace, late.id())).isEmpty();
    }

    @Test
    void aRevokedInvitationIsRefused() {
        IssuedInvitation issued = invitations.invite(workspace, null, Role.EDITOR, owner.id());
        invitations.revoke(workspace, issued.invitation().id());
        assertThat(refusal(issued.token(), fixtures.user("Revoked"))).isEqualTo(InvitationUnusable.Reason.REVOKED);
    }

    @Test
    void anUnknownOrMangledTokenIsRefused() {
        User someone = fixtures.user("Guesser");
        assertThat(refusal("not-a-token", someone)).isEqualTo(InvitationUnusable.Reason.UNKNOWN);
        assertThat(refusal("", someone)).isEqualTo(InvitationUnusable.Reason.UNKNOWN);
        assertThat(refusal("x".repeat(500), someone)).isEqualTo(InvitationUnusable.Reason.UNKNOWN);
    }

    @Test
    void anInvitationForAnEmailIsOnlyForThatPerson() {
        User invitee = fixtures.user("Named");
        IssuedInvitation issued = invitations.invite(workspace, invitee.email(), Role.EDITOR, owner.id());
        User other = fixtures.user("Other");

        assertThat(refusal(issued.token(), other)).isEqualTo(InvitationUnusable.Reason.OTHER_EMAIL);
        assertThat(invitations.accept(issued.token(), invitee.id())).isEqualTo(workspace);
    }

    @Test
    void nobodyIsInvitedStraightAsOwner() {
        assertThatThrownBy(() -> invitations.invite(workspace, null, Role.OWNER, owner.id()))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void anInvitationOfOneWorkspaceIsInvisibleFromAnother() {
        IssuedInvitation issued = invitations.invite(workspace, null, Role.EDITOR, owner.id());
        WorkspaceId other =
                fixtures.signUp("Elsewhere", "pro").workspace().orElseThrow().id();
        assertThat(invitations.find(other, issued.invitation().id())).isEmpty();
        assertThat(invitations.pending(other)).isEmpty();
    }
}
