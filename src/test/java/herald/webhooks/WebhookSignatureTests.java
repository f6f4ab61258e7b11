package herald.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Signatures a Standard Webhooks library accepts: the specification's own test vector, and the checks around it. */
class WebhookSignatureTests {

    // The test vector every Standard Webhooks reference library checks itself against.
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    static final long TIMESTAMP = 1614265330;
    static final String BODY = "{\"test\": 2432232314}";
    static final String SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    @Test
    void signsTheSpecificationsTestVectorExactly() {
        assertThat(WebhookSignature.sign(SECRET, ID, TIMESTAMP, BODY)).isEqualTo(SIGNATURE);
    }

    @Test
    void verifiesAnyOfSeveralSignaturesAndNothingElse() {
        assertThat(WebhookSignature.verify(SECRET, ID, TIMESTAMP, BODY, "v1,bm9wZQ== " + SIGNATURE))
                .isTrue();
        assertThat(WebhookSignature.verify(SECRET, ID, TIMESTAMP, BODY + " ", SIGNATURE))
                .isFalse();
        assertThat(WebhookSignature.verify(SECRET, ID, TIMESTAMP + 1, BODY, SIGNATURE))
                .isFalse();
        assertThat(WebhookSignature.verify(WebhookSignature.newSecret(), ID, TIMESTAMP, BODY, SIGNATURE))
                .isFalse();
    }

    @Test
    void newSecretsAreRandomThirtyTwoBytesAndTheirHintShowsOnlyTheEnd() {
        String one = WebhookSignature.newSecret();
        String two = WebhookSignature.newSecret();

        assertThat(one).startsWith("whsec_").isNotEqualTo(two);
        assertThat(java.util.Base64.getDecoder().decode(one.substring(6))).hasSize(32);
        // Base64 of 32 bytes ends in one '=': the hint shows the eight characters before it.
        assertThat(one).endsWith("=");
        assertThat(WebhookSignature.hint(one)).isEqualTo("whsec_…" + one.substring(one.length() - 9, one.length() - 1));
    }
}
