package herald.web.ui;

import herald.tenancy.Role;
import org.jspecify.annotations.Nullable;

/** The signed-in member's role is too low for a page or an action; answered with a 403 page naming the role needed. */
class RoleRequired extends RuntimeException {

    private final Role required;
    private final @Nullable Role actual;

    RoleRequired(Role required, @Nullable Role actual) {
        super("Requires the " + required.value() + " role");
        this.required = required;
        this.actual = actual;
    }

    Role required() {
        return required;
    }

    @Nullable
    Role actual() {
        return actual;
    }
}
