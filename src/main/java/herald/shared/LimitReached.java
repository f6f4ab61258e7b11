package herald.shared;

/** A plan limit would be exceeded; the message names the limit and the plan. */
public class LimitReached extends RuntimeException {

    private final String limit;

    public LimitReached(String limit, String message) {
        super(message);
        this.limit = limit;
    }

    public String limit() {
        return limit;
    }
}
