package herald.tenancy;

import herald.shared.InvalidInput;
import java.util.Locale;

/** A member's role in a workspace, strongest first. */
public enum Role {
    OWNER,
    ADMIN,
    EDITOR,
    VIEWER;

    /** Whether this role has at least the rights of {@code other}. */
    public boolean atLeast(Role other) {
        return ordinal() <= other.ordinal();
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role of(String value) {
        for (Role role : values()) {
            if (role.value().equals(value)) {
                return role;
            }
        }
        throw new InvalidInput("role", "Unknown role '" + value + "': use owner, admin, editor or viewer.");
    }
}
