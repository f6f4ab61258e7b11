package herald.publishing;

import java.util.Locale;
import java.util.Set;

/** Where a post stands. The transitions a post may take are listed here and nowhere else. */
public enum PostStatus {
    DRAFT,
    PENDING_APPROVAL,
    SCHEDULED,
    PUBLISHING,
    PUBLISHED,
    PARTIALLY_FAILED,
    FAILED,
    CANCELLED;

    public boolean canTransitionTo(PostStatus next) {
        return switch (this) {
            case DRAFT -> Set.of(DRAFT, PENDING_APPROVAL, SCHEDULED, CANCELLED).contains(next);
            case PENDING_APPROVAL -> Set.of(DRAFT, SCHEDULED, CANCELLED).contains(next);
            case SCHEDULED -> Set.of(DRAFT, SCHEDULED, PUBLISHING, CANCELLED).contains(next);
            case PUBLISHING ->
                Set.of(PUBLISHING, PUBLISHED, PARTIALLY_FAILED, FAILED).contains(next);
            // A retry or a "publish again" sends a finished post back to publishing.
            case PARTIALLY_FAILED, FAILED ->
                Set.of(PUBLISHING, PUBLISHED, PARTIALLY_FAILED, FAILED).contains(next);
            case PUBLISHED, CANCELLED -> false;
        };
    }

    /** Whether its text, media, targets and time may still change. */
    public boolean editable() {
        return this == DRAFT || this == PENDING_APPROVAL || this == SCHEDULED;
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PostStatus of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
