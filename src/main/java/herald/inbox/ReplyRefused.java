package herald.inbox;

/**
 * The platform did not take an answer to a comment, in its own words. {@link #reason()}: {@code unknown} when the call
 * may have reached it without an answer (kept as the comment's uncertain answer, looked for before another is sent),
 * {@code retry} when trying
 * again later may work, {@code refused} when the platform refused the answer as it is.
 */
public class ReplyRefused extends RuntimeException {

    private final String reason;

    ReplyRefused(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
