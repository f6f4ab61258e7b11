package herald.web;

import herald.agents.AgentPrincipal;
import herald.database.TenantContext;
import herald.identity.ApiKeyPrincipal;
import herald.identity.SignedInUser;
import herald.identity.TwoFactor;
import herald.shared.WorkspaceId;
import herald.tenancy.Memberships;
import herald.tenancy.Role;
import herald.tenancy.Workspace;
import herald.tenancy.WorkspaceRules;
import herald.tenancy.Workspaces;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Resolves the workspace in a request's path, checks that the caller belongs to it, and binds it as the tenant for
 * the rest of the request. A workspace the caller does not belong to answers 404, exactly like one that does not
 * exist, so ids and slugs leak nothing. A workspace that requires two-factor sign-in sends a member without it to their
 * sign-in security page instead. Runs after Spring Security, so the caller is known.
 */
class WorkspaceBinding extends OncePerRequestFilter {

    private static final Pattern UI = Pattern.compile("^/w/([a-z0-9-]{1,60})(/.*)?$");
    private static final Pattern API = Pattern.compile("^/api/v1/workspaces/([^/]+)(/.*)?$");
    // GET of the collection answers an API key its own workspace (the operator's POST there creates one).
    private static final Pattern KEYS_WORKSPACE = Pattern.compile("^/api/v1/workspaces/?$");
    // The agent API and the MCP server act in the workspace of the agent's key.
    private static final Pattern AGENT = Pattern.compile("^(/api/v1/agent|/mcp)(/.*)?$");

    private final Workspaces workspaces;
    private final WorkspaceRules workspaceRules;
    private final Memberships memberships;
    private final TwoFactor twoFactor;

    WorkspaceBinding(
            Workspaces workspaces, WorkspaceRules workspaceRules, Memberships memberships, TwoFactor twoFactor) {
        this.workspaces = workspaces;
        this.workspaceRules = workspaceRules;
        this.memberships = memberships;
        this.twoFactor = twoFactor;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        Matcher api = API.matcher(path);
        Matcher ui = UI.matcher(path);
        Optional<CurrentWorkspace> current;
        if (AGENT.matcher(path).matches() && caller != null && caller.getPrincipal() instanceof AgentPrincipal agent) {
            current = workspaces.find(agent.workspace()).map(workspace -> new CurrentWorkspace(workspace, null));
            if (current.isEmpty()) {
                notFoundProblem(request, response);
                return;
            }
        } else if (KEYS_WORKSPACE.matcher(path).matches() && "GET".equals(request.getMethod())) {
            // GET /api/v1/workspaces: an API key's own workspace, how a program holding only a key finds its id.
            current = caller != null && caller.getPrincipal() instanceof ApiKeyPrincipal key
                    ? workspaces.find(key.workspace()).map(workspace -> new CurrentWorkspace(workspace, null))
                    : Optional.empty();
            if (current.isEmpty()) {
                notFoundProblem(request, response);
                return;
            }
        } else if (api.matches()) {
            current = forApi(api.group(1), caller);
            if (current.isEmpty()) {
                notFoundProblem(request, response);
                return;
            }
        } else if (ui.matches()) {
            current = forUi(ui.group(1), caller);
            if (current.isEmpty()) {
                response.sendError(HttpStatus.NOT_FOUND.value(), "No such workspace");
                return;
            }
            if (lacksRequiredTwoFactor(current.get(), caller)) {
                response.sendRedirect(request.getContextPath() + "/account/security?required="
                        + current.get().workspace().slug());
                return;
            }
        } else {
            chain.doFilter(request, response);
            return;
        }
        request.setAttribute(CurrentWorkspace.ATTRIBUTE, current.get());
        try (var ignored = TenantContext.bind(current.get().id())) {
            chain.doFilter(request, response);
        }
    }

    private Optional<CurrentWorkspace> forApi(String id, Authentication caller) {
        if (caller == null || !(caller.getPrincipal() instanceof ApiKeyPrincipal key)) {
            return Optional.empty();
        }
        WorkspaceId requested;
        try {
            requested = new WorkspaceId(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!requested.equals(key.workspace())) {
            return Optional.empty();
        }
        return workspaces.find(requested).map(workspace -> new CurrentWorkspace(workspace, null));
    }

    private Optional<CurrentWorkspace> forUi(String slug, Authentication caller) {
        if (caller == null || !(caller.getPrincipal() instanceof SignedInUser user)) {
            return Optional.empty();
        }
        Optional<WorkspaceId> id = workspaces.idOf(slug);
        if (id.isEmpty()) {
            return Optional.empty();
        }
        Optional<Role> role = memberships.roleOf(id.get(), user.id());
        if (role.isEmpty()) {
            return Optional.empty();
        }
        Optional<Workspace> workspace = workspaces.find(id.get());
        return workspace.map(w -> new CurrentWorkspace(w, role.get()));
    }

    /**
     * A workspace that requires two-factor sign-in sends a member without it to set it up first. Only its pages: API
     * keys and agents are not people and have no second factor.
     */
    private boolean lacksRequiredTwoFactor(CurrentWorkspace current, Authentication caller) {
        return caller.getPrincipal() instanceof SignedInUser user
                && workspaceRules.requiresTwoFactor(current.id())
                && !twoFactor.isOn(user.id());
    }

    private static void notFoundProblem(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter()
                .write(
                        """
                        {"type":"https://herald.dev/problems/not-found","title":"Not Found","status":404,\
                        "detail":"No such workspace.","instance":"%s"}"""
                                .formatted(request.getRequestURI().replace("\"", "")));
    }
}
