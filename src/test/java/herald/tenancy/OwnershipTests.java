package herald.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.Concurrently;
import herald.TenantFixtures;
import herald.identity.User;
import herald.shared.Conflict;
import herald.shared.NotPermitted;
import herald.shared.WorkspaceId;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** A workspace always keeps at least one owner, however members leave or are demoted, and at whatever moment. */
@SpringBootTest
class OwnershipTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    Memberships memberships;

    TenantFixtures fixtures;
    WorkspaceId workspace;
    User owner;

    @BeforeEach
    void aWorkspaceWithOneOwner() {
        fixtures = TenantFixtures.of(context);
        SignUp.Result signedUp = fixtures.signUp("Ownership", "pro");
        workspace = signedUp.workspace().orElseThrow().id();
        owner = signedUp.user();
    }

    User secondOwner() {
        User other = fixtures.user("Second owner");
        memberships.join(workspace, other.id(), Role.ADMIN, Map.of());
        memberships.changeRole(workspace, other.id(), Role.OWNER, Role.OWNER);
        return other;
    }

    long owners() {
        return memberships.list(workspace).stream()
                .filter(m -> m.role() == Role.OWNER)
                .count();
    }

    @Test
    void onlyAnOwnerMakesOrUnmakesAnOwner() {
        User admin = fixtures.user("Ambitious admin");
        memberships.join(workspace, admin.id(), Role.ADMIN, Map.of());
        User other = secondOwner();

        assertThatThrownBy(() -> memberships.changeRole(workspace, admin.id(), Role.OWNER, Role.ADMIN))
                .isInstanceOf(NotPermitted.class);
        assertThatThrownBy(() -> memberships.changeRole(workspace, other.id(), Role.EDITOR, Role.ADMIN))
                .isInstanceOf(NotPermitted.class);
        assertThatThrownBy(() -> memberships.remove(workspace, other.id(), Role.ADMIN))
                .isInstanceOf(NotPermitted.class);
        assertThat(memberships.roleOf(workspace, admin.id())).contains(Role.ADMIN);
        assertThat(owners()).isEqualTo(2);

        memberships.leave(workspace, other.id());
        assertThat(owners()).isEqualTo(1);
    }

    @Test
    void theLastOwnerCannotLeave() {
        assertThatThrownBy(() -> memberships.remove(workspace, owner.id(), Role.OWNER))
                .isInstanceOf(Conflict.class)
                .hasMessageStartingWith("The last owner cannot be removed.");
        assertThat(memberships.roleOf(workspace, owner.id())).contains(Role.OWNER);
    }

    @Test
    void theLastOwnerCannotBeDemoted() {
        assertThatThrownBy(() -> memberships.changeRole(workspace, owner.id(), Role.ADMIN, Role.OWNER))
                .isInstanceOf(Conflict.class)
                .hasMessageStartingWith("The last owner cannot be demoted.");
        assertThat(memberships.roleOf(workspace, owner.id())).contains(Role.OWNER);
    }

    @Test
    void anOwnerMayLeaveOrBeDemotedWhileAnotherOwnerRemains() {
        User other = secondOwner();
        memberships.changeRole(workspace, owner.id(), Role.EDITOR, Role.OWNER);
        assertThat(memberships.roleOf(workspace, owner.id())).contains(Role.EDITOR);
        assertThatThrownBy(() -> memberships.remove(workspace, other.id(), Role.OWNER))
                .isInstanceOf(Conflict.class);
        memberships.changeRole(workspace, owner.id(), Role.OWNER, Role.OWNER);
        memberships.remove(workspace, other.id(), Role.OWNER);
        assertThat(memberships.roleOf(workspace, other.id())).isEmpty();
        assertThat(owners()).isOne();
    }

    @Test
    void twoOwnersDemotingEachOtherAtOnceLeaveOneOwner() throws Exception {
        for (int round = 0; round < 5; round++) {
            User other = secondOwner();
            var outcomes = Concurrently.run(
                    () -> {
                        memberships.changeRole(workspace, other.id(), Role.ADMIN, Role.OWNER);
                        return null;
                    },
                    () -> {
                        memberships.changeRole(workspace, owner.id(), Role.ADMIN, Role.OWNER);
                        return null;
                    });
            assertThat(outcomes).filteredOn(Concurrently.Outcome::succeeded).hasSize(1);
            assertThat(outcomes).filteredOn(o -> !o.succeeded()).singleElement().satisfies(o -> assertThat(o.failure())
                    .isInstanceOf(Conflict.class));
            assertThat(owners()).isOne();
            // Whoever is still owner carries on as "owner" for the next round.
            if (memberships.roleOf(workspace, owner.id()).orElseThrow() != Role.OWNER) {
                owner = other;
            } else {
                memberships.remove(workspace, other.id(), Role.OWNER);
            }
        }
    }

    @Test
    void twoOwnersLeavingAtOnceLeaveOneOwner() throws Exception {
        User other = secondOwner();
        var outcomes = Concurrently.run(
                () -> {
                    memberships.remove(workspace, other.id(), Role.OWNER);
                    return null;
                },
                () -> {
                    memberships.remove(workspace, owner.id(), Role.OWNER);
                    return null;
                });
        assertThat(outcomes).filteredOn(Concurrently.Outcome::succeeded).hasSize(1);
        assertThat(owners()).isOne();
    }
}
