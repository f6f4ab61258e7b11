package herald.publishing;

import java.util.Locale;

/**
 * Where one target (the post on one connection) stands. {@code UNKNOWN}: Herald cannot tell whether the platform has
 * the post; a person decides with mark-published or publish-again.
 */
public enum TargetStatus {
    SCHEDULED,
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
            case SCHEDULED -> next == PUBLISHING || next == CANCELLED || next == SCHEDULED;
            case PUBLISHING -> next != CANCELLED;
            case FAILED -> next == SCHEDULED;
            case UNKNOWN -> next == PUBLISHED || next == SCHEDULED;
            case PUBLISHED, CANCELLED -> false;
        };
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TargetStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
