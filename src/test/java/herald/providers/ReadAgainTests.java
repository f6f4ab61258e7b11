package herald.providers;

import static org.assertj.core.api.Assertions.assertThat;

import herald.providers.ProviderException.Kind;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How long a reading waits after a refusal: the platform's wait, the usual one, or never again. */
class ReadAgainTests {

    static final Duration USUAL = Duration.ofMinutes(15);

    @Test
    void aRateLimitWaitsAsThePlatformSaysElseTheUsualWait() {
        assertThat(ProviderException.rateLimited("x", "Slow down.", Duration.ofSeconds(90))
                        .readAgainAfter(USUAL))
                .isEqualTo(Duration.ofSeconds(90));
        assertThat(ProviderException.rateLimited("x", "Slow down.", null).readAgainAfter(USUAL))
                .isEqualTo(USUAL);
    }

    @Test
    void aPassingFailureWaitsTheUsualWaitARefusalForGoodNeverAsksAgain() {
        for (Kind passing : new Kind[] {Kind.TRANSIENT, Kind.UNKNOWN_OUTCOME, Kind.AUTH_EXPIRED}) {
            assertThat(new ProviderException("x", passing, "Later.").readAgainAfter(USUAL))
                    .as(passing.name())
                    .isEqualTo(USUAL);
        }
        for (Kind lasting : new Kind[] {Kind.PERMISSION, Kind.AUTH_REVOKED, Kind.INVALID_CONTENT, Kind.DUPLICATE}) {
            assertThat(new ProviderException("x", lasting, "No.").readAgainAfter(USUAL))
                    .as(lasting.name())
                    .isNull();
        }
    }
}
