package herald.connections;

import java.time.Instant;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** One attempt to refresh a connection's tokens, kept in its history. */
public record RefreshAttempt(Instant attemptedAt, Trigger trigger, Outcome outcome, @Nullable String error) {

    /** What asked for the refresh: a use of the token, or the sweep ahead of expiry. */
    public enum Trigger {
        USE,
        SWEEP;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public enum Outcome {
        REFRESHED,
        TRANSIENT_FAILURE,
        REFUSED;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
