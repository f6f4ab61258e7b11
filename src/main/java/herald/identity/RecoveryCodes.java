package herald.identity;

import herald.shared.KeyTokens;
import herald.shared.UserId;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One-time codes for a lost authenticator: 16 characters of an unambiguous alphabet (79 random bits), shown as
 * {@code xxxx-xxxx-xxxx-xxxx}. Stored only as SHA-256 of the user's id and the code: nobody can guess 79 bits, so no
 * slow hash is needed, and the id keeps one person's hashes useless for another's.
 */
final class RecoveryCodes {

    static final int COUNT = 10;
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"; // no 0/o, 1/l/i
    private static final SecureRandom RANDOM = new SecureRandom();

    private RecoveryCodes() {}

    static List<String> mint() {
        List<String> codes = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            StringBuilder code = new StringBuilder(19);
            for (int c = 0; c < 16; c++) {
                if (c > 0 && c % 4 == 0) {
                    code.append('-');
                }
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            codes.add(code.toString());
        }
        return List.copyOf(codes);
    }

    /** Whether {@code typed} has the shape of a recovery code (a TOTP code is six digits). */
    static boolean looksLikeOne(String typed) {
        return normalize(typed).length() == 16;
    }

    static byte[] hash(UserId user, String code) {
        return KeyTokens.hash(user.value() + ":" + normalize(code));
    }

    private static String normalize(String typed) {
        return typed.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
