package herald.web.ui;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.io.ByteArrayOutputStream;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a person's authenticator app does, for tests: the code of a base32 key at an instant, with the same library
 * Herald uses (SHA-1, 30 s, 6 digits).
 */
final class TotpForTests {

    private static final TimeBasedOneTimePasswordGenerator APP = new TimeBasedOneTimePasswordGenerator();
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private TotpForTests() {}

    static String code(String base32Key, Instant at) {
        try {
            return APP.generateOneTimePasswordString(new SecretKeySpec(decode(base32Key), "RAW"), at, Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits, if needed, until at least {@code needed} of the current 30-second step remain: a test that turns two-factor
     * on with the previous step's code and signs in with the current one must not straddle two steps.
     */
    static void awaitStepWithTimeLeft(Duration needed) {
        long intoStep = Instant.now().toEpochMilli() % 30_000;
        long left = 30_000 - intoStep;
        if (left < needed.toMillis()) {
            try {
                Thread.sleep(left + 50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static byte[] decode(String base32) {
        var out = new ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : base32.replace(" ", "").toUpperCase(Locale.ROOT).toCharArray()) {
            buffer = (buffer << 5) | ALPHABET.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write(buffer >> (bits - 8));
                bits -= 8;
            }
        }
        return out.toByteArray();
    }
}
