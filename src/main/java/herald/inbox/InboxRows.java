package herald.inbox;

import herald.connections.ConnectionId;
import herald.database.Keyset;
import herald.database.SqlTimes;
import herald.providers.ReceivedComment;
import herald.publishing.PostId;
import herald.shared.WorkspaceId;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The {@code inbox_comments} rows (V169): what the readings found, the listings, and what members did with each
 * comment. Reads and writes run inside the workspace's tenant scope, which the callers open. The watched posts:
 * {@link WatchRows}.
 */
@Component
class InboxRows {

    private static final Keyset NEWEST_FIRST = Keyset.newestFirst("c.written_at", "c.id");

    private static final String SELECT =
            """
            select c.*, a.author_name as answering, coalesce(t.body, p.body) as post_text, t.platform_url as post_url,
                   t.account_handle as account, t.platform_post_id
              from inbox_comments c
              join posts p on p.workspace_id = c.workspace_id and p.id = c.post_id
              join post_targets t on t.workspace_id = c.workspace_id and t.id = c.target_id
              left join inbox_comments a on a.workspace_id = c.workspace_id and a.target_id = c.target_id
                                        and a.external_id = c.reply_to
             where c.workspace_id = :workspace""";

    private final JdbcClient jdbc;

    InboxRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the comments the inbox has not seen yet; those that were new, with their ids in the inbox. */
    List<Added> add(WatchRows.Watch watch, List<ReceivedComment> comments, Instant foundAt) {
        List<Added> added = new java.util.ArrayList<>();
        for (ReceivedComment comment : comments) {
            UUID id = UUID.randomUUID();
            int inserted = jdbc.sql(
                            """
                            insert into inbox_comments (workspace_id, id, target_id, post_id, connection_id, provider,
                                external_id, reply_to, author_handle, author_name, text, url, written_at, found_at)
                            values (:workspace, :id, :target, :post, :connection, :provider, :externalId, :replyTo,
                                left(:handle, 300), left(:name, 300), left(:text, 20000), :url, :writtenAt, :foundAt)
                            on conflict do nothing""")
                    .param("workspace", watch.workspace().value())
                    .param("id", id)
                    .param("target", watch.target().value())
                    .param("post", watch.post().value())
                    .param("connection", watch.connection().value())
                    .param("provider", watch.provider())
                    .param("externalId", comment.id())
                    .param("replyTo", comment.replyTo())
                    .param("handle", comment.authorHandle().isBlank() ? "unknown" : comment.authorHandle())
                    .param("name", comment.authorName().isBlank() ? comment.authorHandle() : comment.authorName())
                    .param("text", comment.text())
                    .param(
                            "url",
                            comment.url() == null || comment.url().toString().length() > 2000
                                    ? null
                                    : comment.url().toString())
                    .param("writtenAt", Timestamp.from(comment.writtenAt()))
                    .param("foundAt", Timestamp.from(foundAt))
                    .update();
            if (inserted > 0) {
                added.add(new Added(new InboxCommentId(id), comment));
            }
        }
        return added;
    }

    /** A comment new to the inbox, and its id there. */
    record Added(InboxCommentId id, ReceivedComment comment) {}

    /** A page of the workspace's comments, newest first, of one account when {@code connection} is given. */
    List<InboxComment> list(
            WorkspaceId workspace,
            Inbox.Status status,
            @Nullable ConnectionId connection,
            Keyset.@Nullable After after,
            int limit) {
        String where = (status == Inbox.Status.OPEN ? " and c.done_at is null" : "")
                + (status == Inbox.Status.DONE ? " and c.done_at is not null" : "")
                + (connection == null ? "" : " and c.connection_id = :connection");
        var statement = NEWEST_FIRST.page(jdbc, SELECT + where, after, limit).param("workspace", workspace.value());
        if (connection != null) {
            statement = statement.param("connection", connection.value());
        }
        return statement.query(InboxRows::comment).list();
    }

    Optional<InboxComment> find(WorkspaceId workspace, InboxCommentId id) {
        return jdbc.sql(SELECT + " and c.id = :id")
                .param("workspace", workspace.value())
                .param("id", id.value())
                .query(InboxRows::comment)
                .optional();
    }

    long openCount(WorkspaceId workspace) {
        Long count = jdbc.sql("select count(*) from inbox_comments where workspace_id = :workspace and done_at is null")
                .param("workspace", workspace.value())
                .query(Long.class)
                .single();
        return count == null ? 0 : count;
    }

    /** How many comments under the post are open. */
    long openCount(WorkspaceId workspace, PostId post) {
        Long count = jdbc.sql(
                        """
                        select count(*) from inbox_comments
                         where workspace_id = :workspace and post_id = :post and done_at is null""")
                .param("workspace", workspace.value())
                .param("post", post.value())
                .query(Long.class)
                .single();
        return count == null ? 0 : count;
    }

    /** Marks it done, or open again when {@code at} is null; false when the workspace has no such comment. */
    boolean done(WorkspaceId workspace, InboxCommentId id, @Nullable Instant at, @Nullable String by) {
        return jdbc.sql(
                                """
                                update inbox_comments set done_at = :at, done_by = :by
                                 where workspace_id = :workspace and id = :id""")
                        .param("at", at == null ? null : Timestamp.from(at))
                        .param("by", at == null ? null : by)
                        .param("workspace", workspace.value())
                        .param("id", id.value())
                        .update()
                > 0;
    }

