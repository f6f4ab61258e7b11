package herald.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.OwnerDatabase;
import herald.TenantFixtures;
import herald.identity.EmailAlreadyRegistered;
import herald.identity.Users;
import herald.identity.WeakPassword;
import herald.shared.InvalidInput;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sign-up creates the account and its workspace together, or neither. */
@SpringBootTest
class SignUpTests {

    static final String EXPLODING_NAME = "Fails After The User Insert";

    @Autowired
    SignUp signUp;

    @Autowired
    Users users;

    @Autowired
    FlywayConnectionDetails ownerDetails;

    JdbcClient owner;

    @BeforeEach
    void ownerConnection() {
        owner = OwnerDatabase.jdbc(ownerDetails);
    }

    SignUp.Form form(String email, String workspaceName) {
        return new SignUp.Form(email, TenantFixtures.PASSWORD, "New Person", workspaceName, "America/New_York");
    }

    long workspacesNamed(String name) {
        return owner.sql("select count(*) from workspaces where name = :name")
                .param("name", name)
                .query(Long.class)
                .single();
    }

    @Test
    void signUpCreatesTheUserTheirWorkspaceAndTheirOwnership() {
        String email = TenantFixtures.uniqueEmail("newcomer");
        SignUp.Result result = signUp.signUp(form(email, "Newcomer Bakery"), "free");

        Workspace workspace = result.workspace().orElseThrow();
        assertThat(workspace.slug()).startsWith("newcomer-bakery");
        assertThat(workspace.timezone().getId()).isEqualTo("America/New_York");
        assertThat(users.findByEmail(email)).isPresent();
        assertThat(owner.sql("select role from memberships where workspace_id = :w and user_id = :u")
                        .param("w", workspace.id().value())
                        .param("u", result.user().id().value())
                        .query(String.class)
                        .single())
                .isEqualTo("owner");
        assertThat(owner.sql("select action from audit_events where workspace_id = :w order by seq")
                        .param("w", workspace.id().value())
                        .query(String.class)
                        .list())
                .containsExactly("workspace.created", "user.signed_up");
    }

    @Test
    void aFailureAfterTheUserInsertLeavesNeitherUserNorWorkspace() {
        // A trigger makes the workspace insert fail, after the user row was written in the same transaction.
        owner.sql(
                        """
                        create or replace function herald_test_refuse_workspace() returns trigger language plpgsql as $$
                        begin raise exception 'refused by test'; end $$""")
                .update();
        owner.sql(
                        """
                        create trigger herald_test_refuse_workspace before insert on workspaces for each row
                        when (new.name = '%s') execute function herald_test_refuse_workspace()"""
                                .formatted(EXPLODING_NAME))
                .update();
        String email = TenantFixtures.uniqueEmail("atomic");
        try {
            assertThatThrownBy(() -> signUp.signUp(form(email, EXPLODING_NAME), "free"))
                    .hasStackTraceContaining("refused by test");
        } finally {
            owner.sql("drop trigger herald_test_refuse_workspace on workspaces").update();
            owner.sql("drop function herald_test_refuse_workspace()").update();
        }

        assertThat(users.findByEmail(email)).isEmpty();
        assertThat(workspacesNamed(EXPLODING_NAME)).isZero();
        assertThat(signUp.signUp(form(email, "Second Try"), "free").workspace())
                .as("the email is free to sign up again")
                .isPresent();
    }

    @Test
    void aRejectedSignUpCreatesNothing() {
        String email = TenantFixtures.uniqueEmail("rejected");
        assertThatThrownBy(() -> signUp.signUp(
                        new SignUp.Form(email, "short", "Rejected", "Rejected Co", "Europe/Paris"), "free"))
                .isInstanceOf(WeakPassword.class);
        assertThatThrownBy(() -> signUp.signUp(form(email, "Rejected Co"), "platinum"))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("plan"));
        assertThatThrownBy(() -> signUp.signUp(
                        new SignUp.Form(email, TenantFixtures.PASSWORD, "Rejected", "Rejected Co", "Mars/Olympus"),
                        "free"))
                .isInstanceOfSatisfying(
                        InvalidInput.class, e -> assertThat(e.field()).isEqualTo("timezone"));
        assertThat(users.findByEmail(email)).isEmpty();
        assertThat(workspacesNamed("Rejected Co")).isZero();
    }

    @Test
    void anEmailSignsUpOnlyOnceWhateverItsCase() {
        String email = TenantFixtures.uniqueEmail("twice");
        signUp.signUp(form(email, "First"), "free");
        assertThatThrownBy(() -> signUp.signUp(form(email.toUpperCase(), "Second"), "free"))
                .isInstanceOf(EmailAlreadyRegistered.class);
    }
}
