package herald.web.ui;

import herald.tenancy.Role;
import herald.web.CurrentWorkspace;
import jakarta.servlet.http.HttpServletRequest;

/** The role checks of UI pages: the path's workspace, if the member's role there is at least the one required. */
final class Access {

    private Access() {}

    static CurrentWorkspace atLeast(HttpServletRequest request, Role required) {
        CurrentWorkspace current = CurrentWorkspace.require(request);
        if (!current.roleAtLeast(required)) {
            throw new RoleRequired(required, current.role());
        }
        return current;
    }

    static CurrentWorkspace member(HttpServletRequest request) {
        return atLeast(request, Role.VIEWER);
    }
}
