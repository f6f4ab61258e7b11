package herald.identity;

import herald.shared.Conflict;

/** Sign-up with an email that already has an account. */
public class EmailAlreadyRegistered extends Conflict {

    public EmailAlreadyRegistered() {
        super("email", "An account with this email already exists. Sign in instead.");
    }
}
