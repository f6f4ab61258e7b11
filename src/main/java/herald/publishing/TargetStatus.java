package herald.publishing;

import java.util.Locale;

/**
 * Where one target (the post on one connection) stands. {@code HELD}: scheduled, but publishing to its account is
 * paused; it waits, like a scheduled target, until the account is resumed (docs/pausing.md). {@code UNKNOWN}: Herald
 * cannot tell whether the platform has the post; a person decides with mark-published or publish-again.
 */
public enum TargetStatus {
    SCHEDULED,
    HELD,
    PUBLISHING,
    PUBLISHED,
    FAILED,
    UNKNOWN,
    CANCELLED;

    public boolean finished() {
        return this == PUBLISHED || this == FAILED || this == UNKNOWN || this == CANCELLED;
    }

    public boolean canTransitionTo(TargetStatus next) {
        return switch (this) {
            case SCHEDULED -> next == PUBLISHING || next == CANCELLED || next == SCHEDULED || next == HELD;
            case HELD -> next == SCHEDULED || next == CANCELLED;
            case PUBLISHING -> next != CANCELLED;
            case FAILED -> next == SCHEDULED;
            case UNKNOWN -> next == PUBLISHED || next == SCHEDULED;
            case PUBLISHED, CANCELLED -> false;
        };
    }

    /** Whether it waits for its time: scheduled, or held until its account is resumed. */
    public boolean waiting() {
        return this == SCHEDULED || this == HELD;
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TargetStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
