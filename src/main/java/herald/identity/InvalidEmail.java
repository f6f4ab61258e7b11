package herald.identity;

import herald.shared.InvalidInput;

/** An email address that cannot be one. */
public class InvalidEmail extends InvalidInput {

    public InvalidEmail() {
        super("email", "Enter a valid email address, like name@example.com.");
    }
}
