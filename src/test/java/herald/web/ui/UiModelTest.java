package herald.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import herald.identity.SignedInUser;
import herald.identity.TwoFactor;
import herald.shared.UserId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** The layout's view of who is signed in: someone between password and code is not, on any page. */
class UiModelTest {

    final SignedInUser user = new SignedInUser(UserId.random(), "half@example.com", "Half");

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    void signedInWith(String... extra) {
        var authorities = new java.util.ArrayList<GrantedAuthority>(List.of(
                new SimpleGrantedAuthority("ROLE_USER"),
                FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
                        .issuedAt(Instant.now())
                        .build()));
        for (String authority : extra) {
            authorities.add(new SimpleGrantedAuthority(authority));
        }
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, authorities));
    }

    @Test
    void aHalfSignInIsNotShownAsSignedIn() {
        signedInWith(TwoFactor.REQUIRED);

        assertThat(new UiModel(null).shell(new MockHttpServletRequest(), user).signedIn())
                .isFalse();
    }

    @Test
    void aCompletedSignInIs() {
        signedInWith(TwoFactor.REQUIRED, TwoFactor.TOTP_FACTOR);

        assertThat(new UiModel(null).shell(new MockHttpServletRequest(), user).signedIn())
                .isTrue();
    }
}
