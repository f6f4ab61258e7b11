package herald;

import herald.assets.Assets;
import herald.assets.Folders;
import herald.assets.SampleMedia;
import herald.assets.Upload;
import herald.database.TenantScope;
import herald.identity.ApiKeyScope;
import herald.identity.ApiKeys;
import herald.identity.IssuedApiKey;
import herald.identity.User;
import herald.identity.Users;
import herald.shared.WorkspaceId;
import herald.tenancy.Invitations;
import herald.tenancy.IssuedInvitation;
import herald.tenancy.Role;
import herald.tenancy.SignUp;
import herald.tenancy.Workspace;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Workspaces with a row in every tenant table, made through the domain services as a user would make them: an owner
 * who signed up, a member who joined by invitation, an open invitation, an API key, an asset in a default folder,
 * and the audit entries of all that.
 */
public final class TenantFixtures {

    public static final String PASSWORD = "quiet-harbour-lantern-42";

    private final SignUp signUp;
    private final Users users;
    private final Invitations invitations;
    private final ApiKeys apiKeys;
    private final TenantScope tenants;
    private final JdbcClient jdbc;
    private final Folders folders;
    private final Assets assets;

    private TenantFixtures(ApplicationContext context) {
        this.signUp = context.getBean(SignUp.class);
        this.users = context.getBean(Users.class);
        this.invitations = context.getBean(Invitations.class);
        this.apiKeys = context.getBean(ApiKeys.class);
        this.tenants = context.getBean(TenantScope.class);
        this.jdbc = context.getBean(JdbcClient.class);
        this.folders = context.getBean(Folders.class);
        this.assets = context.getBean(Assets.class);
    }

    public static TenantFixtures of(ApplicationContext context) {
        return new TenantFixtures(context);
    }

    /** A workspace, its owner, a member, an open invitation and an API key. */
    public record Tenant(
            Workspace workspace, User owner, User member, IssuedInvitation openInvitation, IssuedApiKey key) {

        public WorkspaceId id() {
            return workspace.id();
        }
    }

    public static String uniqueEmail(String label) {
        return label.toLowerCase().replaceAll("[^a-z0-9]", "") + "-"
                + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /** A user who signed up with a workspace of their own on {@code plan}. */
    public SignUp.Result signUp(String label, String plan) {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        return signUp.signUp(
                new SignUp.Form(
                        uniqueEmail(label + "owner"),
                        PASSWORD,
                        label + " Owner",
                        label + " " + suffix,
                        "Europe/Berlin"),
                plan);
    }

    public User user(String label) {
        return users.register(uniqueEmail(label), label, PASSWORD);
    }

    public Tenant tenant(String label) {
        SignUp.Result owner = signUp(label, "pro");
        Workspace workspace = owner.workspace().orElseThrow();
        User member = user(label + " member");
        var invitation = invitations.invite(
                workspace.id(), member.email(), Role.EDITOR, owner.user().id());
        invitations.accept(invitation.token(), member.id());
        IssuedInvitation open = invitations.invite(
                workspace.id(), null, Role.VIEWER, owner.user().id());
        IssuedApiKey key = apiKeys.create(
                workspace.id(),
                label + " key",
                Set.of(ApiKeyScope.READ),
                null,
                owner.user().id());
        // A remembered API response, as the Idempotency-Key filter stores it, so every tenant table has rows.
        tenants.run(workspace.id(), () -> jdbc.sql(
                        """
                        insert into idempotency_keys (workspace_id, key, fingerprint, state, locked_until, status)
                        values (:workspace, :key, '\\x00', 'completed', now(), 201)""")
                .param("workspace", workspace.id().value())
                .param("key", "fixture-" + UUID.randomUUID())
                .update());
        // A row of the vault tests' table (db/testmigration), which exists in every test database.
        tenants.run(workspace.id(), () -> jdbc.sql(
                        "insert into vault_test_secrets (workspace_id, id, secret) values (:workspace, :id, null)")
                .param("workspace", workspace.id().value())
                .param("id", UUID.randomUUID())
                .update());
        // An asset (and so a blob) in one of the default folders the new workspace got.
        var folder = folders.all(workspace.id()).getFirst();
        assets.upload(
                workspace.id(),
                folder.id(),
                new java.io.ByteArrayInputStream(SampleMedia.png(4, 4)),
                Upload.named(label + ".png"));
        return new Tenant(workspace, owner.user(), member, open, key);
    }
}
