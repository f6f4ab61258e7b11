package herald.web.ui;

import org.jspecify.annotations.Nullable;

/** The invite form: an optional email the invitation is bound to, and the role it grants. */
public record InviteForm(@Nullable String email, @Nullable String role) {

    public InviteForm {
        email = email == null ? "" : email.strip();
        role = role == null ? "" : role.strip();
    }
}
