package herald.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.Concurrently;
import herald.OwnerDatabase;
import herald.identity.User;
import herald.identity.Users;
import herald.tenancy.Role;
import herald.tenancy.Workspace;
import herald.tenancy.WorkspaceMembership;
import herald.tenancy.WorkspaceRules;
import herald.tenancy.Workspaces;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The demo owner and workspaces are created once, whether Herald starts again or several nodes start together, and a
 * generated password is printed exactly once. The test configuration turns start-up seeding off, so each test seeds
 * by hand from a clean slate.
 */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class DemoDataTests {

    static final Pattern PRINTED_PASSWORD = Pattern.compile("password: (\\S+)");

    @Autowired
    ApplicationContext context;

    @Autowired
    Users users;

    @Autowired
    Workspaces workspaces;

    @Autowired
    WorkspaceRules workspaceRules;

    @Autowired
    DataSource dataSource;

    @Autowired
    PasswordEncoder passwords;

    @Autowired
    FlywayConnectionDetails ownerDetails;

    JdbcClient owner;

    @BeforeEach
    @AfterEach
    void noDemoData() {
        owner = OwnerDatabase.jdbc(ownerDetails);
        DemoDataCleaner.remove(owner);
    }

    DemoData seeder(String password) {
        return new DemoData(
                new DemoSettings(true, password),
                users,
                workspaces,
                workspaceRules,
                dataSource,
                "http://localhost:8080");
    }

    User demoOwner() {
        return users.findByEmail(DemoData.EMAIL).orElseThrow();
    }

    String storedHash() {
        return owner.sql("select password_hash from users where email = :email")
                .param("email", DemoData.EMAIL)
                .query(String.class)
                .single();
    }

    @Test
    void seedingIsOffInTheTestConfiguration() {
        assertThat(context.getBeansOfType(ApplicationRunner.class)).doesNotContainKey("demoDataAtStartUp");
    }

    @Test
    void createsTheOwnerAndTwoWorkspacesAndPrintsAGeneratedPasswordOnce(CapturedOutput output) {
        seeder(null).seed();

        User demo = demoOwner();
        assertThat(demo.displayName()).isEqualTo("Demo Owner");
        List<WorkspaceMembership> owned = workspaces.of(demo.id());
        assertThat(owned).extracting(WorkspaceMembership::name).containsExactly("Hults Cafe", "Krusty Pizza");
        assertThat(owned).extracting(WorkspaceMembership::role).containsOnly(Role.OWNER);
        Workspace krusty = workspaces.require(owned.get(1).id());
        assertThat(krusty.timezone().getId()).isEqualTo("America/New_York");
        assertThat(krusty.plan()).isEqualTo("pro");
        assertThat(krusty.description()).contains("pizzeria");
        Workspace hults = workspaces.require(owned.get(0).id());
        assertThat(hults.timezone().getId()).isEqualTo("Europe/Stockholm");
        assertThat(hults.plan()).isEqualTo("basic");
        assertThat(workspaceRules.shortensLinks(krusty.id()))
                .as("Krusty shows short links")
                .isTrue();
        assertThat(workspaceRules.shortensLinks(hults.id())).isFalse();

        Matcher printed = PRINTED_PASSWORD.matcher(output.getOut() + output.getErr());
        assertThat(printed.find()).as("the generated password is in the log").isTrue();
        String password = printed.group(1);
        assertThat(passwords.matches(password, storedHash()))
                .as("the printed password signs in")
                .isTrue();
        assertThat(output.getAll()).doesNotContain(storedHash());

        seeder(null).seed();
        assertThat(output.getAll().split(Pattern.quote(password), -1))
                .as("the password is printed once, and not again at the next start")
                .hasSize(2);
        assertThat(PRINTED_PASSWORD.matcher(output.getAll()).results().count()).isOne();
    }

    @Test
    void aConfiguredPasswordIsUsedAndNeverPrinted(CapturedOutput output) {
        String configured = "krusty-krab-secret-sauce";
        seeder(configured).seed();

        assertThat(passwords.matches(configured, storedHash())).isTrue();
        assertThat(output.getAll()).doesNotContain(configured).doesNotContain(storedHash());
        assertThat(output.getAll()).contains("HERALD_DEMO_PASSWORD");
    }

    @Test
    void aWeakConfiguredPasswordStopsTheStartWithTheReason() {
        assertThatThrownBy(() -> seeder("demo").seed())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("HERALD_DEMO_PASSWORD is not accepted: Use at least 10 characters");
        assertThat(users.findByEmail(DemoData.EMAIL)).isEmpty();
    }

    @Test
    void seedingAgainCreatesNothingNew() {
        seeder("krusty-krab-secret-sauce").seed();
        var krusty = workspaces.of(demoOwner().id()).stream()
                .filter(w -> w.name().equals("Krusty Pizza"))
                .findFirst()
                .orElseThrow()
                .id();
        workspaceRules.shortenLinks(krusty, false); // an owner's choice, kept by every later start
        long events = auditEventsOfTheDemoWorkspaces();

        seeder("krusty-krab-secret-sauce").seed();
        seeder(null).seed();

        assertThat(workspaces.of(demoOwner().id())).hasSize(2);
        assertThat(auditEventsOfTheDemoWorkspaces()).isEqualTo(events);
        assertThat(workspaceRules.shortensLinks(krusty)).isFalse();
    }

    @Test
    void aMissingDemoWorkspaceIsCreatedAgain() {
        seeder("krusty-krab-secret-sauce").seed();
        WorkspaceMembership hults = workspaces.of(demoOwner().id()).getFirst();
        workspaces.delete(hults.id(), hults.name(), demoOwner().id());

        seeder("krusty-krab-secret-sauce").seed();

        assertThat(workspaces.of(demoOwner().id()))
                .extracting(WorkspaceMembership::name)
                .containsExactly("Hults Cafe", "Krusty Pizza");
    }

    @Test
    void nodesStartingTogetherCreateTheDataOnce() throws Exception {
        List<Callable<Void>> nodes = new ArrayList<>();
        for (int node = 0; node < 4; node++) {
            DemoData seeder = seeder("krusty-krab-secret-sauce");
            nodes.add(() -> {
                seeder.seed();
                return null;
            });
        }

        var outcomes = Concurrently.run(nodes);

        assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
        assertThat(owner.sql("select count(*) from users where email = :email")
                        .param("email", DemoData.EMAIL)
                        .query(Long.class)
                        .single())
                .isOne();
        assertThat(owner.sql("select count(*) from workspaces where name in ('Krusty Pizza', 'Hults Cafe')"
                                + " and id in (select workspace_id from memberships where user_id = :user)")
                        .param("user", demoOwner().id().value())
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    long auditEventsOfTheDemoWorkspaces() {
        return owner.sql("select count(*) from audit_events where workspace_id in"
                        + " (select workspace_id from memberships m join users u on u.id = m.user_id"
                        + " where u.email = :email)")
                .param("email", DemoData.EMAIL)
                .query(Long.class)
                .single();
    }
}
