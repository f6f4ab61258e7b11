package herald.publishing;

import herald.providers.ProviderException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The platform call of a claimed step that follows a target's publish (a first comment, a part of a thread), outside
 * any transaction: a look for the step first when an earlier attempt may have taken it, the write, a look again when
 * the write got no answer, and the answer turned into a {@link StepOutcome} by kind of error, with the publishing
 * retry policy. An answer that never came is ambiguous, never a plain failure: the next attempt looks first; after the
 * last attempt it is {@code unknown}, for a person.
 */
@Component
class StepCalls {

    /** The platform's side of one step: looking for it, and writing it. Both may throw {@link ProviderException}. */
    interface Step<R> {
        Optional<R> find();

        R write();
    }

    /**
     * One attempt's circumstances.
     *
     * @param attempt its number, 1 for the first
     * @param lookFirst whether an earlier attempt may have taken the step
     * @param since since when the platform may have it
     * @param what the step in a sentence ("the comment", "part 3 of the thread"), for giving up
     * @param unknown the explanation a person gets, from the platform's last words, once Herald stops asking
     */
    record Attempt(int attempt, boolean lookFirst, Instant since, String what, Function<String, String> unknown) {}

    private final PublishingSettings settings;
    private final Clock clock;
    private final RetryPolicy retries;

    StepCalls(PublishingSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.retries = new RetryPolicy(settings, clock);
    }

    /** Looks (when it must), writes, and looks again after a write that got no answer. */
    <R> StepOutcome<R> take(Step<R> step, Attempt attempt) {
        if (attempt.lookFirst()) {
            Optional<R> found = step.find();
            if (found.isPresent()) {
                return new StepOutcome.Posted<>(found.get());
            }
        }
        try {
            return new StepOutcome.Posted<>(step.write());
        } catch (ProviderException e) {
            if (e.kind() != ProviderException.Kind.UNKNOWN_OUTCOME) {
                throw e;
            }
            try {
                Optional<R> found = step.find();
                if (found.isPresent()) {
                    return new StepOutcome.Posted<>(found.get());
                }
            } catch (ProviderException unanswered) {
                // Still ambiguous: a later attempt asks again before it writes.
            }
            return ambiguous(attempt, e.getMessage());
        }
    }

    /** What follows an error the platform answered (or a look that failed), by its kind. */
    <R> StepOutcome<R> fromError(Attempt attempt, ProviderException e) {
        if (attempt.lookFirst()
                && (e.kind() == ProviderException.Kind.TRANSIENT
                        || e.kind() == ProviderException.Kind.RATE_LIMITED
                        || e.kind() == ProviderException.Kind.UNKNOWN_OUTCOME)) {
            return ambiguous(attempt, e.getMessage());
        }
        return switch (e.kind()) {
            case TRANSIENT ->
                attempt.attempt() >= settings.maxAttempts()
                        ? new StepOutcome.Failed<>(
                                RetryPolicy.gaveUp(e.getMessage(), attempt.attempt(), attempt.what()))
                        : new StepOutcome.Retry<>(
                                retries.backoff(
                                        attempt.attempt(), settings.maxBackoff().toMillis()),
                                e.getMessage(),
                                false);
            case RATE_LIMITED ->
                new StepOutcome.Retry<>(
                        clock.instant().plus(e.retryAfter() == null ? settings.rateLimitWait() : e.retryAfter()),
                        e.getMessage(),
                        false);
            case UNKNOWN_OUTCOME -> ambiguous(attempt, e.getMessage());
            default -> new StepOutcome.Failed<>(e.getMessage());
        };
    }

    private <R> StepOutcome<R> ambiguous(Attempt attempt, String reason) {
        if (attempt.attempt() >= settings.maxAttempts()) {
            return new StepOutcome.Unknown<>(attempt.unknown().apply(reason));
        }
        return new StepOutcome.Retry<>(
                retries.backoff(attempt.attempt(), settings.maxBackoff().toMillis()), reason, true);
    }
}
