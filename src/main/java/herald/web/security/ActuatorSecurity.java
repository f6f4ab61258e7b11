package herald.web.security;

import herald.identity.OperatorToken;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The operations chain for {@code /actuator/**}, ahead of the API and browser chains: health and the readiness and
 * liveness probes are open (load balancers and Kubernetes call them without credentials, and see only UP or DOWN);
 * everything else, Prometheus metrics included, needs {@code Authorization: Bearer $HERALD_OPERATOR_TOKEN}, and with
 * the token unset it stays closed. No session, no CSRF: nothing here is called by a browser.
 */
@Configuration(proxyBeanMethods = false)
class ActuatorSecurity {

    static final String OPERATOR = "OPERATOR";

    @Bean
    @Order(0)
    SecurityFilterChain actuatorChain(HttpSecurity http, OperatorToken operatorToken) throws Exception {
        return http.securityMatcher("/actuator/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new OperatorBearer(operatorToken), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")
                        .permitAll()
                        .anyRequest()
                        .hasRole(OPERATOR))
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Bearer");
                            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                        })
                        .accessDeniedHandler(
                                (request, response, e) -> response.setStatus(HttpServletResponse.SC_FORBIDDEN)))
                .build();
    }

    /** Authenticates the operator by bearer token, compared in constant time; anything else stays anonymous. */
    static final class OperatorBearer extends OncePerRequestFilter {

        private final OperatorToken token;

        OperatorBearer(OperatorToken token) {
            this.token = token;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (header != null
                    && header.regionMatches(true, 0, "Bearer ", 0, 7)
                    && token.matches(header.substring(7).strip())) {
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "operator", null, List.of(new SimpleGrantedAuthority("ROLE_" + OPERATOR))));
                SecurityContextHolder.setContext(context);
            }
            chain.doFilter(request, response);
        }
    }
}
