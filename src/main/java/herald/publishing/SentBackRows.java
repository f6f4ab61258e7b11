package herald.publishing;

import herald.shared.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code post_sent_back} (V147), inside the workspace's scope: the latest rejection of a person's post, written when
 * {@link PostApprovals#reject} sends it back to drafts and removed when {@link Posts#edit} submits it again.
 */
@Component
class SentBackRows {

    private final JdbcClient jdbc;

    SentBackRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void put(WorkspaceId workspace, PostId post, SentBack sentBack) {
        jdbc.sql(
                        """
                        insert into post_sent_back (workspace_id, post_id, note, sent_by, sent_at)
                        values (:w, :p, :note, :by, :at)
                        on conflict (workspace_id, post_id) do update
                           set note = excluded.note, sent_by = excluded.sent_by, sent_at = excluded.sent_at""")
                .param("w", workspace.value())
                .param("p", post.value())
                .param("note", sentBack.note())
                .param("by", sentBack.by())
                .param("at", Timestamp.from(sentBack.at()))
                .update();
    }

    void clear(WorkspaceId workspace, PostId post) {
        jdbc.sql("delete from post_sent_back where workspace_id = :w and post_id = :p")
                .param("w", workspace.value())
                .param("p", post.value())
                .update();
    }

    /** The rejections of these posts that are drafts now. */
    Map<PostId, SentBack> ofDrafts(WorkspaceId workspace, Collection<PostId> posts) {
        Map<PostId, SentBack> found = new HashMap<>();
        if (posts.isEmpty()) {
            return found;
        }
        jdbc.sql(
                        """
                        select s.post_id, s.note, s.sent_by, s.sent_at
                          from post_sent_back s
                          join posts p on p.workspace_id = s.workspace_id and p.id = s.post_id
                         where s.workspace_id = :w and s.post_id = any(:posts) and p.status = 'draft'""")
                .param("w", workspace.value())
                .param("posts", posts.stream().map(PostId::value).toArray(UUID[]::new))
                .query((rs, n) -> put(found, rs))
                .list();
        return found;
    }

    /** The drafts {@code author} (a member's id; null: anyone) wrote that were sent back, the latest sent back first. */
    Map<PostId, SentBack> toAuthor(WorkspaceId workspace, @Nullable String author, int limit) {
        Map<PostId, SentBack> found = new LinkedHashMap<>();
        jdbc.sql(
                        """
                        select s.post_id, s.note, s.sent_by, s.sent_at
                          from post_sent_back s
                          join posts p on p.workspace_id = s.workspace_id and p.id = s.post_id
                         where s.workspace_id = :w and p.status = 'draft'
                           and (cast(:author as text) is null
                                or (p.created_by_type = 'user' and p.created_by_id = :author))
                         order by s.sent_at desc
                         limit :limit""")
                .param("w", workspace.value())
                .param("author", author)
                .param("limit", limit)
                .query((rs, n) -> put(found, rs))
                .list();
        return found;
    }

    Optional<SentBack> ofDraft(WorkspaceId workspace, PostId post) {
        return Optional.ofNullable(ofDrafts(workspace, List.of(post)).get(post));
    }

    /** A row of {@code post_id, note, sent_by, sent_at}, into {@code found}. */
    private static SentBack put(Map<PostId, SentBack> found, ResultSet rs) throws SQLException {
        return found.put(
                new PostId(rs.getObject(1, UUID.class)),
                new SentBack(
                        rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant()));
    }
}
