package herald.shared;

/** A request that contradicts the current state (a duplicate, a used invitation, the last owner leaving). */
public class Conflict extends RuntimeException {

    private final String field;

    public Conflict(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
