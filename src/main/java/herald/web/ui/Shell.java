package herald.web.ui;

import herald.identity.SignedInUser;
import herald.tenancy.Role;
import herald.tenancy.WorkspaceMembership;
import herald.tenancy.Workspaces;
import herald.web.CurrentWorkspace;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the layout needs on every page: the person, the workspace the page belongs to (if any) with their role there,
 * and, read only when the switcher is drawn, every workspace they belong to.
 */
public final class Shell {

    private final @Nullable SignedInUser user;
    private final @Nullable CurrentWorkspace current;
    private final Workspaces workspaces;
    private @Nullable List<WorkspaceMembership> memberships;

    Shell(@Nullable SignedInUser user, @Nullable CurrentWorkspace current, Workspaces workspaces) {
        this.user = user;
        this.current = current;
        this.workspaces = workspaces;
    }

    public @Nullable SignedInUser user() {
        return user;
    }

    public @Nullable CurrentWorkspace current() {
        return current;
    }

    public boolean signedIn() {
        return user != null;
    }

    public boolean inWorkspace() {
        return current != null;
    }

    /** Whether the member's role in the current workspace is at least {@code role} ("owner", "admin", ...). */
    public boolean can(String role) {
        return current != null && current.roleAtLeast(Role.of(role));
    }

    public String basePath() {
        return current == null ? "" : "/w/" + current.workspace().slug();
    }

    public List<WorkspaceMembership> workspaces() {
        if (memberships == null) {
            memberships = user == null ? List.of() : workspaces.of(user.id());
        }
        return memberships;
    }

    public WorkspaceTime time() {
        return current == null
                ? WorkspaceTime.utc()
                : new WorkspaceTime(current.workspace().timezone());
    }
}
