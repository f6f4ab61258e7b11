package herald.web.security;

import herald.identity.SignedInUser;
import herald.identity.TwoFactor;
import herald.identity.UserSignedOut;
import herald.web.ui.SafeRedirect;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagerFactories;
import org.springframework.security.authorization.DefaultAuthorizationManagerFactory;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

/**
 * The browser chain: form sign-in, sessions in Postgres, CSRF on. Everything but the public pages needs a signed-in
 * user. A failed sign-in is forwarded (not redirected) back to the form, so its message and the email typed are shown
 * without storing either in a session; a successful one goes to a same-site {@code ?continue=} path, the page that
 * asked for sign-in, or home. Someone with two-factor on is only halfway signed in after the password: the code page
 * ({@link SecondStep}) is the one page they reach until a code completes the sign-in.
 */
@Configuration(proxyBeanMethods = false)
class UiSecurity {

    /** Herald's own pages load scripts and styles from Herald only; Swagger UI keeps its own rules. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self';"
            + " frame-ancestors 'none'";

    /**
     * Where a failed sign-in is forwarded to. Not {@code /sign-in} itself: the filter chain runs on forwards too, and
     * would take a forwarded POST to {@code /sign-in} for another attempt.
     */
    static final String FAILED_SIGN_IN = "/sign-in/failed";

