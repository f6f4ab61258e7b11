package herald.web.security;

import herald.identity.ApiKeys;
import herald.identity.OperatorToken;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * The API chain: {@code /api/**} authenticates by bearer token only (an API key, or the operator token), keeps no
 * session, and answers every refusal with a problem document. CSRF protection is off here because a bearer token is
 * never sent by a browser on its own.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ApiKeys apiKeys, OperatorToken operatorToken) throws Exception {
        return http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .addFilterBefore(
                        new BearerTokenAuthentication(apiKeys, operatorToken), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(new ProblemEntryPoint())
                        .accessDeniedHandler(new ProblemEntryPoint()))
                .build();
    }
}
