package herald.web.security;

import herald.identity.SignedInUser;
import herald.identity.TwoFactor;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AbstractAuthenticationProcessingFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Takes {@code POST /sign-in/two-factor}: the code (or a recovery code) of a sign-in whose password was right. A right
 * code adds the TOTP factor to the same sign-in, and the filter's session strategy then gives the session a new id,
 * as after any sign-in. The fifth wrong code in one session, an expired half sign-in or a locked account ends the
 * attempt with {@link Dropped}; the identity module counts wrong codes across sessions as well.
 */
class SecondStepFilter extends AbstractAuthenticationProcessingFilter {

    static final int TRIES_PER_SESSION = 5;
    private static final String TRIES = SecondStepFilter.class.getName() + ".TRIES";

    private final TwoFactor twoFactor;
    private final Clock clock;

    /** The half sign-in is over: the person starts again from the password. {@link #reason} is a fixed word. */
    static final class Dropped extends AuthenticationException {

        final String reason;

        Dropped(String reason) {
            super("Sign in again: " + reason);
            this.reason = reason;
        }
    }

    SecondStepFilter(TwoFactor twoFactor, Clock clock) {
        super(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, SecondStep.PAGE));
        this.twoFactor = twoFactor;
        this.clock = clock;
    }

    /**
     * Unlike a failed password, a wrong code does not end what is signed in: the half sign-in stays for the next try
     * (and the code page the failure is forwarded to needs it). A dropped one is cleared by the failure handler.
     */
    @Override
    protected void unsuccessfulAuthentication(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException failed)
            throws IOException, ServletException {
        getFailureHandler().onAuthenticationFailure(request, response, failed);
    }

    @Override
    public Authentication attemptAuthentication(HttpServletRequest request, HttpServletResponse response) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        SignedInUser user = SecondStep.pending(current).orElseThrow(() -> new Dropped("expired"));
        if (SecondStep.expired(current, clock.instant())) {
            throw new Dropped("expired");
        }
        String code = request.getParameter("code");
        TwoFactor.SecondStep step = twoFactor.verify(user, code == null ? "" : code, AuditOrigin.of(request));
        if (step.outcome() == TwoFactor.Outcome.LOCKED) {
            throw new Dropped("locked");
        }
        if (!step.accepted()) {
            HttpSession session = request.getSession();
            int tries = session.getAttribute(TRIES) instanceof Integer n ? n + 1 : 1;
            session.setAttribute(TRIES, tries);
            if (tries >= TRIES_PER_SESSION) {
                throw new Dropped("too-many");
            }
            throw new BadCredentialsException("That code is not right. Type the 6 digits your app shows now, or a"
                    + " recovery code. " + (TRIES_PER_SESSION - tries) + " tries left.");
        }
        var authorities = new ArrayList<GrantedAuthority>(current.getAuthorities());
        authorities.add(FactorGrantedAuthority.withAuthority(TwoFactor.TOTP_FACTOR)
                .issuedAt(clock.instant())
                .build());
        var signedIn = UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
        signedIn.setDetails(current.getDetails());
        request.getSession().removeAttribute(TRIES);
        return signedIn;
    }
}
