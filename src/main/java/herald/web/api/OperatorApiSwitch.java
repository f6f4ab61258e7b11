package herald.web.api;

import herald.identity.OperatorToken;
import herald.web.api.problems.ProblemType;
import herald.web.api.problems.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Without {@code HERALD_OPERATOR_TOKEN} the operator API does not exist: its routes answer 404, whatever the caller
 * presents, as any unknown route does. Runs in the API security chain ahead of authentication.
 */
public class OperatorApiSwitch extends OncePerRequestFilter {

    private final OperatorToken operatorToken;
    private final ProblemWriter problems;

    public OperatorApiSwitch(OperatorToken operatorToken, ProblemWriter problems) {
        this.operatorToken = operatorToken;
        this.problems = problems;
    }

    /**
     * The operator's routes: the collection of workspaces itself, except its {@code GET}, which answers an API key its
     * own workspace.
     */
    public static boolean isOperatorRoute(HttpServletRequest request) {
        String path = ApiPaths.path(request);
        return (path.equals(ApiPaths.WORKSPACES) || path.equals(ApiPaths.WORKSPACES + "/"))
                && !"GET".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!operatorToken.enabled() && isOperatorRoute(request)) {
            problems.write(
                    request,
                    response,
                    ProblemType.NOT_FOUND.problem("There is no API route " + request.getMethod() + " "
                            + request.getRequestURI() + ". See /docs."));
            return;
        }
        chain.doFilter(request, response);
    }
}
