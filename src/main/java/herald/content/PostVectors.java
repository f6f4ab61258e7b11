package herald.content;

import herald.publishing.PostId;
import herald.shared.WorkspaceId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of post vectors. Every method runs inside a tenant transaction that its caller opened. */
@Component
class PostVectors {

    private final JdbcClient jdbc;

    PostVectors(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What is stored of a post: enough to tell whether its text or instant changed. */
    record Stored(PostId post, byte[] hash, Instant at) {

        boolean sameText(byte[] other) {
            return Arrays.equals(hash, other);
        }
    }

    /** A stored vector. */
    record Row(PostId post, String text, float[] vector, Instant at) {}

    static byte[] hash(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Of these posts (a workspace and a post each), the ones with no vector, in one statement across workspaces (a
     * {@code SECURITY DEFINER} function that answers only about the pairs given). Runs outside a tenant transaction.
     */
    Set<Map.Entry<WorkspaceId, PostId>> withoutVector(List<Map.Entry<WorkspaceId, PostId>> posts) {
        var missing = new HashSet<Map.Entry<WorkspaceId, PostId>>();
        jdbc.sql("select workspace_id, post_id from herald_posts_without_vector(:workspaces, :posts)")
                .param("workspaces", posts.stream().map(p -> p.getKey().value()).toArray(UUID[]::new))
                .param("posts", posts.stream().map(p -> p.getValue().value()).toArray(UUID[]::new))
                .query((rs, n) -> missing.add(Map.entry(
                        new WorkspaceId(rs.getObject(1, UUID.class)), new PostId(rs.getObject(2, UUID.class)))))
                .list();
        return missing;
    }

    Optional<Stored> find(WorkspaceId workspace, PostId post) {
        return jdbc.sql(
                        "select post_id, text_hash, at from post_vectors where workspace_id = :workspace and post_id = :post")
                .param("workspace", workspace.value())
                .param("post", post.value())
                .query((rs, n) -> new Stored(
                        new PostId(rs.getObject(1, UUID.class)),
                        rs.getBytes(2),
                        rs.getTimestamp(3).toInstant()))
                .optional();
    }

    /** Every stored post of the workspace whose instant is at or after {@code from}, by post id. */
    Map<PostId, Stored> storedSince(WorkspaceId workspace, Instant from) {
        Map<PostId, Stored> stored = new HashMap<>();
        jdbc.sql("select post_id, text_hash, at from post_vectors where workspace_id = :workspace and at >= :from")
                .param("workspace", workspace.value())
                .param("from", Timestamp.from(from))
                .query((rs, n) -> new Stored(
                        new PostId(rs.getObject(1, UUID.class)),
                        rs.getBytes(2),
                        rs.getTimestamp(3).toInstant()))
                .list()
                .forEach(s -> stored.put(s.post(), s));
        return stored;
    }

    void upsert(WorkspaceId workspace, PostId post, String text, byte[] hash, float[] vector, Instant at, Instant now) {
        jdbc.sql(
                        """
                        insert into post_vectors (workspace_id, post_id, text, text_hash, model, vector, at, created_at,
                            updated_at)
                        values (:workspace, :post, :text, :hash, :model, :vector, :at, :now, :now)
                        on conflict (workspace_id, post_id) do update
                           set text = excluded.text, text_hash = excluded.text_hash, model = excluded.model,
                               vector = excluded.vector, at = excluded.at, updated_at = excluded.updated_at,
                               revision = nextval('post_vectors_revision')""")
                .param("workspace", workspace.value())
                .param("post", post.value())
                .param("text", text)
                .param("hash", hash)
                .param("model", Embedder.MODEL)
                .param("vector", Embedder.bytes(vector))
                .param("at", Timestamp.from(at))
                .param("now", Timestamp.from(now))
                .update();
    }

    void moveTo(WorkspaceId workspace, PostId post, Instant at, Instant now) {
        jdbc.sql(
                        """
                        update post_vectors set at = :at, updated_at = :now, revision = nextval('post_vectors_revision')
                         where workspace_id = :workspace and post_id = :post""")
                .param("workspace", workspace.value())
                .param("post", post.value())
                .param("at", Timestamp.from(at))
                .param("now", Timestamp.from(now))
                .update();
    }

    void delete(WorkspaceId workspace, PostId post) {
        jdbc.sql("delete from post_vectors where workspace_id = :workspace and post_id = :post")
                .param("workspace", workspace.value())
                .param("post", post.value())
                .update();
    }

    /** Every vector of the workspace, whatever its instant. */
    List<Row> all(WorkspaceId workspace) {
        return since(workspace, java.time.Instant.EPOCH);
    }

    /** The vectors of the workspace's posts at or after {@code from}. */
    List<Row> since(WorkspaceId workspace, Instant from) {
        return jdbc.sql(
                        "select post_id, text, vector, at from post_vectors where workspace_id = :workspace and at >= :from")
                .param("workspace", workspace.value())
                .param("from", Timestamp.from(from))
                .query((rs, n) -> new Row(
                        new PostId(rs.getObject(1, UUID.class)),
                        rs.getString(2),
                        Embedder.vector(rs.getBytes(3)),
                        rs.getTimestamp(4).toInstant()))
                .list();
    }

    /** What a workspace's vectors are at: any write changes it (a deletion lowers the count, a write raises the revision). */
    record Stamp(long count, long revision) {}

    Stamp stamp(WorkspaceId workspace) {
        return jdbc.sql("select count(*), coalesce(max(revision), 0) from post_vectors where workspace_id = :workspace")
                .param("workspace", workspace.value())
                .query((rs, n) -> new Stamp(rs.getLong(1), rs.getLong(2)))
                .single();
    }

    /** A page of all workspace ids, across tenants (ids only), for the catch-up job. */
    List<WorkspaceId> workspaces(@org.jspecify.annotations.Nullable WorkspaceId after, int limit) {
        return jdbc.sql("select workspace_id from herald_similarity_workspaces(cast(:after as uuid), :limit)")
                .param("after", after == null ? null : after.value())
                .param("limit", limit)
                .query((rs, n) -> new WorkspaceId(rs.getObject(1, UUID.class)))
                .list();
    }
}
