package herald.web.security;

import herald.agents.AgentPrincipal;
import herald.audit.Actor;
import herald.audit.AuditContext;
import herald.identity.ApiKeyPrincipal;
import herald.identity.RequestOrigin;
import herald.identity.SignedInUser;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Binds who is acting and from where for the rest of the request, so every audit entry written while serving it
 * names its actor, address and user agent.
 */
public class AuditOrigin extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try (var ignored = AuditContext.bind(
                new AuditContext.Origin(actor(), RemoteAddress.of(request.getRemoteAddr()), userAgent(request)))) {
            chain.doFilter(request, response);
        }
    }

    /** The address and user agent of a request, for authentication details. */
    public static RequestOrigin of(HttpServletRequest request) {
        return new RequestOrigin(RemoteAddress.of(request.getRemoteAddr()), userAgent(request));
    }

    private static String userAgent(HttpServletRequest request) {
        String agent = request.getHeader("User-Agent");
        return agent == null ? null : agent.substring(0, Math.min(agent.length(), 300));
    }

    private static Actor actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null) {
            return new Actor(Actor.Type.SYSTEM, null, "anonymous");
        }
        return switch (authentication.getPrincipal()) {
            case SignedInUser user -> new Actor(Actor.Type.USER, user.id().toString(), user.email());
            case ApiKeyPrincipal key ->
                new Actor(Actor.Type.API_KEY, key.id().toString(), key.name() + " (" + key.prefix() + ")");
            case AgentPrincipal agent -> agent.actor();
            case OperatorPrincipal operator -> Actor.operator();
            default -> new Actor(Actor.Type.SYSTEM, null, "anonymous");
        };
    }
}
