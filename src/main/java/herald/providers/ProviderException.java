package herald.providers;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Every platform error in one taxonomy, so callers have one policy for all platforms. The message is the platform's
 * own explanation in words a person can act on; it never contains a token.
 */
public class ProviderException extends RuntimeException {

    /** What went wrong, as far as the caller's next step is concerned. */
    public enum Kind {
        /** The access token expired or was refused; a refresh may fix it. */
        AUTH_EXPIRED,
        /** The grant is gone (revoked, password changed, app removed, spent refresh token): reconnect. */
        AUTH_REVOKED,
        /** Herald is not allowed to do this (missing scope, client refused, account restricted). */
        PERMISSION,
        /** Too many requests; retry after {@link #retryAfter()} when the platform says. */
        RATE_LIMITED,
        /** The platform failed or did not answer in time before anything happened: retry with backoff. */
        TRANSIENT,
        /** The platform already has this (same post text). */
        DUPLICATE,
        /** The content breaks the platform's rules. */
        INVALID_CONTENT,
        /** The request may or may not have taken effect (timeout after sending a publish): reconcile first. */
        UNKNOWN_OUTCOME
    }

    private final String provider;
    private final Kind kind;
    private final @Nullable Duration retryAfter;

    public ProviderException(String provider, Kind kind, String message) {
        this(provider, kind, message, null, null);
    }

    public ProviderException(
            String provider, Kind kind, String message, @Nullable Duration retryAfter, @Nullable Throwable cause) {
        super(message, cause);
        this.provider = Objects.requireNonNull(provider);
        this.kind = Objects.requireNonNull(kind);
        this.retryAfter = retryAfter;
    }

    public static ProviderException rateLimited(String provider, String message, @Nullable Duration retryAfter) {
        return new ProviderException(provider, Kind.RATE_LIMITED, message, retryAfter, null);
    }

    public String provider() {
        return provider;
    }

    public Kind kind() {
        return kind;
    }

    /** How long the platform asked to wait; null when it did not say. */
    public @Nullable Duration retryAfter() {
        return retryAfter;
    }

    /**
     * How long a reading (figures, comments, followers) waits before it asks again after this refusal: the platform's
     * wait for a rate limit, else {@code usual}; {@code usual} after a passing failure or an expired token; null when
     * asking again changes nothing (a permission, a revoked grant, a post that is gone, a duplicate).
     */
    public @Nullable Duration readAgainAfter(Duration usual) {
        return switch (kind) {
            case RATE_LIMITED -> retryAfter != null ? retryAfter : usual;
            case TRANSIENT, UNKNOWN_OUTCOME, AUTH_EXPIRED -> usual;
            case PERMISSION, AUTH_REVOKED, INVALID_CONTENT, DUPLICATE -> null;
        };
    }

    /** Whether the same call may succeed later without a person doing anything. */
    public boolean retryable() {
        return kind == Kind.TRANSIENT || kind == Kind.RATE_LIMITED;
    }
}
