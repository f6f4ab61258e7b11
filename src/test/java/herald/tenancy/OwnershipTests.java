package herald.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.Concurrently;
import herald.TenantFixtures;
import herald.identity.User;
import herald.shared.Conflict;
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
        memberships.changeRole(workspace, other.id(), Role.OWNER);
        return other;
    }

    long owners() {
        return memberships.list(workspace).stream()
                .filter(m -> m.role() == Role.OWNER)
                .count();
    }

    @Test
    void theLastOwnerCannotLeave() {
        assertThatThrownBy(() -> memberships.remove(workspace, owner.id()))
                .isInstanceOf(Conflict.class)
                .hasMessageStartingWith("The last owner cannot be removed.");
        assertThat(memberships.roleOf(workspace, owner.id())).contains(Role.OWNER);
    }

    @Test
    void theLastOwnerCannotBeDemoted() {
        assertThatThrownBy(() -> memberships.changeRole(workspace, owner.id(), Role.ADMIN))
                .isInstanceOf(Conflict.class)
                .hasMessageStartingWith("The last owner cannot be demoted.");
        assertThat(memberships.roleOf(workspace, owner.id())).contains(Role.OWNER);
    }

    @Test
    void anOwnerMayLeaveOrBeDemotedWhileAnotherOwnerRemains() {
        User other = secondOwner();
        memberships.changeRole(workspace, owner.id(), Role.EDITOR);
        assertThat(memberships.roleOf(workspace, owner.id())).contains(Role.EDITOR);
        assertThatThrownBy(() -> memberships.remove(workspace, other.id())).isInstanceOf(Conflict.class);
        memberships.changeRole(workspace, owner.id(), Role.OWNER);
        memberships.remove(workspace, other.id());
        assertThat(memberships.roleOf(workspace, other.id())).isEmpty();
        assertThat(owners()).isOne();
    }

    @Test
    void twoOwnersDemotingEachOtherAtOnceLeaveOneOwner() throws Exception {
        for (int round = 0; round < 5; round++) {
            User other = secondOwner();
            var outcomes = Concurrently.run(
                    () -> {
                        memberships.changeRole(workspace, other.id(), Role.ADMIN);
                        return null;
                    },
                    () -> {
                        memberships.changeRole(workspace, owner.id(), Role.ADMIN);
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
                memberships.remove(workspace, other.id());
            }
        }
    }

    @Test
    void twoOwnersLeavingAtOnceLeaveOneOwner() throws Exception {
        User other = secondOwner();
        var outcomes = Concurrently.run(
                () -> {
                    memberships.remove(workspace, other.id());
                    return null;
                },
                () -> {
                    memberships.remove(workspace, owner.id());
                    return null;
                });
        assertThat(outcomes).filteredOn(Concurrently.Outcome::succeeded).hasSize(1);
        assertThat(owners()).isOne();
    }
}
