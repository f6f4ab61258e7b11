package herald.publishing;

import herald.audit.Actor;
import herald.audit.AuditContext;
import herald.audit.AuditLog;
import herald.database.TenantScope;
import herald.shared.Conflict;
import herald.shared.InvalidInput;
import herald.shared.NotFound;
import herald.shared.NotPermitted;
import herald.shared.WorkspaceId;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Notes on posts: the team's conversation about a post, written by whoever acts (a member, a key, an agent) and kept
 * with it, in any status. A note is removed only by its author or by someone allowed to remove anyone's.
 */
@Component
public class PostNotes {

    public static final int MAX_LENGTH = 2000;
    /** More notes than this on one post is not a conversation any more. */
    public static final int MAX_PER_POST = 500;

    private final JdbcClient jdbc;
    private final TenantScope tenants;
    private final PostRows rows;
    private final AuditLog audit;
    private final Clock clock;

    PostNotes(JdbcClient jdbc, TenantScope tenants, PostRows rows, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.rows = rows;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The post's notes, oldest first.
     *
     * @throws NotFound when the workspace has no such post
     */
    public List<PostNote> of(WorkspaceId workspace, PostId post) {
        return tenants.read(workspace, () -> {
            requirePost(workspace, post);
            return jdbc.sql("select * from post_notes where workspace_id = :workspace and post_id = :post"
                            + " order by created_at, id")
                    .param("workspace", workspace.value())
                    .param("post", post.value())
                    .query(PostNotes::note)
                    .list();
        });
    }

    /** How many notes each of {@code posts} has; posts without notes are left out. */
    public Map<PostId, Integer> counts(WorkspaceId workspace, List<PostId> posts) {
        if (posts.isEmpty()) {
            return Map.of();
        }
        var counts = new java.util.HashMap<PostId, Integer>();
        tenants.read(workspace, () -> jdbc.sql("select post_id, count(*) as notes from post_notes"
                        + " where workspace_id = :workspace and post_id = any(:posts) group by post_id")
                .param("workspace", workspace.value())
                .param("posts", posts.stream().map(PostId::value).toArray(UUID[]::new))
                .query((rs, n) -> counts.put(new PostId(rs.getObject("post_id", UUID.class)), rs.getInt("notes")))
                .list());
        return counts;
    }

    /**
     * Adds a note by whoever is acting ({@link AuditContext}).
     *
     * @throws InvalidInput on {@code body} when it is blank or longer than {@value #MAX_LENGTH} characters
     * @throws NotFound when the workspace has no such post
     * @throws Conflict when the post already has {@value #MAX_PER_POST} notes
     */
    public PostNote add(WorkspaceId workspace, PostId post, @Nullable String body) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw new InvalidInput("body", "Write the note first.");
        }
        if (text.length() > MAX_LENGTH) {
            throw new InvalidInput(
                    "body", "A note has at most " + MAX_LENGTH + " characters; this one has " + text.length() + ".");
        }
        Actor author = AuditContext.actor();
        var note = new PostNote(
                UUID.randomUUID(), post, text, author.type().value(), author.id(), author.label(), clock.instant());
        tenants.run(workspace, () -> {
            // The post's row lock keeps two notes added at once from both passing the count.
            rows.lock(workspace, post).orElseThrow(() -> PostRefusals.notFound(post));
            if (count(workspace, post) >= MAX_PER_POST) {
                throw new Conflict("body", "This post already has " + MAX_PER_POST + " notes; remove old ones first.");
            }
            jdbc.sql("insert into post_notes (workspace_id, id, post_id, body, author_type, author_id, author_label,"
                            + " created_at) values (:workspace, :id, :post, :body, :type, :authorId, :label, :at)")
                    .param("workspace", workspace.value())
                    .param("id", note.id())
                    .param("post", post.value())
                    .param("body", note.body())
                    .param("type", note.authorType())
                    .param("authorId", note.authorId())
                    .param("label", note.authorLabel())
                    .param("at", Timestamp.from(note.createdAt()))
                    .update();
            audit.record(
                    workspace,
                    "post.note_added",
                    "post",
                    post.toString(),
                    Map.of("note", note.id().toString(), "length", Integer.toString(text.length())));
        });
        return note;
    }

    /**
     * Removes a note, when the one acting wrote it or {@code anyones} says they may remove anyone's (an admin).
     *
     * @throws NotFound when the post has no such note
     * @throws NotPermitted when the note is someone else's and {@code anyones} is false
     */
    public void remove(WorkspaceId workspace, PostId post, UUID note, boolean anyones) {
        Actor actor = AuditContext.actor();
        tenants.run(workspace, () -> {
            PostNote found = jdbc.sql("select * from post_notes where workspace_id = :workspace and post_id = :post"
                            + " and id = :id")
                    .param("workspace", workspace.value())
                    .param("post", post.value())
                    .param("id", note)
                    .query(PostNotes::note)
                    .optional()
                    .orElseThrow(() -> new NotFound("This post has no note " + note + "."));
            if (!anyones && !wroteIt(actor, found)) {
                throw new NotPermitted("Only its author or an admin can remove this note.");
            }
            jdbc.sql("delete from post_notes where workspace_id = :workspace and id = :id")
                    .param("workspace", workspace.value())
                    .param("id", note)
                    .update();
            audit.record(workspace, "post.note_removed", "post", post.toString(), Map.of("note", note.toString()));
        });
    }

    /** Whether {@code actor} wrote {@code note}: the same kind of actor with the same id. */
    public static boolean wroteIt(Actor actor, PostNote note) {
        return actor.id() != null
                && note.authorType().equals(actor.type().value())
                && Objects.equals(note.authorId(), actor.id());
    }

    /** Without loading the post: its existence is all the notes need. */
    private void requirePost(WorkspaceId workspace, PostId post) {
        boolean exists = jdbc.sql("select exists (select 1 from posts where workspace_id = :workspace and id = :post)")
                .param("workspace", workspace.value())
                .param("post", post.value())
                .query(Boolean.class)
                .single();
        if (!exists) {
            throw PostRefusals.notFound(post);
        }
    }

    private static PostNote note(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new PostNote(
                rs.getObject("id", UUID.class),
                new PostId(rs.getObject("post_id", UUID.class)),
                rs.getString("body"),
                rs.getString("author_type"),
                rs.getString("author_id"),
                rs.getString("author_label"),
                rs.getTimestamp("created_at").toInstant());
    }

    private int count(WorkspaceId workspace, PostId post) {
        return jdbc.sql("select count(*) from post_notes where workspace_id = :workspace and post_id = :post")
                .param("workspace", workspace.value())
                .param("post", post.value())
                .query(Integer.class)
                .single();
    }
}
