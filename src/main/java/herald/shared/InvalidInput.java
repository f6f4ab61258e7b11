package herald.shared;

/** Input a person can fix: {@code field} names what is wrong (or is empty for the request as a whole). */
public class InvalidInput extends RuntimeException {

    private final String field;

    public InvalidInput(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
