package herald.publishing;

import java.time.Instant;

/**
 * How one attempt of a step that follows a target's publish ended — a first comment ({@link FirstComments}), a part of
 * a thread ({@link ThreadParts}) — as {@link StepCalls} turns the platform's answer into what happens next.
 *
 * @param <R> what the platform answers for a step it took: the comment, the post
 */
sealed interface StepOutcome<R> {

    /** The platform has it, written now or found from an earlier attempt. */
    record Posted<R>(R result) implements StepOutcome<R> {}

    /** Tried again at {@code at}; {@code ambiguous} when the platform may have it, so the next attempt looks first. */
    record Retry<R>(Instant at, String reason, boolean ambiguous) implements StepOutcome<R> {}

    /** Refused for good, in the platform's words. */
    record Failed<R>(String reason) implements StepOutcome<R> {}

    /** Sent, and neither the platform's answer nor a look could tell whether it took it: for a person. */
    record Unknown<R>(String explanation) implements StepOutcome<R> {}
}
