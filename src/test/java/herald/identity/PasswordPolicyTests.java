package herald.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTests {

    static final String EMAIL = "margaret.hamilton@example.com";

    @Test
    void acceptsALongPassphraseWithoutCompositionRules() {
        assertThatCode(() -> PasswordPolicy.check("correct horse battery staple", EMAIL))
                .doesNotThrowAnyException();
        assertThatCode(() -> PasswordPolicy.check("tenletters", EMAIL)).doesNotThrowAnyException();
    }

    @Test
    void rejectsFewerThanTenCharactersAndSaysHowMany() {
        assertThatThrownBy(() -> PasswordPolicy.check("short-pw1", EMAIL))
                .isInstanceOf(WeakPassword.class)
                .hasMessage("Use at least 10 characters for your password.")
                .extracting(e -> ((WeakPassword) e).field())
                .isEqualTo("password");
    }

    @Test
    void rejectsMoreThan128Characters() {
        assertThatCode(() -> PasswordPolicy.check("x1y2z3w4".repeat(16), EMAIL)).doesNotThrowAnyException();
        assertThatThrownBy(() -> PasswordPolicy.check("x1y2z3w4".repeat(16) + "!", EMAIL))
                .isInstanceOf(WeakPassword.class)
                .hasMessage("Use at most 128 characters for your password.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"password123", "PASSWORD123", "1234567890", "qwertyuiop", "aaaaaaaaaaaa", "abababababab"})
    void rejectsWellKnownAndRepetitivePasswords(String password) {
        assertThatThrownBy(() -> PasswordPolicy.check(password, EMAIL))
                .isInstanceOf(WeakPassword.class)
                .hasMessageContaining("too easy to guess");
    }

    @Test
    void rejectsAPasswordContainingTheEmailsName() {
        assertThatThrownBy(() -> PasswordPolicy.check("my-Margaret.Hamilton-2024", EMAIL))
                .isInstanceOf(WeakPassword.class)
                .hasMessage("Your password must not contain your email address.");
    }

    @Test
    void aShortEmailNameDoesNotForbidCommonSyllables() {
        assertThatCode(() -> PasswordPolicy.check("jolly bold anchor", "jo@example.com"))
                .doesNotThrowAnyException();
    }
}
