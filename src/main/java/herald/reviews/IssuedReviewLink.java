package herald.reviews;

/** A link just made, with its token: shown once, never stored (only its SHA-256 is). */
public record IssuedReviewLink(ReviewLink link, String token) {

    @Override
    public String toString() {
        return "IssuedReviewLink[link=" + link.id() + ", token=<hidden>]";
    }
}
