package herald.content;

import herald.shared.WorkspaceId;
import java.util.List;

/**
 * The workspace's posts as sentence vectors (all-MiniLM-L6-v2, in process, stored under the workspace's row-level
 * security): every scheduled or published post's text is embedded, and new text is compared against them.
 */
public interface Similarity {

    /** The cosine similarity above which a text counts as repeating a recent post ({@code herald.content.similarity-threshold}). */
    double threshold();

    /**
     * The workspace's stored posts most similar to {@code text}, most similar first; only those at or above {@code
     * minimum}. Looks at the recent posts ({@code herald.content.similarity-window}) and scheduled ones.
     */
    List<SimilarPost> similarPosts(WorkspaceId workspace, String text, double minimum, int limit);

    /** The cosine similarity of two texts (for telling variants of one request apart), in [-1, 1]. */
    double compare(String a, String b);
}
