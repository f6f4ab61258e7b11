package herald.web.security;

import herald.identity.TwoFactor;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.WebAttributes;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;

/**
 * Adds the second step of sign-in to the browser chain, with the chain's own session strategy (a new session id and
 * CSRF token, as after the password) and context repository. A wrong code is forwarded back to the code page; a
 * dropped half sign-in ends the session and starts again at the password.
 */
class SecondStepConfigurer extends AbstractHttpConfigurer<SecondStepConfigurer, HttpSecurity> {

    static final String FAILED = SecondStep.PAGE + "/failed";

    /** The session's own idle timeout, kept while the half sign-in runs on the short one. */
    static final String IDLE_TIMEOUT = SecondStepConfigurer.class.getName() + ".IDLE_TIMEOUT";

    private final TwoFactor twoFactor;
    private final Clock clock;
    private final AuthenticationSuccessHandler signedIn;

    SecondStepConfigurer(TwoFactor twoFactor, Clock clock, AuthenticationSuccessHandler signedIn) {
        this.twoFactor = twoFactor;
        this.clock = clock;
        this.signedIn = signedIn;
    }

    @Override
    public void configure(HttpSecurity http) {
        var filter = new SecondStepFilter(twoFactor, clock);
        SessionAuthenticationStrategy sessions = http.getSharedObject(SessionAuthenticationStrategy.class);
        if (sessions != null) {
            filter.setSessionAuthenticationStrategy(sessions);
        }
        SecurityContextRepository contexts = http.getSharedObject(SecurityContextRepository.class);
        filter.setSecurityContextRepository(
                contexts != null
                        ? contexts
                        : new DelegatingSecurityContextRepository(
                                new RequestAttributeSecurityContextRepository(),
                                new HttpSessionSecurityContextRepository()));
        filter.setAuthenticationSuccessHandler((request, response, authentication) -> {
            HttpSession session = request.getSession(false);
            if (session != null && session.getAttribute(IDLE_TIMEOUT) instanceof Integer idle) {
                session.setMaxInactiveInterval(idle);
                session.removeAttribute(IDLE_TIMEOUT);
            }
            signedIn.onAuthenticationSuccess(request, response, authentication);
        });
        filter.setAuthenticationFailureHandler(failure());
        http.addFilterAfter(filter, UsernamePasswordAuthenticationFilter.class);
    }

    /** Marks a session halfway through sign-in: it lasts {@link SecondStep#TIMEOUT} unless the code comes. */
    static void startSecondStep(HttpSession session) {
        if (session.getAttribute(IDLE_TIMEOUT) == null) {
            session.setAttribute(IDLE_TIMEOUT, session.getMaxInactiveInterval());
        }
        session.setMaxInactiveInterval((int) SecondStep.TIMEOUT.toSeconds());
    }

    private static AuthenticationFailureHandler failure() {
        return (request, response, exception) -> {
            if (exception instanceof SecondStepFilter.Dropped dropped) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                response.sendRedirect(
                        request.getContextPath() + "/sign-in?" + SecondStep.PARAMETER + "=" + dropped.reason);
                return;
            }
            request.setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, exception);
            RequestDispatcher forward = request.getRequestDispatcher(FAILED);
            forward.forward(request, response);
        };
    }
}
