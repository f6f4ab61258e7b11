package herald.content;

import herald.database.TenantScope;
import herald.publishing.Post;
import herald.publishing.Posts;
import herald.shared.InvalidInput;
import herald.shared.NotFound;
import herald.shared.WorkspaceId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * {@link Similarity} with all-MiniLM-L6-v2 in process and the vectors in {@code post_vectors}: the workspace's vectors
 * in the window are read and compared in Java (a dot product each; see docs/content/similarity.md for the cost).
 * Hits are checked against the post's status through {@link Posts}: drafts and cancelled posts are left out.
 */
@Component
class InProcessSimilarity implements Similarity {

    /** The longest text compared, in characters. */
    static final int MAX_TEXT = 10_000;

    private final Embedder embedder;
    private final PostVectors vectors;
    private final TenantScope tenants;
    private final Posts posts;
    private final SimilaritySettings settings;
    private final Clock clock;

    InProcessSimilarity(
            Embedder embedder,
            PostVectors vectors,
            TenantScope tenants,
            Posts posts,
            SimilaritySettings settings,
            Clock clock) {
        this.embedder = embedder;
        this.vectors = vectors;
        this.tenants = tenants;
        this.posts = posts;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public double threshold() {
        return settings.similarityThreshold();
    }

    @Override
    public List<SimilarPost> similarPosts(WorkspaceId workspace, String text, double minimum, int limit) {
        if (text.isBlank()) {
            throw new InvalidInput("text", "Give the text to compare.");
        }
        if (text.length() > MAX_TEXT) {
            throw new InvalidInput("text", "The text is longer than " + MAX_TEXT + " characters.");
        }
        if (limit < 1) {
            return List.of();
        }
        float[] query = embedder.embed(text);
        var rows = tenants.call(
                workspace, () -> vectors.since(workspace, clock.instant().minus(settings.similarityWindow())));
        List<SimilarPost> candidates = new ArrayList<>();
        for (var row : rows) {
            double similarity = Embedder.dot(query, row.vector());
            if (similarity >= minimum) {
                candidates.add(new SimilarPost(row.post(), row.text(), similarity, row.at()));
            }
        }
        candidates.sort(Comparator.comparingDouble(SimilarPost::similarity).reversed());
        List<SimilarPost> hits = new ArrayList<>();
        for (SimilarPost candidate : candidates) {
            if (hits.size() == limit) {
                break;
            }
            if (stillCounts(workspace, candidate)) {
                hits.add(candidate);
            }
        }
        return List.copyOf(hits);
    }

    /** Whether the post still exists and is neither a draft nor cancelled (the catch-up job removes those later). */
    private boolean stillCounts(WorkspaceId workspace, SimilarPost candidate) {
        try {
            Post post = posts.get(workspace, candidate.post());
            return PostIndex.counts(post.status());
        } catch (NotFound gone) {
            return false;
        }
    }

    @Override
    public double compare(String a, String b) {
        return Embedder.dot(embedder.embed(a), embedder.embed(b));
    }
}
