package herald.web.security;

import herald.identity.OperatorToken;
import herald.web.api.problems.ProblemType;
import herald.web.api.problems.ProblemWriter;
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
 * The chain of the operator routes under {@code /api/v1/operator/}: only the operator token authenticates (an API key
 * is not an operator), refusals are problem documents, and without {@code HERALD_OPERATOR_TOKEN} the routes do not
 * exist (404), as {@code herald.web.api.OperatorApiSwitch} does for the workspace collection. It precedes the API chain,
 * which would otherwise let any API key through to an authenticated route.
 */
@Configuration(proxyBeanMethods = false)
public class OperatorApiSecurity {

    public static final String OPERATOR_API = "/api/v1/operator";

    @Bean
    @Order(0)
    SecurityFilterChain operatorApiChain(HttpSecurity http, OperatorToken operatorToken, ProblemWriter problems)
            throws Exception {
        return http.securityMatcher(OPERATOR_API + "/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new OperatorTokenFilter(operatorToken, problems), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole("OPERATOR"))
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Bearer");
                            problems.write(
                                    request,
                                    response,
                                    ProblemType.UNAUTHENTICATED.problem(
                                            "Send the operator token as 'Authorization: Bearer <token>'."));
                        })
                        .accessDeniedHandler((request, response, e) -> problems.write(
                                request,
                                response,
                                ProblemType.OPERATOR_ONLY.problem("This route needs the operator token."))))
                .build();
    }

    /** Answers 404 while the operator API is off; otherwise authenticates the operator token and nothing else. */
    static final class OperatorTokenFilter extends OncePerRequestFilter {

        private final OperatorToken operatorToken;
        private final ProblemWriter problems;

        OperatorTokenFilter(OperatorToken operatorToken, ProblemWriter problems) {
            this.operatorToken = operatorToken;
            this.problems = problems;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (!operatorToken.enabled()) {
                problems.write(
                        request,
                        response,
                        ProblemType.NOT_FOUND.problem("There is no API route " + request.getMethod() + " "
                                + request.getRequestURI() + ". See /docs."));
                return;
            }
            String header = request.getHeader("Authorization");
            if (header != null
                    && header.regionMatches(true, 0, "Bearer ", 0, 7)
                    && operatorToken.matches(header.substring(7).strip())) {
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        new OperatorPrincipal(), null, List.of(new SimpleGrantedAuthority("ROLE_OPERATOR"))));
                SecurityContextHolder.setContext(context);
            }
            chain.doFilter(request, response);
        }
    }
}
