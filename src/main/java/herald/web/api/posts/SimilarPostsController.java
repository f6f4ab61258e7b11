package herald.web.api.posts;

import herald.content.SimilarPost;
import herald.content.Similarity;
import herald.publishing.Post;
import herald.publishing.PostId;
import herald.publishing.Posts;
import herald.shared.InvalidInput;
import herald.shared.NotFound;
import herald.shared.WorkspaceId;
import herald.web.CurrentWorkspace;
import herald.web.api.ApiPaths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** "Find similar posts": the workspace's scheduled and published posts whose text is closest in meaning. */
@RestController
@RequestMapping(ApiPaths.WORKSPACE + "/posts")
@Tag(name = "Posts")
class SimilarPostsController {

    /** The longest text searched for, in characters. */
    static final int MAX_TEXT = 5000;

    static final int MAX_LIMIT = 50;

    /** Posts below this similarity are not worth showing. */
    static final double DEFAULT_MINIMUM = 0.5;

    private final Similarity similarity;
    private final Posts posts;

    SimilarPostsController(Similarity similarity, Posts posts) {
        this.similarity = similarity;
        this.posts = posts;
    }

    @GetMapping("/similar")
    @Operation(
            operationId = "findSimilarPosts",
            summary = "Find posts similar to a text",
            description = "The workspace's scheduled and published posts (those due or published within the"
                    + " similarity window, and every future one) whose text is closest in meaning to 'text', most"
                    + " similar first, compared with sentence embeddings (all-MiniLM-L6-v2). Drafts and cancelled"
                    + " posts are left out. text: 1-5,000 characters; limit: 1-50 (10); minimum: the lowest"
                    + " similarity to include, 0-1 (0.5).")
    SimilarPostsView similar(
            CurrentWorkspace current,
            @RequestParam(required = false) @Nullable String text,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable Double minimum) {
        String wanted = text(text);
        return find(current.id(), wanted, limit(limit), minimum(minimum), null);
    }

    @GetMapping("/{postId}/similar")
    @Operation(
            operationId = "findPostsSimilarToPost",
            summary = "Find posts similar to a post",
            description = "As findSimilarPosts, with the post's own text; the post itself is left out.")
    SimilarPostsView similarToPost(
            CurrentWorkspace current,
            @PathVariable UUID postId,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable Double minimum) {
        int max = limit(limit);
        double min = minimum(minimum);
        Post post = posts.get(current.id(), new PostId(postId));
        return find(current.id(), post.body(), max, min, post.id());
    }

    private SimilarPostsView find(
            WorkspaceId workspace, String text, int limit, double minimum, @Nullable PostId except) {
        List<SimilarPost> found = similarity.similarPosts(workspace, text, minimum, except == null ? limit : limit + 1);
        List<SimilarPostsView.Hit> hits = new ArrayList<>();
        for (SimilarPost hit : found) {
            if (hit.post().equals(except) || hits.size() == limit) {
                continue;
            }
            try {
                hits.add(new SimilarPostsView.Hit(
                        hit.similarity(),
                        hit.similarity() >= similarity.threshold(),
                        PostView.of(posts.get(workspace, hit.post()))));
            } catch (NotFound gone) {
                // deleted since it was found
            }
        }
        return new SimilarPostsView(similarity.threshold(), hits);
    }

    static String text(@Nullable String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInput("text", "Give the text to find similar posts for.");
        }
        if (text.length() > MAX_TEXT) {
            throw new InvalidInput(
                    "text", "The text has " + text.length() + " characters; at most " + MAX_TEXT + " are compared.");
        }
        return text.strip();
    }

    static int limit(@Nullable Integer limit) {
        if (limit == null) {
            return 10;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInput("limit", "The limit must be between 1 and " + MAX_LIMIT + ".");
        }
        return limit;
    }

    static double minimum(@Nullable Double minimum) {
        if (minimum == null) {
            return DEFAULT_MINIMUM;
        }
        if (minimum.isNaN() || minimum < 0 || minimum > 1) {
            throw new InvalidInput("minimum", "The minimum similarity must be between 0 and 1.");
        }
        return minimum;
    }
}
