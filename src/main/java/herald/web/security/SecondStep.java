package herald.web.security;

import herald.identity.SignedInUser;
import herald.identity.TwoFactor;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;

/**
 * The state between the password and the code of someone with two-factor on: their authentication carries the
 * password factor and {@link TwoFactor#REQUIRED} but not {@link TwoFactor#TOTP_FACTOR}. Such a sign-in reaches no
 * page but the code page, and only for {@link #TIMEOUT} after the password.
 */
public final class SecondStep {

    public static final String PAGE = "/sign-in/two-factor";
    public static final Duration TIMEOUT = Duration.ofMinutes(5);

    /** Why a half-finished sign-in was dropped, shown on the sign-in page ({@code ?second-step=...}). */
    public static final String PARAMETER = "second-step";

    private SecondStep() {}

    /** The person halfway through signing in, if {@code authentication} is such a sign-in. */
    public static Optional<SignedInUser> pending(@Nullable Authentication authentication) {
        if (authentication == null
                || !(authentication.getPrincipal() instanceof SignedInUser user)
                || !has(authentication, TwoFactor.REQUIRED)
                || has(authentication, TwoFactor.TOTP_FACTOR)) {
            return Optional.empty();
        }
        return Optional.of(user);
    }

    /** Whether the password of a pending sign-in was typed more than {@link #TIMEOUT} ago. */
    public static boolean expired(Authentication authentication, Instant now) {
        return authentication.getAuthorities().stream()
                .filter(a -> a instanceof FactorGrantedAuthority)
                .map(a -> (FactorGrantedAuthority) a)
                .filter(a -> FactorGrantedAuthority.PASSWORD_AUTHORITY.equals(a.getAuthority()))
                .noneMatch(a -> a.getIssuedAt().plus(TIMEOUT).isAfter(now));
    }

    static boolean has(Authentication authentication, String authority) {
        for (GrantedAuthority granted : authentication.getAuthorities()) {
            if (authority.equals(granted.getAuthority())) {
                return true;
            }
        }
        return false;
    }
}
