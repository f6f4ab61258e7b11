package herald.web.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;

/** Which requests the API conventions apply to. */
public final class ApiPaths {

    public static final String ROOT = "/api/";
    public static final String WORKSPACES = "/api/v1/workspaces";
    public static final String WORKSPACE = "/api/v1/workspaces/{workspaceId}";
    /** Operator views across workspaces (the operator token only). */
    public static final String OPERATOR = "/api/v1/operator";

    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private ApiPaths() {}

    public static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    public static boolean isApi(HttpServletRequest request) {
        return path(request).startsWith(ROOT);
    }

    public static boolean isMutating(HttpServletRequest request) {
        return MUTATING.contains(request.getMethod());
    }
}
