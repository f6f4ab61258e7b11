package herald.identity;

import java.util.Locale;
import java.util.Set;

/**
 * What a password must be: at least 10 characters, at most 128, not a well-known password, and not the email. Long
 * passphrases beat composition rules (NIST SP 800-63B), so there are none.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 128;

    private static final Set<String> COMMON = Set.of(
            "password",
            "password1",
            "password123",
            "1234567890",
            "12345678910",
            "qwertyuiop",
            "iloveyou12",
            "letmein123",
            "welcome123",
            "administrator",
            "passw0rd123",
            "0123456789",
            "abcdefghij",
            "qwerty1234",
            "1q2w3e4r5t",
            "aaaaaaaaaa",
            "herald1234",
            "changeme123",
            "trustno1234",
            "sunshine123");

    private PasswordPolicy() {}

    static void check(String password, String email) {
        if (password.length() < MIN_LENGTH) {
            throw new WeakPassword("Use at least " + MIN_LENGTH + " characters for your password.");
        }
        if (password.length() > MAX_LENGTH) {
            throw new WeakPassword("Use at most " + MAX_LENGTH + " characters for your password.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || lower.chars().distinct().count() < 4) {
            throw new WeakPassword("This password is too easy to guess. Try a few unrelated words.");
        }
        String local = email.toLowerCase(Locale.ROOT).split("@")[0];
        if (local.length() >= 4 && lower.contains(local)) {
            throw new WeakPassword("Your password must not contain your email address.");
        }
    }
}
