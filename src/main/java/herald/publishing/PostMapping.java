package herald.publishing;

import static herald.database.SqlTimes.instant;

import herald.assets.AssetId;
import herald.connections.ConnectionId;
import herald.providers.PostFormat;
import herald.shared.WorkspaceId;
import java.net.URI;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How rows of {@code posts} and {@code post_targets} become {@link Post}s: the columns every post query selects
 * ({@link #SELECT}), a post from its row, and its targets for a page of posts in one more query. Used by {@link
 * PostReads}, inside the caller's tenant transaction.
 */
final class PostMapping {

    private final JdbcClient jdbc;

    PostMapping(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The language a post is published in, as column {@code post_language}: its own, else its workspace's language of
     * posts; null when neither is set. For a query that names the post {@code p} and binds {@code :workspace}.
     */
    static final String LANGUAGE =
            "coalesce(p.language, (select w.post_language from workspaces w where w.id = :workspace)) as post_language";

    static final String SELECT =
            """
            select p.id, p.body, p.link, p.media_ids, p.status, p.scheduled_at, p.timezone, p.created_at, p.updated_at,
                p.origin, p.created_by_type, p.created_by_id, p.created_by_label, p.tags, p.first_comment, p.language,
                p.tag_links, p.utm_values->>'source' as utm_source, p.utm_values->>'medium' as utm_medium,
                p.utm_values->>'campaign' as utm_campaign, p.utm_values->>'content' as utm_content,
                p.utm_values->>'term' as utm_term, p.short_links, p.thread,
            """
                    + ThreadMediaRows.COLUMN + " from posts p";

    List<Post> withTargets(WorkspaceId workspace, List<Post> posts) {
        if (posts.isEmpty()) {
            return posts;
        }
        Map<UUID, List<Target>> targets = new LinkedHashMap<>();
        jdbc.sql(
                        """
                        select post_id, id, connection_id, provider, account, body, status, attempts,
                            platform_post_id, platform_url, last_error, due_at, published_at, comment_text,
                            comment_status,
                            comment_attempts, comment_url, comment_error, commented_at, format, comment_off
                        from post_targets where workspace_id = :workspace and post_id in (:posts)
                        order by account, id""")
                .param("workspace", workspace.value())
                .param("posts", posts.stream().map(p -> p.id().value()).toList())
                .query((rs, n) -> {
                    targets.computeIfAbsent(rs.getObject("post_id", UUID.class), k -> new ArrayList<>())
                            .add(target(rs));
                    return null;
                })
                .list();
        Map<UUID, List<ThreadPart>> parts = new LinkedHashMap<>();
        if (posts.stream().anyMatch(p -> !p.thread().isEmpty())) {
            jdbc.sql(
                            """
                            select target_id, position, status, attempts, url, error, posted_at
                            from post_thread_parts where workspace_id = :workspace and post_id in (:posts)
                            order by target_id, position""")
                    .param("workspace", workspace.value())
                    .param(
                            "posts",
                            posts.stream()
                                    .filter(p -> !p.thread().isEmpty())
                                    .map(p -> p.id().value())
                                    .toList())
                    .query((rs, n) -> {
                        String url = rs.getString("url");
                        parts.computeIfAbsent(rs.getObject("target_id", UUID.class), k -> new ArrayList<>())
                                .add(new ThreadPart(
                                        rs.getInt("position"),
                                        CommentStatus.of(rs.getString("status")),
                                        rs.getInt("attempts"),
                                        url == null ? null : URI.create(url),
                                        rs.getString("error"),
                                        instant(rs, "posted_at")));
                        return null;
                    })
                    .list();
        }
        return posts.stream()
                .map(p -> new Post(
                        p.workspace(),
                        p.id(),
                        p.body(),
                        p.link(),
                        p.media(),
                        p.status(),
                        p.scheduledAt(),
                        p.timezone(),
                        targets.getOrDefault(p.id().value(), List.of()).stream()
                                .map(t -> withThread(t, parts.getOrDefault(t.id().value(), List.of())))
                                .toList(),
                        p.createdAt(),
                        p.updatedAt(),
                        p.provenance(),
                        p.tags(),
                        p.utm(),
                        p.firstComment(),
                        p.shortLinks(),
                        p.thread(),
                        p.threadMedia(),
                        p.language()))
                .toList();
    }

    private static Target withThread(Target t, List<ThreadPart> thread) {
        return thread.isEmpty()
                ? t
                : new Target(
                        t.id(),
                        t.connection(),
                        t.provider(),
                        t.account(),
                        t.body(),
                        t.status(),
                        t.attempts(),
                        t.platformPostId(),
                        t.platformUrl(),
                        t.lastError(),
                        t.nextAttemptAt(),
                        t.publishedAt(),
                        t.firstComment(),
                        t.comment(),
                        thread,
                        t.format(),
                        t.commentOff());
    }

    private static Target target(ResultSet rs) throws SQLException {
        TargetStatus status = TargetStatus.of(rs.getString("status"));
        String url = rs.getString("platform_url");
        return new Target(
                new TargetId(rs.getObject("id", UUID.class)),
                new ConnectionId(rs.getObject("connection_id", UUID.class)),
                rs.getString("provider"),
                rs.getString("account"),
                rs.getString("body"),
                status,
                rs.getInt("attempts"),
                rs.getString("platform_post_id"),
                url == null ? null : URI.create(url),
                rs.getString("last_error"),
                status == TargetStatus.SCHEDULED ? instant(rs, "due_at") : null,
                instant(rs, "published_at"),
                rs.getString("comment_text"),
                comment(rs),
                List.of(),
                PostFormat.of(rs.getString("format")),
                rs.getBoolean("comment_off"));
    }

    private static @Nullable TargetComment comment(ResultSet rs) throws SQLException {
        String status = rs.getString("comment_status");
        if (status == null) {
            return null;
        }
        String url = rs.getString("comment_url");
        return new TargetComment(
                CommentStatus.of(status),
                rs.getInt("comment_attempts"),
                url == null ? null : URI.create(url),
                rs.getString("comment_error"),
                instant(rs, "commented_at"));
    }

    /** A {@code uuid[]} column of assets ({@code posts.media_ids}) as their ids, in order; none for null. */
    static List<AssetId> assetIds(ResultSet rs, String column) throws SQLException {
        Array media = rs.getArray(column);
        return media == null
                ? List.of()
                : Arrays.stream((Object[]) media.getArray())
                        .map(id -> new AssetId((UUID) id))
                        .toList();
    }

    static Post post(WorkspaceId workspace, ResultSet rs) throws SQLException {
        List<AssetId> assets = assetIds(rs, "media_ids");
        List<String> thread = tags(rs, "thread");
        return new Post(
                workspace,
                new PostId(rs.getObject("id", UUID.class)),
                rs.getString("body"),
                rs.getString("link"),
                assets,
                PostStatus.of(rs.getString("status")),
                instant(rs, "scheduled_at"),
                rs.getString("timezone"),
                List.of(),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                provenance(rs),
                tags(rs),
                WorkspaceLinkTagging.ofPost(rs),
                rs.getString("first_comment"),
                rs.getBoolean("short_links"),
                thread,
                ThreadMediaRows.read((String[]) rs.getArray("thread_media").getArray(), thread.size()),
                rs.getString("language"));
    }

    private static List<String> tags(ResultSet rs) throws SQLException {
        return tags(rs, "tags");
    }

    /** A {@code text[]} column as its strings, in order; none for null. */
    private static List<String> tags(ResultSet rs, String column) throws SQLException {
        Array tags = rs.getArray(column);
        return tags == null
                ? List.of()
                : Arrays.stream((Object[]) tags.getArray())
                        .map(String.class::cast)
                        .toList();
    }

    private static @Nullable Provenance provenance(ResultSet rs) throws SQLException {
        String origin = rs.getString("origin");
        return origin == null
                ? null
                : new Provenance(
                        Provenance.Origin.of(origin),
                        rs.getString("created_by_type"),
                        rs.getString("created_by_id"),
                        rs.getString("created_by_label"));
    }
}
