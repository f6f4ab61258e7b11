package herald.publishing;

import herald.assets.AssetId;
import herald.connections.ConnectionId;
import herald.shared.WorkspaceId;
import java.net.URI;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of posts and targets. Every method runs inside a tenant transaction that its caller opened. */
@Component
class PostRows {

    private final JdbcClient jdbc;

    PostRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record NewTargetRow(
            TargetId id,
            ConnectionId connection,
            String provider,
            String account,
            String handle,
            @Nullable String body) {}

    void insert(
            WorkspaceId workspace,
            PostId id,
            String body,
            @Nullable String link,
            List<AssetId> media,
            PostStatus status,
            @Nullable PublishTime time,
            Instant now,
            Provenance provenance) {
        jdbc.sql(
                        """
                        insert into posts (workspace_id, id, body, link, media_ids, status, scheduled_at, timezone,
                            created_at, updated_at, origin, created_by_type, created_by_id, created_by_label)
                        values (:workspace, :id, :body, :link, :media, :status, :scheduledAt, :timezone, :now, :now,
                            :origin, :createdByType, :createdById, :createdByLabel)""")
                .param("workspace", workspace.value())
                .param("id", id.value())
                .param("body", body)
                .param("link", link)
                .param("media", uuids(media))
                .param("status", status.value())
                .param("scheduledAt", time == null ? null : Timestamp.from(time.instant()))
                .param("timezone", time == null ? null : time.timezone())
                .param("now", Timestamp.from(now))
                .param("origin", provenance.origin().value())
                .param("createdByType", provenance.actorType())
                .param("createdById", provenance.actorId())
                .param("createdByLabel", label(provenance.actorLabel()))
                .update();
    }

    private static @Nullable String label(@Nullable String label) {
        return label == null || label.length() <= 300 ? label : label.substring(0, 300);
    }

    void update(
            WorkspaceId workspace,
            PostId id,
            String body,
            @Nullable String link,
            List<AssetId> media,
            PostStatus status,
            @Nullable Instant scheduledAt,
            @Nullable String timezone,
            Instant now) {
        jdbc.sql(
                        """
                        update posts set body = :body, link = :link, media_ids = :media, status = :status,
                            scheduled_at = :scheduledAt, timezone = :timezone, updated_at = :now
                        where workspace_id = :workspace and id = :id""")
                .param("workspace", workspace.value())
                .param("id", id.value())
                .param("body", body)
                .param("link", link)
                .param("media", uuids(media))
                .param("status", status.value())
                .param("scheduledAt", scheduledAt == null ? null : Timestamp.from(scheduledAt))
                .param("timezone", timezone)
                .param("now", Timestamp.from(now))
                .update();
    }

    void insertTargets(
            WorkspaceId workspace, PostId post, List<NewTargetRow> targets, @Nullable Instant dueAt, Instant now) {
        for (NewTargetRow target : targets) {
            jdbc.sql(
                            """
                            insert into post_targets (workspace_id, id, post_id, connection_id, provider, account,
                                account_handle, body, status, due_at, updated_at)
                            values (:workspace, :id, :post, :connection, :provider, :account, :handle, :body,
                                'scheduled', :due, :now)""")
                    .param("workspace", workspace.value())
                    .param("id", target.id().value())
                    .param("post", post.value())
                    .param("connection", target.connection().value())
                    .param("provider", target.provider())
                    .param("account", target.account())
                    .param("handle", target.handle())
                    .param("body", target.body())
                    .param("due", dueAt == null ? null : Timestamp.from(dueAt))
                    .param("now", Timestamp.from(now))
                    .update();
        }
    }

    void deleteTargets(WorkspaceId workspace, PostId post) {
        jdbc.sql("delete from post_targets where workspace_id = :workspace and post_id = :post")
                .param("workspace", workspace.value())
                .param("post", post.value())
                .update();
    }

    /** Sets the status of the post's targets that are in {@code from}; answers how many. */
    int moveTargets(
            WorkspaceId workspace,
            PostId post,
            List<TargetStatus> from,
            TargetStatus to,
            @Nullable Instant dueAt,
            Instant now) {
        return jdbc.sql(
                        """
                        update post_targets set status = :to, due_at = coalesce(:due, due_at), updated_at = :now
                        where workspace_id = :workspace and post_id = :post and status in (:from)""")
                .param("workspace", workspace.value())
                .param("post", post.value())
                .param("from", from.stream().map(TargetStatus::value).toList())
                .param("to", to.value())
                .param("due", dueAt == null ? null : Timestamp.from(dueAt))
                .param("now", Timestamp.from(now))
                .update();
    }

    /** The post's status under a row lock, so edits, cancels and the dispatcher's claims take turns. */
    Optional<PostStatus> lock(WorkspaceId workspace, PostId id) {
        return jdbc.sql("select status from posts where workspace_id = :workspace and id = :id for update")
                .param("workspace", workspace.value())
                .param("id", id.value())
                .query((rs, n) -> PostStatus.of(rs.getString(1)))
                .optional();
    }

