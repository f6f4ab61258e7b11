package herald.web.ui;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Media URLs are fetched by social platforms and browsers without a Herald session: their signature is the
 * credential, checked by {@link AssetsMediaController}. This chain lets them through with no session, no CSRF (GET
 * only) and a content security policy that keeps a served file from running anything.
 */
@Configuration(proxyBeanMethods = false)
class AssetsMediaSecurity {

    @Bean
    @Order(1)
    SecurityFilterChain mediaChain(HttpSecurity http) throws Exception {
        return http.securityMatcher("/media/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .headers(headers -> headers.cacheControl(cache -> cache.disable())
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; sandbox")))
                .build();
    }
}
