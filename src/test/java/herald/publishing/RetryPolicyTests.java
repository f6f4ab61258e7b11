package herald.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import herald.connections.ConnectionId;
import herald.providers.ProviderException;
import herald.providers.ProviderException.Kind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** What an attempt that did not publish leads to, by the platform's kind of error and the attempts made. */
class RetryPolicyTests {

    static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    final RetryPolicy policy = policy(3);

    /** Backoff 2 s, doubling up to 5 s; a rate limit without a wait waits 60 s. */
    static RetryPolicy policy(int maxAttempts) {
        var settings = new PublishingSettings(
                maxAttempts,
                Duration.ofSeconds(2),
                Duration.ofSeconds(5),
                Duration.ofSeconds(60),
                2,
                4,
                Map.of(),
                50,
                Duration.ofMinutes(2),
                Duration.ofSeconds(30),
                Duration.ofHours(1),
                Duration.ofSeconds(1),
                Duration.ofSeconds(2),
                8,
                32,
                Duration.ZERO,
                1,
                Duration.ZERO);
        return new RetryPolicy(settings, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static Claim attempt(int attempt, @Nullable Instant reconcileSince) {
        var due = new Attempts.Due(
                new PostId(UUID.randomUUID()),
                PostStatus.PUBLISHING,
                TargetStatus.PUBLISHING,
                new ConnectionId(UUID.randomUUID()),
                "sandbox",
                "handle",
                "Hello",
                null,
                List.of(),
                NOW,
                attempt - 1,
                attempt - 1,
                reconcileSince,
                null,
                null,
                false,
                herald.providers.PostFormat.POST,
                null);
        return new Claim(
                due.post(),
                new TargetId(UUID.randomUUID()),
                attempt,
                attempt,
                due,
                reconcileSince,
                NOW,
                null,
                null,
                null,
                ZoneOffset.UTC,
                new LinkTagging.Tagged("Hello", null));
    }

    static ProviderException error(Kind kind) {
        return new ProviderException("sandbox", kind, "The platform said no (" + kind + ").");
    }

    @Test
    void aTransientErrorRetriesWithGrowingBackoffUntilTheLastAttemptThenFailsSayingSo() {
        var first = (Publisher.Outcome.Retry) policy.fromError(attempt(1, null), error(Kind.TRANSIENT));
        var second = (Publisher.Outcome.Retry) policy.fromError(attempt(2, null), error(Kind.TRANSIENT));
        var last = policy.fromError(attempt(3, null), error(Kind.TRANSIENT));

        assertThat(first.ambiguous()).isFalse();
        assertThat(Duration.between(NOW, first.at())).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(Duration.between(NOW, second.at())).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertThat(last).isInstanceOfSatisfying(Publisher.Outcome.Failed.class, f -> assertThat(f.reason())
                .contains("The platform said no")
                .contains("Herald tried 3 times and stopped: retry the post once the platform answers again."));
    }

    @Test
    void theLastReasonDropsThePlatformErrorsPromiseToTryAgain() {
        assertThat(RetryPolicy.gaveUp("The Sandbox failed the post (HTTP 503); Herald will try again.", 6, "the post"))
                .isEqualTo("The Sandbox failed the post (HTTP 503). Herald tried 6 times and stopped: retry the post"
                        + " once the platform answers again.");
        assertThat(RetryPolicy.gaveUp(
                        "X did not answer the post in time or could not be reached; Herald will try again.",
                        2,
                        "the comment"))
                .isEqualTo("X did not answer the post in time or could not be reached. Herald tried 2 times and"
                        + " stopped: retry the comment once the platform answers again.");
        assertThat(RetryPolicy.gaveUp("Connection reset", 3, "the post"))
                .isEqualTo("Connection reset. Herald tried 3 times and stopped: retry the post once the platform"
                        + " answers again.");
    }

    @Test
    void theBackoffStopsAtItsMaximum() {
        var manyTimes = policy(20);

        var retry = (Publisher.Outcome.Retry) manyTimes.fromError(attempt(10, null), error(Kind.TRANSIENT));

        assertThat(Duration.between(NOW, retry.at())).isLessThanOrEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aRateLimitWaitsAsLongAsThePlatformSaysOrTheDefault() {
        var told = (Publisher.Outcome.Retry) policy.fromError(
                attempt(1, null), ProviderException.rateLimited("sandbox", "Slow down.", Duration.ofSeconds(90)));
        var untold = (Publisher.Outcome.Retry)
                policy.fromError(attempt(3, null), ProviderException.rateLimited("sandbox", "Slow down.", null));

        assertThat(Duration.between(NOW, told.at())).isBetween(Duration.ofSeconds(90), Duration.ofMillis(90_250));
        assertThat(Duration.between(NOW, untold.at()))
                .as("a rate limit is not an attempt used up: the last attempt still waits")
                .isBetween(Duration.ofSeconds(60), Duration.ofMillis(60_250));
    }

    @Test
    void anAnswerThatNeverCameRetriesByReconcilingAndOutOfAttemptsAsksAPerson() {
        var unsure = (Publisher.Outcome.Retry) policy.fromError(attempt(1, null), error(Kind.UNKNOWN_OUTCOME));
        var last = policy.fromError(attempt(3, NOW.minusSeconds(30)), error(Kind.UNKNOWN_OUTCOME));

        assertThat(unsure.ambiguous())
                .as("the next attempt looks on the platform first")
                .isTrue();
        assertThat(last).isInstanceOfSatisfying(Publisher.Outcome.Unknown.class, u -> assertThat(u.explanation())
                .contains(NOW.minusSeconds(30).toString())
                .contains("mark it published"));
    }

    @Test
    void whileAnEarlierAttemptMayHavePublishedNoErrorLeadsToAPlainRetry() {
        Instant since = NOW.minusSeconds(10);
        for (Kind kind : List.of(Kind.TRANSIENT, Kind.RATE_LIMITED, Kind.UNKNOWN_OUTCOME)) {
            var outcome = policy.fromError(attempt(2, since), error(kind));
            assertThat(outcome)
                    .as(kind.toString())
                    .isInstanceOfSatisfying(Publisher.Outcome.Retry.class, r -> assertThat(r.ambiguous())
                            .isTrue());
        }
    }

    @Test
    void anyOtherRefusalFailsAtOnceWithThePlatformsWords() {
        for (Kind kind : List.of(Kind.PERMISSION, Kind.DUPLICATE, Kind.AUTH_REVOKED)) {
            assertThat(policy.fromError(attempt(1, null), error(kind)))
                    .as(kind.toString())
                    .isEqualTo(new Publisher.Outcome.Failed("The platform said no (" + kind + ")."));
        }
    }
}