    /** A comment taken for an answer, with the answer sent earlier that may be on the platform, if any. */
    record Held(InboxComment.@Nullable Uncertain uncertain) {}

    /**
     * Takes the comment for an answer: empty when it was answered, or an answer began after {@code staleBefore} (a
     * second click while the first is being sent). The uncertain answer is read as the comment is taken, so that one
     * left by an answer that ended meanwhile is not missed.
     */
    Optional<Held> startReply(WorkspaceId workspace, InboxCommentId id, Instant now, Instant staleBefore) {
        return jdbc.sql(
                        """
                        update inbox_comments set reply_started_at = :now
                         where workspace_id = :workspace and id = :id and replied_at is null
                           and (reply_started_at is null or reply_started_at < :stale)
                        returning uncertain_text, uncertain_since, uncertain_by""")
                .param("now", Timestamp.from(now))
                .param("stale", Timestamp.from(staleBefore))
                .param("workspace", workspace.value())
                .param("id", id.value())
                .query((rs, n) -> new Held(uncertain(rs)))
                .optional();
    }

    /** The answer went out: stored, and the comment done. */
    void replied(
            WorkspaceId workspace,
            InboxCommentId id,
            String text,
            String externalId,
            @Nullable URI url,
            Instant at,
            @Nullable String by) {
        jdbc.sql(
                        """
                        update inbox_comments set reply_started_at = null, uncertain_text = null,
                               uncertain_since = null, uncertain_by = null, reply_text = :text,
                               reply_external_id = :externalId, reply_url = :url, replied_at = :at, replied_by = :by,
                               done_at = coalesce(done_at, :at), done_by = case when done_at is null then :by
                                                                                 else done_by end
                         where workspace_id = :workspace and id = :id""")
                .param("text", text)
                .param("externalId", externalId)
                .param("url", url == null ? null : url.toString())
                .param("at", Timestamp.from(at))
                .param("by", by)
                .param("workspace", workspace.value())
                .param("id", id.value())
                .update();
    }

    /**
     * The answer's call ended without the platform's answer: it may be there. Kept, so that the next answer looks for it
     * first; the comment may be answered again.
     */
    void replyUncertain(WorkspaceId workspace, InboxCommentId id, String text, Instant sentAt, @Nullable String by) {
        jdbc.sql(
                        """
                        update inbox_comments set reply_started_at = null, uncertain_text = :text,
                               uncertain_since = :since, uncertain_by = :by
                         where workspace_id = :workspace and id = :id""")
                .param("text", text)
                .param("since", Timestamp.from(sentAt))
                .param("by", by)
                .param("workspace", workspace.value())
                .param("id", id.value())
                .update();
    }

    /** The uncertain answer is provably not on the platform: nothing is left to look for. */
    void forgetUncertain(WorkspaceId workspace, InboxCommentId id) {
        jdbc.sql(
                        """
                        update inbox_comments set uncertain_text = null, uncertain_since = null, uncertain_by = null
                         where workspace_id = :workspace and id = :id""")
                .param("workspace", workspace.value())
                .param("id", id.value())
                .update();
    }

    /** The answer did not go out: the comment may be answered again. */
    void replyFailed(WorkspaceId workspace, InboxCommentId id) {
        jdbc.sql("update inbox_comments set reply_started_at = null where workspace_id = :workspace and id = :id")
                .param("workspace", workspace.value())
                .param("id", id.value())
                .update();
    }

    private static InboxComment.@Nullable Uncertain uncertain(ResultSet rs) throws SQLException {
        String text = rs.getString("uncertain_text");
        return text == null
                ? null
                : new InboxComment.Uncertain(
                        text, rs.getTimestamp("uncertain_since").toInstant(), rs.getString("uncertain_by"));
    }

    private static InboxComment comment(ResultSet rs, int row) throws SQLException {
        String replyText = rs.getString("reply_text");
        Timestamp repliedAt = rs.getTimestamp("replied_at");
        InboxComment.Reply reply = replyText == null || repliedAt == null
                ? null
                : new InboxComment.Reply(
                        replyText,
                        rs.getString("reply_external_id"),
                        uri(rs.getString("reply_url")),
                        repliedAt.toInstant(),
                        rs.getString("replied_by"));
        return new InboxComment(
                new InboxCommentId(rs.getObject("id", UUID.class)),
                new PostId(rs.getObject("post_id", UUID.class)),
                new ConnectionId(rs.getObject("connection_id", UUID.class)),
                rs.getString("provider"),
                rs.getString("account"),
                rs.getString("external_id"),
                rs.getString("author_handle"),
                rs.getString("author_name"),
                rs.getString("text"),
                uri(rs.getString("url")),
                rs.getString("reply_to"),
                rs.getString("answering"),
                rs.getTimestamp("written_at").toInstant(),
                rs.getTimestamp("found_at").toInstant(),
                rs.getString("post_text"),
                uri(rs.getString("post_url")),
                rs.getString("platform_post_id"),
                SqlTimes.instant(rs, "done_at"),
                rs.getString("done_by"),
                reply,
                uncertain(rs));
    }

    /** An address as it was stored: one Herald read as a URI before it wrote it. */
    private static @Nullable URI uri(@Nullable String value) {
        return value == null ? null : URI.create(value);
    }
}