    @Bean
    @Order(2)
    SecurityFilterChain uiChain(HttpSecurity http, ApplicationEventPublisher events, TwoFactor twoFactor, Clock clock)
            throws Exception {
        var requestCache = new HttpSessionRequestCache();
        // Spring Security would otherwise add "?continue" to the page a person returns to after signing in.
        requestCache.setMatchingRequestParameterName(null);
        var signedIn = continueAfterSignIn(requestCache);
        var factors = twoFactorWhenOn();
        return http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/sign-up",
                                "/invitations/**",
                                // a client's review link: the token is the credential (ReviewPageController)
                                "/review/**",
                                // the styles of posts and their statuses, which the review page shares
                                "/posts-ui/posts.css",
                                // platforms send the browser back here; API-started connects have no Herald session
                                "/connections/callback/**")
                        .access(notHalfwayThroughSignIn(factors))
                        .requestMatchers(
                                "/sign-in",
                                FAILED_SIGN_IN,
                                // published short links: readers on the platforms follow them, signed in nowhere
                                "/l/*",
                                // link-in-bio pages: readers from Instagram, signed in nowhere
                                "/bio/*",
                                // the code page itself: it shows its form only to a half sign-in
                                SecondStep.PAGE,
                                SecondStepConfigurer.FAILED,
                                "/webjars/**",
                                "/css/**",
                                "/js/**",
                                "/favicon.ico",
                                "/favicon.svg",
                                "/error",
                                "/actuator/health/**",
                                "/actuator/info",
                                "/docs/**",
                                "/swagger-ui/**",
                                "/v3/api-docs/**")
                        .permitAll()
                        .anyRequest()
                        .access(factors.authenticated()))
                .requestCache(cache -> cache.requestCache(requestCache))
                // A half sign-in asked for any page is sent to the code page, and returns to that page after it.
                .exceptionHandling(exceptions -> exceptions.defaultDeniedHandlerForMissingAuthority(
                        new LoginUrlAuthenticationEntryPoint(SecondStep.PAGE), TwoFactor.TOTP_FACTOR))
                .formLogin(form -> form.loginPage("/sign-in")
                        .usernameParameter("email")
                        .authenticationDetailsSource(AuditOrigin::of)
                        .successHandler(toTheSecondStepOr(signedIn))
                        .failureHandler(backToTheForm())
                        .permitAll())
                .with(new SecondStepConfigurer(twoFactor, clock, signedIn), secondStep -> {})
                .logout(logout -> logout.logoutUrl("/sign-out")
                        .addLogoutHandler(auditSignOut(events))
                        .logoutSuccessUrl("/sign-in?signed-out"))
                .headers(headers -> headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        new NegatedRequestMatcher(new OrRequestMatcher(
                                PathPatternRequestMatcher.withDefaults().matcher("/docs/**"),
                                PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**"))),
                        new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY))))
                .build();
    }

    /**
     * Spring Security's multi-factor authorization: every rule that asks for a signed-in person also asks for the
     * password and TOTP factors, but only of a sign-in marked {@link TwoFactor#REQUIRED} (someone with two-factor on).
     * Everyone else signs in with the password alone, as before.
     */
    static DefaultAuthorizationManagerFactory<RequestAuthorizationContext> twoFactorWhenOn() {
        return AuthorizationManagerFactories.<RequestAuthorizationContext>multiFactor()
                .requireFactors(FactorGrantedAuthority.PASSWORD_AUTHORITY, TwoFactor.TOTP_FACTOR)
                .when(authentication -> SecondStep.has(authentication, TwoFactor.REQUIRED))
                .build();
    }

    /**
     * Pages open to visitors (sign-up, invitations, the OAuth callback) that act for whoever is signed in: open to
     * visitors and to anyone fully signed in, but a half sign-in is sent to the code page, so it can accept no
     * invitation and finish no connection.
     */
    private static AuthorizationManager<RequestAuthorizationContext> notHalfwayThroughSignIn(
            DefaultAuthorizationManagerFactory<RequestAuthorizationContext> factors) {
        AuthorizationManager<RequestAuthorizationContext> fullySignedIn = factors.authenticated();
        return (authentication, context) ->
                SecondStep.pending(authentication.get()).isPresent()
                        ? fullySignedIn.authorize(authentication, context)
                        : new AuthorizationDecision(true);
    }

    /** After the password, someone with two-factor on goes to the code page (the saved page waits for them). */
    private static AuthenticationSuccessHandler toTheSecondStepOr(AuthenticationSuccessHandler signedIn) {
        return (request, response, authentication) -> {
            if (SecondStep.pending(authentication).isEmpty()) {
                signedIn.onAuthenticationSuccess(request, response, authentication);
                return;
            }
            SecondStepConfigurer.startSecondStep(request.getSession());
            String target = SecondStep.PAGE
                    + SafeRedirect.of(request.getParameter(SafeRedirect.PARAMETER))
                            .map(path -> "?" + SafeRedirect.PARAMETER + "="
                                    + URLEncoder.encode(path, StandardCharsets.UTF_8))
                            .orElse("");
            response.sendRedirect(request.getContextPath() + target);
        };
    }

    private static SavedRequestAwareAuthenticationSuccessHandler continueAfterSignIn(
            HttpSessionRequestCache requestCache) {
        var handler = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(
                    HttpServletRequest request, HttpServletResponse response, Authentication authentication)
                    throws IOException, jakarta.servlet.ServletException {
                Optional<String> target = SafeRedirect.of(request.getParameter(SafeRedirect.PARAMETER));
                if (target.isEmpty()) {
                    super.onAuthenticationSuccess(request, response, authentication);
                    return;
                }
                requestCache.removeRequest(request, response);
                clearAuthenticationAttributes(request);
                getRedirectStrategy().sendRedirect(request, response, target.get());
            }
        };
        handler.setRequestCache(requestCache);
        handler.setDefaultTargetUrl("/");
        return handler;
    }

    private static SimpleUrlAuthenticationFailureHandler backToTheForm() {
        var handler = new SimpleUrlAuthenticationFailureHandler(FAILED_SIGN_IN);
        handler.setUseForward(true);
        return handler;
    }

    /** Records the sign-out in the audit log (through {@link UserSignedOut}) before the session is gone. */
    private static LogoutHandler auditSignOut(ApplicationEventPublisher events) {
        return (request, response, authentication) -> {
            // A half sign-in (password, no code yet) never counted as signed in, so it does not sign out either.
            if (authentication != null
                    && authentication.getPrincipal() instanceof SignedInUser user
                    && SecondStep.pending(authentication).isEmpty()) {
                events.publishEvent(new UserSignedOut(user.id(), user.email(), AuditOrigin.of(request)));
            }
        };
    }
}
