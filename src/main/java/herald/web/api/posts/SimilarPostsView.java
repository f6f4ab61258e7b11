package herald.web.api.posts;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * Posts similar to a text, most similar first.
 *
 * @param threshold the similarity at or above which a text counts as repeating a post
 *     ({@code herald.content.similarity-threshold})
 */
@Schema(name = "SimilarPosts")
record SimilarPostsView(
        @Schema(description = "Cosine similarity at or above which a text counts as repeating a post.")
                double threshold,
        List<Hit> items) {

    /** One similar post and how similar it is. */
    @Schema(name = "SimilarPost")
    record Hit(
            @Schema(description = "Cosine similarity of the post's text to the text searched for, from -1 to 1.")
                    double similarity,
            @Schema(description = "Whether the similarity is at or above the threshold.") boolean repeats,
            PostView post) {}
}
