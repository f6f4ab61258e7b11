package herald.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The codes authenticator apps make (RFC 6238 with SHA-1, 30 s, 6 digits), the ±1 step window and replays. */
class TotpCodesTests {

    // RFC 6238, appendix B: the SHA-1 seed; its 8-digit codes end in these 6 digits.
    static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    static final Instant T = Instant.parse("2026-12-03T10:00:10Z"); // 10 s into its step

    @Test
    void makesTheCodesOfRfc6238() {
        assertThat(TotpCodes.codeAt(RFC_KEY, Instant.ofEpochSecond(59))).isEqualTo("287082");
        assertThat(TotpCodes.codeAt(RFC_KEY, Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
        assertThat(TotpCodes.codeAt(RFC_KEY, Instant.ofEpochSecond(2000000000))).isEqualTo("279037");
    }

    @Test
    void base32RoundTripsTheKeyAnAppIsGiven() {
        assertThat(Base32.encode(RFC_KEY)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Base32.decode("gezd gnbv gy3t qojq gezd gnbv gy3t qojq")).isEqualTo(RFC_KEY);
    }

    @Test
    void acceptsTheCodeOfTheStepBeforeAndAfterButNotTwoAway() {
        long now = TotpCodes.stepOf(T);
        for (int offset = -1; offset <= 1; offset++) {
            String code = TotpCodes.codeAt(RFC_KEY, T.plusSeconds(30L * offset));
            assertThat(TotpCodes.match(RFC_KEY, code, T, -1))
                    .as("a code %d step(s) away", offset)
                    .hasValue(now + offset);
        }
        assertThat(TotpCodes.match(RFC_KEY, TotpCodes.codeAt(RFC_KEY, T.minusSeconds(60)), T, -1))
                .isEmpty();
        assertThat(TotpCodes.match(RFC_KEY, TotpCodes.codeAt(RFC_KEY, T.plusSeconds(60)), T, -1))
                .isEmpty();
    }

    @Test
    void refusesACodeOfAStepAlreadyUsedOrEarlier() {
        long now = TotpCodes.stepOf(T);
        String code = TotpCodes.codeAt(RFC_KEY, T);

        assertThat(TotpCodes.match(RFC_KEY, code, T, now - 1)).hasValue(now);
        assertThat(TotpCodes.match(RFC_KEY, code, T, now))
                .as("the same step again")
                .isEmpty();
        assertThat(TotpCodes.match(RFC_KEY, TotpCodes.codeAt(RFC_KEY, T.minusSeconds(30)), T, now))
                .as("an earlier step after a later one was used")
                .isEmpty();
    }

    @Test
    void refusesWhatIsNotSixDigits() {
        String code = TotpCodes.codeAt(RFC_KEY, T);
        assertThat(TotpCodes.match(RFC_KEY, code.substring(1), T, -1)).isEmpty();
        assertThat(TotpCodes.match(RFC_KEY, code + "0", T, -1)).isEmpty();
        assertThat(TotpCodes.match(RFC_KEY, "", T, -1)).isEmpty();
        assertThat(TotpCodes.match(RFC_KEY, code.substring(0, 3) + " " + code.substring(3), T, -1))
                .as("a space in the middle, as some apps show it")
                .isPresent();
    }
}
