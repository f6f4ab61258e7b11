package herald.web.security;

import herald.agents.AgentKeys;
import herald.identity.ApiKeys;
import herald.identity.OperatorToken;
import herald.web.api.ApiPaths;
import herald.web.api.OperatorApiSwitch;
import herald.web.api.problems.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * The API chain: {@code /api/**} authenticates by bearer token only (an API key, or the operator token), keeps no
 * session, and answers every refusal with a problem document. CSRF protection is off here because a bearer token is
 * never sent by a browser on its own. The workspace collection ({@code /api/v1/workspaces}) is the operator's; every
 * route below it belongs to API keys of that workspace (checked by the workspace binding). The agent API
 * ({@code /api/v1/agent/**}) takes agents' keys only.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(
            HttpSecurity http,
            ApiKeys apiKeys,
            AgentKeys agentKeys,
            OperatorToken operatorToken,
            ProblemWriter problems)
            throws Exception {
        var refusals = new ProblemEntryPoint(problems);
        return http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new OperatorApiSwitch(operatorToken, problems), AnonymousAuthenticationFilter.class)
                .addFilterBefore(
                        new BearerTokenAuthentication(apiKeys, agentKeys, operatorToken),
                        AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(
                        // The async dispatch that ends a stream (Server-Sent Events) belongs to a request that was
                        // authorized when it came in; a stateless chain has no caller to check it against again.
                        requests -> requests.dispatcherTypeMatchers(jakarta.servlet.DispatcherType.ASYNC)
                                .permitAll()
                                .requestMatchers(HttpMethod.GET, ApiPaths.WORKSPACES, ApiPaths.WORKSPACES + "/")
                                .authenticated()
                                .requestMatchers(ApiPaths.WORKSPACES, ApiPaths.WORKSPACES + "/")
                                .hasRole("OPERATOR")
                                .requestMatchers(AgentSecurity.AGENT_API + "/**")
                                .hasRole(BearerTokenAuthentication.AGENT_ROLE)
                                .anyRequest()
                                .authenticated())
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
                .build();
    }
}
