package herald.identity;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 codes as every authenticator app computes them: HMAC-SHA1, 30-second steps, 6 digits. A code is accepted
 * for the step it was made in and one step either side, so a clock a little off or a code typed at the turn of a step
 * still works; the caller refuses a step it has already accepted.
 */
final class TotpCodes {

    static final Duration STEP = Duration.ofSeconds(30);
    static final int DIGITS = 6;
    static final int WINDOW = 1;

    private static final TimeBasedOneTimePasswordGenerator GENERATOR = new TimeBasedOneTimePasswordGenerator(
            STEP, DIGITS, TimeBasedOneTimePasswordGenerator.TOTP_ALGORITHM_HMAC_SHA1);

    private TotpCodes() {}

    static long stepOf(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), STEP.toSeconds());
    }

    /** The code of {@code key} for the step that contains {@code instant}. */
    static String codeAt(byte[] key, Instant instant) {
        try {
            return GENERATOR.generateOneTimePasswordString(
                    new SecretKeySpec(key, "RAW"), instant, java.util.Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("A TOTP key could not be used");
        }
    }

    /**
     * The step of {@code code} within the window around {@code now}, if it matches one later than {@code lastUsed}.
     * Every step of the window is compared, in constant time, so timing tells nothing about which one matched.
     */
    static OptionalLong match(byte[] key, String code, Instant now, long lastUsed) {
        String typed = code.replaceAll("\\s", "");
        if (!typed.matches("\\d{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        long current = stepOf(now);
        long matched = -1;
        for (long step = current - WINDOW; step <= current + WINDOW; step++) {
            String expected = codeAt(key, Instant.ofEpochSecond(step * STEP.toSeconds()));
            boolean same = java.security.MessageDigest.isEqual(
                    expected.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                    typed.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            if (same && step > lastUsed && matched < 0) {
                matched = step;
            }
        }
        return matched < 0 ? OptionalLong.empty() : OptionalLong.of(matched);
    }
}
