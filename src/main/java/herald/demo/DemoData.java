package herald.demo;

import herald.audit.Actor;
import herald.audit.AuditContext;
import herald.identity.User;
import herald.identity.Users;
import herald.identity.WeakPassword;
import herald.shared.WorkspaceId;
import herald.tenancy.WorkspaceMembership;
import herald.tenancy.WorkspaceRules;
import herald.tenancy.Workspaces;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Creates the demo owner and the demo workspaces that are missing, and nothing that is already there. Several nodes
 * may start at once against one database: a PostgreSQL advisory lock lets one of them seed at a time, and the others
 * then find everything in place.
 */
@Component
class DemoData {

    static final String EMAIL = "demo@herald.local";
    static final String DISPLAY_NAME = "Demo Owner";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final String LOCK = "hashtextextended('herald.demo-data', 0)";
    private static final char[] ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();

    private final DemoSettings settings;
    private final Users users;
    private final Workspaces workspaces;
    private final WorkspaceRules workspaceRules;
    private final DataSource dataSource;
    private final String publicUrl;
    private final SecureRandom random = new SecureRandom();

    DemoData(
            DemoSettings settings,
            Users users,
            Workspaces workspaces,
            WorkspaceRules workspaceRules,
            DataSource dataSource,
            @Value("${herald.public-url}") String publicUrl) {
        this.settings = settings;
        this.users = users;
        this.workspaces = workspaces;
        this.workspaceRules = workspaceRules;
        this.dataSource = dataSource;
        this.publicUrl = publicUrl;
    }

    /** Creates whatever of the demo data is missing. Safe to run any number of times, on any number of nodes. */
    void seed() {
        seed((workspace, demo) -> {});
    }

    /**
     * Creates whatever of the demo data is missing, then hands each demo workspace to {@code furnish} while still
     * holding the lock, so that what it adds is added by one node only.
     */
    void seed(BiConsumer<WorkspaceId, DemoWorkspace> furnish) {
        // A session-level lock on a connection of its own: the work below commits in transactions of its own.
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("select pg_advisory_lock(" + LOCK + ")");
            try (var ignored = AuditContext.bind(
                    new AuditContext.Origin(new Actor(Actor.Type.SYSTEM, null, "demo data"), null, null))) {
                seedWhileLocked(furnish);
            } finally {
                statement.execute("select pg_advisory_unlock(" + LOCK + ")");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the demo data lock", e);
        }
    }

    private void seedWhileLocked(BiConsumer<WorkspaceId, DemoWorkspace> furnish) {
        User owner = users.findByEmail(EMAIL).orElseGet(this::createOwner);
        Map<String, WorkspaceId> present = workspaces.of(owner.id()).stream()
                .collect(Collectors.toMap(WorkspaceMembership::name, WorkspaceMembership::id, (a, b) -> a));
        for (DemoWorkspace demo : DemoWorkspace.ALL) {
            WorkspaceId id = present.get(demo.name());
            if (id == null) {
                id = WorkspaceId.random();
                workspaces.create(
                        id,
                        new Workspaces.Details(demo.name(), demo.timezone(), demo.description()),
                        demo.plan(),
                        owner.id());
                // Only when it is made: an owner who turns it off later keeps it off.
                workspaceRules.shortenLinks(id, demo.shortensLinks());
                log.info("Demo workspace '{}' created for {}", demo.name(), EMAIL);
            }
            furnish.accept(id, demo);
        }
    }

    private User createOwner() {
        if (settings.passwordConfigured()) {
            try {
                User owner = users.register(EMAIL, DISPLAY_NAME, settings.password());
                log.info("Demo owner {} created with the password from HERALD_DEMO_PASSWORD", EMAIL);
                return owner;
            } catch (WeakPassword e) {
                throw new IllegalStateException("HERALD_DEMO_PASSWORD is not accepted: " + e.getMessage(), e);
            }
        }
        for (int attempt = 0; ; attempt++) {
            String password = generatedPassword();
            try {
                User owner = users.register(EMAIL, DISPLAY_NAME, password);
                // The only time this password exists outside the hash: printed once, never logged again.
                log.warn(
                        """

                        ============================================================================
                          Demo owner created. Sign in at {}/sign-in
                            email:    {}
                            password: {}
                          This password is shown only this once. Set HERALD_DEMO_PASSWORD to choose one.
                        ============================================================================""",
                        publicUrl,
                        EMAIL,
                        password);
                return owner;
            } catch (WeakPassword e) {
                if (attempt >= 3) {
                    throw e;
                }
            }
        }
    }

    /** Four groups of five unambiguous characters: easy to type, about 99 bits. */
    private String generatedPassword() {
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 5 == 0) {
                password.append('-');
            }
            password.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return password.toString();
    }
}
