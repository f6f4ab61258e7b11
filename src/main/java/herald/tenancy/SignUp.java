package herald.tenancy;

import herald.audit.Actor;
import herald.audit.AuditContext;
import herald.audit.AuditLog;
import herald.database.TenantScope;
import herald.identity.User;
import herald.identity.Users;
import herald.shared.WorkspaceId;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A new person's first step: an account and, unless they came through an invitation, their own workspace with them as
 * its owner. Both are created in one transaction or not at all.
 */
@Component
public class SignUp {

    private final Users users;
    private final Workspaces workspaces;
    private final TenantScope tenants;
    private final TransactionTemplate transactions;
    private final AuditLog audit;

    SignUp(Users users, Workspaces workspaces, TenantScope tenants, TransactionTemplate transactions, AuditLog audit) {
        this.users = users;
        this.workspaces = workspaces;
        this.tenants = tenants;
        this.transactions = transactions;
        this.audit = audit;
    }

    /** What a person enters to sign up; {@code workspaceName} may be empty when joining through an invitation. */
    public record Form(
            String email, String password, String displayName, @Nullable String workspaceName, String timezone) {}

    /** The new account and, if one was created, its workspace. */
    public record Result(User user, Optional<Workspace> workspace) {}

    public Result signUp(Form form, String plan) {
        users.checkRegistration(form.email(), form.password());
        if (form.workspaceName() == null || form.workspaceName().isBlank()) {
            return transactions.execute(status ->
                    new Result(users.register(form.email(), form.displayName(), form.password()), Optional.empty()));
        }
        var details = new Workspaces.Details(form.workspaceName(), form.timezone(), "");
        workspaces.check(details, plan);
        WorkspaceId id = WorkspaceId.random();
        return tenants.call(id, () -> {
            User user = users.register(form.email(), form.displayName(), form.password());
            var origin = AuditContext.current().orElse(new AuditContext.Origin(Actor.system(), null, null));
            var asUser = new AuditContext.Origin(
                    new Actor(Actor.Type.USER, user.id().toString(), user.email()), origin.ip(), origin.userAgent());
            try (var ignored = AuditContext.bind(asUser)) {
                Workspace workspace = workspaces.create(id, details, plan, user.id());
                audit.record(id, "user.signed_up", "user", user.id().toString(), Map.of("email", user.email()));
                return new Result(user, Optional.of(workspace));
            }
        });
    }
}