    void setStatus(WorkspaceId workspace, PostId id, PostStatus status, Instant now) {
        jdbc.sql("update posts set status = :status, updated_at = :now where workspace_id = :workspace and id = :id")
                .param("workspace", workspace.value())
                .param("id", id.value())
                .param("status", status.value())
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Posts due (or published) within [from, to), cancelled and drafts aside: what a day's quota counts. */
    int countDue(WorkspaceId workspace, Instant from, Instant to, @Nullable PostId except) {
        return jdbc.sql(
                        """
                        select count(*) from posts
                        where workspace_id = :workspace and status not in ('draft', 'cancelled')
                          and coalesce(scheduled_at, created_at) >= :from and coalesce(scheduled_at, created_at) < :to
                          and id <> :except""")
                .param("workspace", workspace.value())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("except", except == null ? new UUID(0, 0) : except.value())
                .query(Integer.class)
                .single();
    }

    int countWithStatus(WorkspaceId workspace, PostStatus status) {
        return jdbc.sql("select count(*) from posts where workspace_id = :workspace and status = :status")
                .param("workspace", workspace.value())
                .param("status", status.value())
                .query(Integer.class)
                .single();
    }

    Optional<Post> find(WorkspaceId workspace, PostId id) {
        return jdbc.sql(SELECT_POSTS + " where p.workspace_id = :workspace and p.id = :id")
                .param("workspace", workspace.value())
                .param("id", id.value())
                .query((rs, n) -> post(workspace, rs))
                .optional()
                .map(post -> withTargets(workspace, List.of(post)).getFirst());
    }

    List<Post> list(WorkspaceId workspace, PostQuery query) {
        StringBuilder sql = new StringBuilder(SELECT_POSTS + " where p.workspace_id = :workspace");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("workspace", workspace.value());
        if (query.status() != null) {
            sql.append(" and p.status = :status");
            params.put("status", query.status().value());
        }
        if (query.connection() != null) {
            sql.append(" and exists (select 1 from post_targets t where t.workspace_id = p.workspace_id"
                    + " and t.post_id = p.id and t.connection_id = :connection)");
            params.put("connection", query.connection().value());
        }
        if (query.from() != null) {
            sql.append(" and coalesce(p.scheduled_at, p.created_at) >= :from");
            params.put("from", Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            sql.append(" and coalesce(p.scheduled_at, p.created_at) < :to");
            params.put("to", Timestamp.from(query.to()));
        }
        if (query.afterTime() != null && query.afterId() != null) {
            sql.append(" and (coalesce(p.scheduled_at, p.created_at), p.id) < (:afterTime, :afterId)");
            params.put("afterTime", Timestamp.from(query.afterTime()));
            params.put("afterId", query.afterId().value());
        }
        sql.append(" order by coalesce(p.scheduled_at, p.created_at) desc, p.id desc limit :limit");
        params.put("limit", query.limit());
        List<Post> posts = jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> post(workspace, rs))
                .list();
        return withTargets(workspace, posts);
    }

    /** Posts waiting to publish (or publishing) that carry any of {@code assets}. */
    List<Post> carrying(WorkspaceId workspace, List<AssetId> assets) {
        List<Post> posts = jdbc.sql(SELECT_POSTS + " where p.workspace_id = :workspace and p.media_ids && :assets"
                        + " and p.status in ('pending_approval', 'scheduled', 'publishing') order by p.id")
                .param("workspace", workspace.value())
                .param("assets", uuids(assets))
                .query((rs, n) -> post(workspace, rs))
                .list();
        return posts;
    }

    List<TargetStatus> targetStatuses(WorkspaceId workspace, PostId post) {
        return jdbc.sql("select status from post_targets where workspace_id = :workspace and post_id = :post")
                .param("workspace", workspace.value())
                .param("post", post.value())
                .query((rs, n) -> TargetStatus.of(rs.getString(1)))
                .list();
    }

    void markPublished(WorkspaceId workspace, TargetId target, URI url, Instant now) {
        jdbc.sql(
                        """
                        update post_targets set status = 'published', platform_url = :url, published_at = :now,
                            reconcile_since = null, updated_at = :now
                        where workspace_id = :workspace and id = :id""")
                .param("workspace", workspace.value())
                .param("id", target.value())
                .param("url", url.toString())
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Due again now, without reconciling first: a person said the platform does not have it. */
    void scheduleAgain(WorkspaceId workspace, TargetId target, Instant now) {
        jdbc.sql(
                        """
                        update post_targets set status = 'scheduled', due_at = :now, reconcile_since = null,
                            updated_at = :now
                        where workspace_id = :workspace and id = :id""")
                .param("workspace", workspace.value())
                .param("id", target.value())
                .param("now", Timestamp.from(now))
                .update();
    }

    private static final String SELECT_POSTS =
            """
            select p.id, p.body, p.link, p.media_ids, p.status, p.scheduled_at, p.timezone, p.created_at, p.updated_at,
                p.origin, p.created_by_type, p.created_by_id, p.created_by_label
            from posts p""";

    private List<Post> withTargets(WorkspaceId workspace, List<Post> posts) {
        if (posts.isEmpty()) {
            return posts;
        }
        Map<UUID, List<Target>> targets = new LinkedHashMap<>();
        jdbc.sql(
                        """
                        select post_id, id, connection_id, provider, account, body, status, attempts,
                            platform_post_id, platform_url, last_error, due_at, published_at
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
                        targets.getOrDefault(p.id().value(), List.of()),
                        p.createdAt(),
                        p.updatedAt(),
                        p.provenance()))
                .toList();
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
                instant(rs, "published_at"));
    }

    private static Post post(WorkspaceId workspace, ResultSet rs) throws SQLException {
        Array media = rs.getArray("media_ids");
        List<AssetId> assets = media == null
                ? List.of()
                : Arrays.stream((Object[]) media.getArray())
                        .map(id -> new AssetId((UUID) id))
                        .toList();
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
                provenance(rs));
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

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    static UUID[] uuids(List<AssetId> ids) {
        return ids.stream().map(AssetId::value).toArray(UUID[]::new);
    }
}
