package herald.identity;

import herald.shared.InvalidInput;

/** A password that does not meet {@link PasswordPolicy}; the message says what to change. */
public class WeakPassword extends InvalidInput {

    public WeakPassword(String message) {
        super("password", message);
    }
}
