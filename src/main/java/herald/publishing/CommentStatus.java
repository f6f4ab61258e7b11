package herald.publishing;

/**
 * Where a target's first comment stands: {@code waiting} for its target to be published, {@code posting} while an
 * attempt holds it, then {@code posted}, {@code failed} (the platform's words say why), {@code unknown} (sent, and the
 * platform could not say whether it took it) or {@code skipped} (its target was not published).
 */
public enum CommentStatus {
    WAITING,
    POSTING,
    POSTED,
    FAILED,
    UNKNOWN,
    SKIPPED;

    public String value() {
        return name().toLowerCase();
    }

    public static CommentStatus of(String value) {
        return valueOf(value.toUpperCase());
    }

    /** Whether Herald is done with it (a person may still retry a failed or unknown one). */
    public boolean finished() {
        return this != WAITING && this != POSTING;
    }
}
