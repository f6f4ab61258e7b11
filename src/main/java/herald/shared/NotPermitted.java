package herald.shared;

/** The caller is in the workspace but their role or rights do not allow this action; the message says what does. */
public class NotPermitted extends RuntimeException {

    public NotPermitted(String message) {
        super(message);
    }
}
