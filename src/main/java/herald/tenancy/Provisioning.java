package herald.tenancy;

import herald.database.TenantScope;
import herald.identity.ApiKeyScope;
import herald.identity.ApiKeys;
import herald.identity.InvalidEmail;
import herald.identity.IssuedApiKey;
import herald.identity.User;
import herald.identity.Users;
import herald.shared.InvalidInput;
import herald.shared.WorkspaceId;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The operator's "register a tenant": a workspace, its first owner and an admin API key for the integrator, created
 * together in one transaction or not at all. The owner becomes a member at once when they already have an account;
 * otherwise they get an owner invitation bound to their email.
 */
@Component
public class Provisioning {

    static final String KEY_NAME = "Provisioning key";

    private final Workspaces workspaces;
    private final Invitations invitations;
    private final Users users;
    private final ApiKeys apiKeys;
    private final TenantScope tenants;

    Provisioning(Workspaces workspaces, Invitations invitations, Users users, ApiKeys apiKeys, TenantScope tenants) {
        this.workspaces = workspaces;
        this.invitations = invitations;
        this.users = users;
        this.apiKeys = apiKeys;
        this.tenants = tenants;
    }

    /** What the operator asks for. */
    public record Request(String name, String ownerEmail, String plan, String timezone, String description) {}

    /**
     * The new workspace with its admin key (the token shown once), and either the owner who joined or the owner
     * invitation to send them.
     */
    public record Provisioned(
            Workspace workspace,
            IssuedApiKey apiKey,
            String ownerEmail,
            Optional<User> owner,
            Optional<IssuedInvitation> ownerInvitation) {}

    public Provisioned provision(Request request) {
        var details = new Workspaces.Details(request.name(), request.timezone(), request.description());
        workspaces.check(details, request.plan());
        String email = ownerEmail(request.ownerEmail());
        WorkspaceId id = WorkspaceId.random();
        return tenants.call(id, () -> {
            Optional<User> owner = users.findByEmail(email);
            Workspace workspace;
            Optional<IssuedInvitation> invitation;
            if (owner.isPresent()) {
                workspace = workspaces.create(
                        id, details, request.plan(), owner.get().id());
                invitation = Optional.empty();
            } else {
                workspace = workspaces.createAwaitingOwner(id, details, request.plan(), email);
                invitation = Optional.of(invitations.inviteOwner(id, email));
            }
            IssuedApiKey key = apiKeys.create(id, KEY_NAME, Set.of(ApiKeyScope.ADMIN), null, null);
            return new Provisioned(workspace, key, email, owner, invitation);
        });
    }

    private static String ownerEmail(String email) {
        try {
            return Users.normalizeEmail(email);
        } catch (InvalidEmail e) {
            throw new InvalidInput("ownerEmail", e.getMessage());
        }
    }
}
