package herald.content;

import herald.database.TenantScope;
import herald.publishing.Post;
import herald.publishing.PostId;
import herald.publishing.PostPublished;
import herald.publishing.PostQuery;
import herald.publishing.PostStatus;
import herald.publishing.Posts;
import herald.publishing.Target;
import herald.shared.NotFound;
import herald.shared.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps the workspace's post vectors in step with its posts: a post's text is embedded when it is scheduled or
 * published (the listener), and the catch-up job embeds what an event did not bring (a lost or dropped event, posts
 * older than this module) and removes the vectors of posts that went back to draft or were cancelled. Publishing's
 * tables are never read directly: posts come through {@link Posts}.
 */
@Component
class PostIndex {

    private static final Logger log = LoggerFactory.getLogger(PostIndex.class);
    private static final int PAGE = 100;

    private final PostVectors vectors;
    private final Embedder embedder;
    private final TenantScope tenants;
    private final Posts posts;
    private final SimilaritySettings settings;
    private final Clock clock;

    PostIndex(
            PostVectors vectors,
            Embedder embedder,
            TenantScope tenants,
            Posts posts,
            SimilaritySettings settings,
            Clock clock) {
        this.vectors = vectors;
        this.embedder = embedder;
        this.tenants = tenants;
        this.posts = posts;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Stores the post's text as of {@code at}: embedded when the text is new or changed, only moved in time when the
     * same text is stored already (unless {@code keepTime}).
     *
     * @return whether the text was embedded
     */
    boolean index(WorkspaceId workspace, PostId post, String text, Instant at, boolean keepTime) {
        byte[] hash = PostVectors.hash(text);
        var stored = tenants.call(workspace, () -> vectors.find(workspace, post));
        if (stored.isPresent() && stored.get().sameText(hash)) {
            if (!keepTime && !stored.get().at().equals(at)) {
                tenants.run(workspace, () -> vectors.moveTo(workspace, post, at, clock.instant()));
            }
            return false;
        }
        // Embedded outside the transaction: the model's few milliseconds hold no connection.
        float[] vector = embedder.embed(text);
        tenants.run(workspace, () -> vectors.upsert(workspace, post, text, hash, vector, at, clock.instant()));
        return true;
    }

    /**
     * Published targets, many at once (the listener's batch): one statement finds which of their posts have no vector,
     * and only those are read and embedded. A post's text cannot change once it is publishing, and its PostScheduled
     * went through the listener's queue first, so a stored vector is its text; a vector left stale by a dropped event
     * is the catch-up's to renew.
     */
    void published(List<PostPublished> batch) {
        Map<Map.Entry<WorkspaceId, PostId>, Instant> first = new LinkedHashMap<>();
        batch.forEach(event -> first.merge(
                Map.entry(event.workspace(), event.post()), event.publishedAt(), (a, b) -> a.isBefore(b) ? a : b));
        for (var post : vectors.withoutVector(List.copyOf(first.keySet()))) {
            store(post.getKey(), post.getValue(), first.get(post));
        }
    }

    /** Stores a published post that has no vector: its text as the post has it now, at its publishing instant. */
    private void store(WorkspaceId workspace, PostId post, Instant publishedAt) {
        Post current;
        try {
            current = posts.get(workspace, post);
        } catch (NotFound gone) {
            return;
        }
        index(workspace, post, current.body(), publishedAt, true);
    }

    /** Whether a post with this status has text that went, or is to go, out. */
    static boolean counts(PostStatus status) {
        return status != PostStatus.DRAFT && status != PostStatus.CANCELLED;
    }

    /** When the post went out (its first published target) or is due. */
    static Instant instantOf(Post post) {
        return post.targets().stream()
                .map(Target::publishedAt)
                .filter(Objects::nonNull)
                .min(Instant::compareTo)
                .orElse(post.scheduledAt() != null ? post.scheduledAt() : post.createdAt());
    }

    /**
     * Brings one workspace's vectors in step with its posts in the window.
     *
     * @return how many posts were embedded
     */
    int catchUp(WorkspaceId workspace) {
        Instant from = clock.instant().minus(settings.similarityWindow());
        var stored = tenants.call(workspace, () -> vectors.storedSince(workspace, from));
        Set<PostId> seen = new HashSet<>();
        int embedded = 0;
        @Nullable Post last = null;
        while (true) {
            List<Post> page = posts.list(
                    workspace,
                    new PostQuery(
                            null,
                            null,
                            from,
                            null,
                            last == null ? null : listedAt(last),
                            last == null ? null : last.id(),
                            PAGE));
            for (Post post : page) {
                seen.add(post.id());
                var mine = stored.get(post.id());
                if (!counts(post.status())) {
                    if (mine != null) {
                        tenants.run(workspace, () -> vectors.delete(workspace, post.id()));
                    }
                    continue;
                }
                Instant at = instantOf(post);
                if (mine == null || !mine.sameText(PostVectors.hash(post.body()))) {
                    index(workspace, post.id(), post.body(), at, false);
                    embedded++;
                } else if (!mine.at().equals(at)) {
                    tenants.run(workspace, () -> vectors.moveTo(workspace, post.id(), at, clock.instant()));
                }
            }
            if (page.size() < PAGE) {
                break;
            }
            last = page.getLast();
        }
        return embedded;
    }

    /** Every workspace's catch-up, one workspace at a time; a failing workspace does not stop the others. */
    int catchUpAll() {
        int embedded = 0;
        @Nullable WorkspaceId after = null;
        while (true) {
            var ids = vectors.workspaces(after, PAGE);
            for (WorkspaceId workspace : ids) {
                try {
                    embedded += catchUp(workspace);
                } catch (RuntimeException e) {
                    log.warn("Could not catch up the post vectors of workspace {}: {}", workspace, e.toString());
                }
            }
            if (ids.size() < PAGE) {
                break;
            }
            after = ids.getLast();
        }
        if (embedded > 0) {
            log.info("The similarity catch-up embedded {} posts", embedded);
        }
        return embedded;
    }

    private static Instant listedAt(Post post) {
        return post.scheduledAt() != null ? post.scheduledAt() : post.createdAt();
    }
}
