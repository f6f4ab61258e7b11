package herald.web.api.reviews;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A link just made, with its URL: shown in this response only (an idempotent replay of the request shows it as null).
 */
record NewReviewLink(
        ReviewLinkView link,
        @Schema(description = "The page to send the client. Store it now: Herald keeps only a hash of its token.")
                String url) {

    @Override
    public String toString() {
        return "NewReviewLink[link=" + link.id() + ", url=<hidden>]";
    }
}
