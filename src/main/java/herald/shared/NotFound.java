package herald.shared;

/** Nothing by that id in the caller's workspace. Answered as 404, whether it exists elsewhere or not. */
public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message);
    }
}
