package herald.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The Sandbox's made-up audience: the same for the same account and instant, growing a few followers a day. */
class FollowersTests {

    static final Instant CREATED = Instant.parse("2026-11-01T08:00:00Z");

    @Test
    void growsByTheAccountsDailyGainAndIsTheSameOnEveryCall() {
        UUID account = UUID.fromString("6f1c2d9e-0000-4000-8000-000000000001");
        long first = Followers.of(account, CREATED, CREATED);

        assertThat(first).isBetween(100L, 580L);
        assertThat(Followers.of(account, CREATED, CREATED)).isEqualTo(first);
        assertThat(Followers.of(account, CREATED, CREATED.plus(Duration.ofDays(10))))
                .isEqualTo(first + 10 * Followers.perDay(account));
        assertThat(Followers.perDay(account)).isBetween(1L, 7L);
        assertThat(Followers.of(account, CREATED, CREATED.minusSeconds(60)))
                .as("never fewer than at the start")
                .isEqualTo(first);
        assertThat(Followers.following(account)).isBetween(20L, 116L);
    }
}
