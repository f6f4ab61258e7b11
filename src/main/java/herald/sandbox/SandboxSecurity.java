package herald.sandbox;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Sandbox's own chain, ahead of every Herald chain: {@code /sandbox/**} keeps no session and takes no CSRF token
 * (the consent form is the platform's own and is submitted by programs and tests too; see docs/sandbox-api.md). Who
 * may do what is decided by {@link SandboxGate} and the endpoints, not by Herald's sign-in.
 */
@Configuration(proxyBeanMethods = false)
class SandboxSecurity {

    /** The Sandbox's pages load nothing but their own stylesheet, and show images from anywhere (post media). */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'none'; style-src 'self';"
            + " img-src * data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    @Bean
    @Order(-1)
    SecurityFilterChain sandboxChain(
            HttpSecurity http,
            SandboxSettings settings,
            Faults faults,
            RateWindows windows,
            JsonMapper json,
            Clock clock)
            throws Exception {
        return http.securityMatcher("/sandbox/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .addFilterBefore(
                        new SandboxGate(settings, faults, windows, json, clock), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY)))
                .build();
    }
}
