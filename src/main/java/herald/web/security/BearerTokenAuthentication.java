package herald.web.security;

import herald.agents.AgentKeys;
import herald.identity.ApiKeyPrincipal;
import herald.identity.ApiKeyScope;
import herald.identity.ApiKeys;
import herald.identity.OperatorToken;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <token>}: an API key ({@code hk_...}) becomes an {@link ApiKeyPrincipal} with its scopes
 * as authorities; an agent's key ({@code ha_...}) becomes an {@link herald.agents.AgentPrincipal} with the role
 * {@code AGENT}; the operator token becomes an {@link OperatorPrincipal}. Anything else stays anonymous and is refused
 * by the chain with 401.
 */
class BearerTokenAuthentication extends OncePerRequestFilter {

    static final String AGENT_ROLE = "AGENT";

    private final ApiKeys apiKeys;
    private final AgentKeys agentKeys;
    private final OperatorToken operatorToken;

    BearerTokenAuthentication(ApiKeys apiKeys, AgentKeys agentKeys, OperatorToken operatorToken) {
        this.apiKeys = apiKeys;
        this.agentKeys = agentKeys;
        this.operatorToken = operatorToken;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        bearer(request).flatMap(this::authenticate).ifPresent(authentication -> {
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(authentication);
            SecurityContextHolder.setContext(context);
        });
        chain.doFilter(request, response);
    }

    private Optional<Authentication> authenticate(String token) {
        if (operatorToken.matches(token)) {
            return Optional.of(UsernamePasswordAuthenticationToken.authenticated(
                    new OperatorPrincipal(), null, List.of(new SimpleGrantedAuthority("ROLE_OPERATOR"))));
        }
        if (AgentKeys.looksLikeAgentKey(token)) {
            return agentKeys
                    .authenticate(token)
                    .map(agent -> UsernamePasswordAuthenticationToken.authenticated(
                            agent, null, List.of(new SimpleGrantedAuthority("ROLE_" + AGENT_ROLE))));
        }
        return apiKeys.authenticate(token)
                .map(key -> UsernamePasswordAuthenticationToken.authenticated(
                        key,
                        null,
                        key.scopes().stream()
                                .map(ApiKeyScope::authority)
                                .map(SimpleGrantedAuthority::new)
                                .toList()));
    }

    private static Optional<String> bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = header.substring(7).strip();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
