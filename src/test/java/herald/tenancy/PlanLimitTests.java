package herald.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.Concurrently;
import herald.TenantFixtures;
import herald.identity.User;
import herald.shared.InvalidInput;
import herald.shared.LimitReached;
import herald.shared.WorkspaceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** A workspace has at most as many members as its plan allows: 3 on the free plan. */
@SpringBootTest
class PlanLimitTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    Plans plans;

    @Autowired
    Memberships memberships;

    @Autowired
    Invitations invitations;

    @Autowired
    Workspaces workspaces;

    TenantFixtures fixtures;
    WorkspaceId workspace;
    User owner;

    @BeforeEach
    void aWorkspaceOnTheFreePlan() {
        fixtures = TenantFixtures.of(context);
        SignUp.Result signedUp = fixtures.signUp("Limited", "free");
        workspace = signedUp.workspace().orElseThrow().id();
        owner = signedUp.user();
    }

    @Test
    void plansComeFromConfiguration() {
        assertThat(plans.names()).containsExactly("free", "basic", "pro", "enterprise");
        assertThat(plans.get("free").limits().members()).isEqualTo(3);
        assertThatThrownBy(() -> plans.get("platinum"))
                .isInstanceOf(InvalidInput.class)
                .hasMessage("Unknown plan 'platinum'. Choose one of: free, basic, pro, enterprise.");
    }

    @Test
    void theFourthMemberOfAFreeWorkspaceIsRefusedWithTheLimitNamed() {
        memberships.join(workspace, fixtures.user("Second").id(), Role.EDITOR, Map.of());
        IssuedInvitation lastSeat = invitations.invite(workspace, null, Role.VIEWER, owner.id());
        invitations.accept(lastSeat.token(), fixtures.user("Third").id());

        assertThatThrownBy(() ->
                        memberships.join(workspace, fixtures.user("Fourth").id(), Role.EDITOR, Map.of()))
                .isInstanceOfSatisfying(
                        LimitReached.class, e -> assertThat(e.limit()).isEqualTo("members"))
                .hasMessageContaining("The free plan allows 3 members");
        assertThatThrownBy(() -> invitations.invite(workspace, null, Role.EDITOR, owner.id()))
                .isInstanceOf(LimitReached.class);
        assertThat(memberships.count(workspace)).isEqualTo(3);
    }

    @Test
    void anInvitationIssuedBeforeTheWorkspaceFilledUpCannotTakeASeatItDoesNotHave() {
        IssuedInvitation early = invitations.invite(workspace, null, Role.VIEWER, owner.id());
        memberships.join(workspace, fixtures.user("Second").id(), Role.EDITOR, Map.of());
        memberships.join(workspace, fixtures.user("Third").id(), Role.EDITOR, Map.of());

        assertThatThrownBy(() -> invitations.accept(
                        early.token(), fixtures.user("Fourth").id()))
                .isInstanceOf(LimitReached.class);
        assertThat(memberships.count(workspace)).isEqualTo(3);
        assertThat(invitations.pending(workspace))
                .as("the refused acceptance used nothing up")
                .hasSize(1);
    }

    @Test
    void peopleJoiningAtOnceCannotTakeMoreSeatsThanThePlanHas() throws Exception {
        List<Callable<Void>> joins = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            User person = fixtures.user("Rush " + i);
            joins.add(() -> {
                memberships.join(workspace, person.id(), Role.VIEWER, Map.of());
                return null;
            });
        }
        var outcomes = Concurrently.run(joins);

        assertThat(outcomes).filteredOn(Concurrently.Outcome::succeeded).hasSize(2);
        assertThat(memberships.count(workspace)).isEqualTo(3);
    }

    @Test
    void movingToABiggerPlanMakesRoom() {
        memberships.join(workspace, fixtures.user("Second").id(), Role.EDITOR, Map.of());
        memberships.join(workspace, fixtures.user("Third").id(), Role.EDITOR, Map.of());
        workspaces.changePlan(workspace, "basic");

        memberships.join(workspace, fixtures.user("Fourth").id(), Role.EDITOR, Map.of());
        assertThat(memberships.count(workspace)).isEqualTo(4);
    }
}
