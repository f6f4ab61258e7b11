package herald.notifications;

import herald.shared.InvalidInput;
import herald.tenancy.Role;
import java.util.Locale;

/** What a notification is about, and who is told: the members whose role lets them act on it. */
public enum NotificationKind {
    POST_FAILED("Posts that failed", Role.EDITOR),
    POST_NEEDS_ATTENTION("Posts that may not have been published", Role.EDITOR),
    POST_COMMENT_FAILED("First comments that failed", Role.EDITOR),
    POST_COMMENT_UNKNOWN("First comments that may not have been written", Role.EDITOR),
    POST_THREAD_FAILED("Parts of threads that failed or may not have gone out", Role.EDITOR),
    POST_AWAITING_APPROVAL("Posts awaiting approval", Role.EDITOR),
    /** Told only to the member who created the post. */
    POST_DECIDED("Decisions about your posts that awaited approval", Role.EDITOR),
    POST_REPEAT_STOPPED("Repeating posts that stopped", Role.EDITOR),
    CONNECTION_NEEDS_RECONNECT("Accounts to reconnect", Role.ADMIN),
    REVIEW_FEEDBACK("Clients' comments and decisions through review links", Role.EDITOR),
    INBOX_COMMENT("New comments under published posts, in the inbox", Role.EDITOR);

    private final String label;
    private final Role audience;

    NotificationKind(String label, Role audience) {
        this.label = label;
        this.audience = audience;
    }

    /** How the preferences form names it. */
    public String label() {
        return label;
    }

    /** The weakest role that is told. */
    public Role audience() {
        return audience;
    }

    /** Whether a member with {@code role} is told of this kind. */
    public boolean reaches(Role role) {
        return role.atLeast(audience);
    }

    /** How rows and forms name it: {@code post_failed}, ... */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws InvalidInput on {@code kind} for a name that is not a kind */
    public static NotificationKind of(String value) {
        for (NotificationKind kind : values()) {
            if (kind.value().equals(value)) {
                return kind;
            }
        }
        throw new InvalidInput("kind", "There is no kind of notification called '" + value + "'.");
    }
}
