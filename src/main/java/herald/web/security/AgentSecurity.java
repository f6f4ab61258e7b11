package herald.web.security;

import herald.agents.AgentKeys;
import herald.identity.ApiKeys;
import herald.identity.OperatorToken;
import herald.web.api.ApiPaths;
import herald.web.api.problems.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * The MCP server's chain: {@code /mcp} takes an agent's key as a bearer token and nothing else, keeps no session, and
 * refuses with a problem document. (The agent REST API, under {@code /api/}, is in the API chain with the same rule.)
 */
@Configuration(proxyBeanMethods = false)
class AgentSecurity {

    static final String AGENT_API = ApiPaths.ROOT + "v1/agent";
    static final String MCP = "/mcp";

    static boolean isAgentRoute(HttpServletRequest request) {
        String path = ApiPaths.path(request);
        return path.equals(AGENT_API)
                || path.startsWith(AGENT_API + "/")
                || path.equals(MCP)
                || path.startsWith(MCP + "/");
    }

    @Bean
    @Order(1)
    SecurityFilterChain mcpChain(
            HttpSecurity http,
            ApiKeys apiKeys,
            AgentKeys agentKeys,
            OperatorToken operatorToken,
            ProblemWriter problems)
            throws Exception {
        var refusals = new ProblemEntryPoint(problems);
        return http.securityMatcher(MCP, MCP + "/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .addFilterBefore(
                        new BearerTokenAuthentication(apiKeys, agentKeys, operatorToken),
                        AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole(BearerTokenAuthentication.AGENT_ROLE))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
                .build();
    }
}
