package herald.identity;

/** A code (or the password confirming a change) was not accepted; the message says why, for the person. */
public class CodeRefused extends RuntimeException {

    public CodeRefused(String message) {
        super(message);
    }
}
