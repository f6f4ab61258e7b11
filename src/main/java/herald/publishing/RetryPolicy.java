package herald.publishing;

import herald.providers.ProviderException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * What an attempt that did not publish leads to (docs/adr/0008): a retry with backoff and jitter for a transient
 * error, after the platform's own wait for a rate limit, a failure with the platform's words for anything else, and,
 * when the platform may have the post, an ambiguous retry that reconciles before publishing again, or, out of
 * attempts, an unknown outcome for a person to settle.
 */
final class RetryPolicy {

    /** The end of a transient error's message that says Herald will try again (the providers' own wording). */
    private static final Pattern TRIES_AGAIN = Pattern.compile("[;,.]?\\s*Herald will try again[^.]*\\.?$");

    private final PublishingSettings settings;
    private final Clock clock;

    RetryPolicy(PublishingSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    Publisher.Outcome fromError(Claim claim, ProviderException e) {
        if (claim.reconcileSince() != null
                && (e.kind() == ProviderException.Kind.TRANSIENT
                        || e.kind() == ProviderException.Kind.RATE_LIMITED
                        || e.kind() == ProviderException.Kind.UNKNOWN_OUTCOME)) {
            // Still unsure whether the earlier attempt published it: never publish blindly, ask again later.
            return ambiguous(claim, claim.reconcileSince(), e.getMessage());
        }
        return switch (e.kind()) {
            case TRANSIENT -> retryOrFail(claim, e.getMessage());
            case RATE_LIMITED -> {
                Duration wait = e.retryAfter() == null ? settings.rateLimitWait() : e.retryAfter();
                yield new Publisher.Outcome.Retry(
                        clock.instant().plus(wait).plusMillis(jitter(250)), e.getMessage(), false);
            }
            case UNKNOWN_OUTCOME -> ambiguous(claim, claim.startedAt(), e.getMessage());
            default -> new Publisher.Outcome.Failed(e.getMessage());
        };
    }

    Publisher.Outcome retryOrFail(Claim claim, String reason) {
        if (claim.attempt() >= settings.maxAttempts()) {
            return new Publisher.Outcome.Failed(gaveUp(reason, claim.attempt(), "the post"));
        }
        return new Publisher.Outcome.Retry(
                backoff(claim.attempt(), settings.maxBackoff().toMillis()), reason, false);
    }

    Publisher.Outcome ambiguous(Claim claim, Instant since, String reason) {
        if (claim.attempt() >= settings.maxAttempts()) {
            return new Publisher.Outcome.Unknown("Herald sent this post at " + since + " but could not confirm"
                    + " whether the platform published it (" + reason + "), and the platform's list of recent posts"
                    + " could not settle it. Look at the account: mark it published with its URL, or publish it"
                    + " again.");
        }
        return new Publisher.Outcome.Retry(backoff(claim.attempt(), 60_000), reason, true);
    }

    /**
     * When the next attempt runs: the backoff doubled for each attempt made, at most {@code capMillis}, and of that a
     * random wait between half and all of it.
     */
    Instant backoff(int attempt, long capMillis) {
        long wait = Math.min(settings.backoff().toMillis() << Math.min(attempt - 1, 20), capMillis);
        return clock.instant().plusMillis(wait / 2 + jitter(wait / 2 + 1));
    }

    /**
     * The reason of a last attempt, as a person reads it once Herald stops: the platform's error without its promise
     * that Herald will try again ("The Sandbox failed the post (HTTP 503); Herald will try again."), then how often
     * Herald tried and what is left to do ({@code what}: "the post", "the comment").
     */
    static String gaveUp(String reason, int attempts, String what) {
        String error = TRIES_AGAIN.matcher(reason.strip()).replaceFirst(".");
        if (!error.endsWith(".")) {
            error += ".";
        }
        return error + " Herald tried " + attempts + " times and stopped: retry " + what
                + " once the platform answers again.";
    }

    static long jitter(long bound) {
        return ThreadLocalRandom.current().nextLong(Math.max(1, bound));
    }
}
