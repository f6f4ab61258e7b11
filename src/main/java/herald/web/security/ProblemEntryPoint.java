package herald.web.security;

import herald.web.api.OperatorApiSwitch;
import herald.web.api.problems.ProblemType;
import herald.web.api.problems.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** Refusals of the API chain as RFC 9457 problem documents, in the same shape as every other API error. */
class ProblemEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ProblemWriter problems;

    ProblemEntryPoint(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.setHeader("WWW-Authenticate", "Bearer");
        String detail = OperatorApiSwitch.isOperatorRoute(request)
                ? "Send the operator token as 'Authorization: Bearer <token>'."
                : AgentSecurity.isAgentRoute(request)
                        ? "Send the agent's key (ha_...) as 'Authorization: Bearer <key>'. The key may be unknown or"
                                + " revoked; an admin can issue a new one on the agent's page."
                        : "Send a valid API key as 'Authorization: Bearer <key>'. The key may be unknown, revoked or expired.";
        problems.write(request, response, ProblemType.UNAUTHENTICATED.problem(detail));
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        if (OperatorApiSwitch.isOperatorRoute(request)) {
            problems.write(
                    request,
                    response,
                    ProblemType.OPERATOR_ONLY.problem(
                            "Creating workspaces needs the operator token, not an API key. An API key works only"
                                    + " under /api/v1/workspaces/{its workspace id}."));
            return;
        }
        if (AgentSecurity.isAgentRoute(request)) {
            problems.write(
                    request,
                    response,
                    ProblemType.FORBIDDEN.problem("The agent API and the MCP server take an agent's key (ha_...),"
                            + " not a member's API key. An admin creates agents and their keys under"
                            + " /api/v1/workspaces/{id}/agents."));
            return;
        }
        problems.write(
                request, response, ProblemType.INSUFFICIENT_SCOPE.problem("This API key may not make this request."));
    }
}
