package herald.reviews;

/**
 * A review link that cannot be opened: unknown, expired or revoked. Deliberately one case with one message, so that
 * whoever holds a token learns nothing about which it is.
 */
public class ReviewLinkUnusable extends RuntimeException {

    public ReviewLinkUnusable() {
        super("This review link does not work. It may have expired or been withdrawn; ask whoever sent it for a new"
                + " one.");
    }
}
