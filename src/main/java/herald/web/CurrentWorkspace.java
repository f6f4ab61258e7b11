package herald.web;

import herald.shared.WorkspaceId;
import herald.tenancy.Role;
import herald.tenancy.Workspace;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The workspace a request acts in, resolved from its path ({@code /w/{slug}/...} in the UI,
 * {@code /api/v1/workspaces/{id}/...} in the API) and checked against the caller by {@link WorkspaceBinding}.
 *
 * @param role the signed-in member's role; null for API keys, whose rights are their scopes
 */
public record CurrentWorkspace(Workspace workspace, @Nullable Role role) {

    static final String ATTRIBUTE = CurrentWorkspace.class.getName();

    public WorkspaceId id() {
        return workspace.id();
    }

    public boolean roleAtLeast(Role required) {
        return role != null && role.atLeast(required);
    }

    public static Optional<CurrentWorkspace> of(HttpServletRequest request) {
        return Optional.ofNullable((CurrentWorkspace) request.getAttribute(ATTRIBUTE));
    }

    public static CurrentWorkspace require(HttpServletRequest request) {
        return of(request).orElseThrow(() -> new IllegalStateException("No workspace in this request's path"));
    }
}
