package herald.publishing;

import herald.assets.AssetId;
import herald.connections.ConnectionId;
import herald.database.Keyset;
import herald.shared.WorkspaceId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The queries of posts and their targets: a post with its targets, the listing, the counts a quota and the approval
 * queue need; {@link PostMapping} reads the rows into posts, {@link PostRows} and {@link TargetRows} write them. Every
 * method runs inside a tenant transaction that its caller opened.
 */
@Component
class PostReads {

    private final JdbcClient jdbc;
    private final PostMapping mapping;

    PostReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.mapping = new PostMapping(jdbc);
    }

    Optional<Post> find(WorkspaceId workspace, PostId id) {
        return jdbc.sql(PostMapping.SELECT + " where p.workspace_id = :workspace and p.id = :id")
                .param("workspace", workspace.value())
                .param("id", id.value())
                .query((rs, n) -> PostMapping.post(workspace, rs))
                .optional()
                .map(post -> mapping.withTargets(workspace, List.of(post)).getFirst());
    }

    /** The listing's order, as the posts_listing index has it. */
    private static final Keyset LISTING = Keyset.newestFirst("coalesce(p.scheduled_at, p.created_at)", "p.id");

    // t.workspace_id = :workspace, not = p.workspace_id: the planner turns the exists into a hashed subplan over
    // post_targets, which the constant keeps to the workspace's own rows.
    private static final String MATCHES_WORD = " and (p.body ilike :word escape '\\' or exists (select 1 from"
            + " post_targets t where t.workspace_id = :workspace and t.post_id = p.id"
            + " and t.body ilike :word escape '\\'))";

    List<Post> list(WorkspaceId workspace, PostQuery query) {
        StringBuilder sql = new StringBuilder(PostMapping.SELECT + " where p.workspace_id = :workspace");
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
        if (query.tag() != null) {
            sql.append(" and exists (select 1 from unnest(p.tags) as tag where lower(tag) = lower(:tag))");
            params.put("tag", query.tag());
        }
        List<String> words = query.words();
        for (int i = 0; i < words.size(); i++) {
            // A substring in any case, of the post's text or one of its per-platform texts. Unindexed on purpose: a
            // workspace's rows are few enough to scan (50,000 posts: 53 ms when nothing matches), and a trigram index
            // would tax every insert on the publish path.
            sql.append(MATCHES_WORD.replace(":word", ":word" + i));
            params.put("word" + i, "%" + likeEscaped(words.get(i)) + "%");
        }
        if (query.from() != null) {
            sql.append(" and coalesce(p.scheduled_at, p.created_at) >= :from");
            params.put("from", Timestamp.from(query.from()));
        }
        if (query.to() != null) {
            sql.append(" and coalesce(p.scheduled_at, p.created_at) < :to");
            params.put("to", Timestamp.from(query.to()));
        }
        Keyset.After after = query.afterTime() != null && query.afterId() != null
                ? new Keyset.After(query.afterTime(), query.afterId().value())
                : null;
        List<Post> posts = LISTING.page(jdbc, sql.toString(), after, query.limit())
                .params(params)
                .query((rs, n) -> PostMapping.post(workspace, rs))
                .list();
        return mapping.withTargets(workspace, posts);
    }

    private static String likeEscaped(String word) {
        return word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /**
     * Posts in one of {@code statuses} changed at or after {@code changedSince}: the soonest due first, or the latest
     * changed first.
     */
    List<Post> inStatus(
            WorkspaceId workspace, List<PostStatus> statuses, Instant changedSince, boolean soonestDue, int limit) {
        List<Post> posts = jdbc.sql(PostMapping.SELECT
                        + " where p.workspace_id = :workspace and p.status = any(:statuses)"
                        + " and p.updated_at >= :since order by "
                        + (soonestDue ? "coalesce(p.scheduled_at, p.created_at), p.id" : "p.updated_at desc, p.id desc")
                        + " limit :limit")
                .param("workspace", workspace.value())
                .param("statuses", statuses.stream().map(PostStatus::value).toArray(String[]::new))
                .param("since", Timestamp.from(changedSince))
                .param("limit", limit)
                .query((rs, n) -> PostMapping.post(workspace, rs))
                .list();
        return mapping.withTargets(workspace, posts);
    }

    /**
     * Posts with a time in [{@code from}, {@code to}), on {@code account} when given, cancelled ones left out, the
     * soonest first: those that hold the posting schedule's slots.
     */
    List<Post> timed(WorkspaceId workspace, @Nullable ConnectionId account, Instant from, Instant to, int limit) {
        List<Post> posts = jdbc.sql(PostMapping.SELECT
                        // coalesce(...) as in posts_listing, so the index finds the range
                        + " where p.workspace_id = :workspace and p.scheduled_at is not null"
                        + " and coalesce(p.scheduled_at, p.created_at) >= :from"
                        + " and coalesce(p.scheduled_at, p.created_at) < :to"
                        + " and p.status <> 'cancelled' and (cast(:account as uuid) is null or exists (select 1"
                        + " from post_targets t where t.workspace_id = p.workspace_id and t.post_id = p.id"
                        + " and t.connection_id = :account))"
                        + " order by coalesce(p.scheduled_at, p.created_at), p.id limit :limit")
                .param("workspace", workspace.value())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param("account", account == null ? null : account.value(), java.sql.Types.OTHER)
                .param("limit", limit)
                .query((rs, n) -> PostMapping.post(workspace, rs))
                .list();
        return mapping.withTargets(workspace, posts);
    }

    /** The posts of {@code window}, the soonest due first. */
    List<Post> within(WorkspaceId workspace, PostWindow window) {
        if (window.statuses().isEmpty()) {
            return List.of();
        }
        List<Post> posts = jdbc.sql(PostMapping.SELECT
                        // coalesce(...) as in posts_listing, so the index finds the range
                        + " where p.workspace_id = :workspace and p.status = any(:statuses)"
                        + " and coalesce(p.scheduled_at, p.created_at) >= :from"
                        + " and coalesce(p.scheduled_at, p.created_at) < :to"
                        + " and (cardinality(:accounts) = 0 or exists (select 1 from post_targets t"
                        + " where t.workspace_id = p.workspace_id and t.post_id = p.id"
                        + " and t.connection_id = any(:accounts)))"
                        + " and (cast(:tag as text) is null"
                        + " or exists (select 1 from unnest(p.tags) as tag where lower(tag) = lower(:tag)))"
                        + " order by coalesce(p.scheduled_at, p.created_at), p.id limit :limit")
                .param("workspace", workspace.value())
                .param(
                        "statuses",
                        window.statuses().stream().map(PostStatus::value).toArray(String[]::new))
                .param("from", Timestamp.from(window.from()))
                .param("to", Timestamp.from(window.to()))
                .param(
                        "accounts",
                        window.accounts().stream().map(ConnectionId::value).toArray(UUID[]::new))
                .param("tag", window.tag())
                .param("limit", window.limit())
                .query((rs, n) -> PostMapping.post(workspace, rs))
                .list();
        return mapping.withTargets(workspace, posts);
    }

    /** These posts, with their targets. */
    List<Post> byIds(WorkspaceId workspace, java.util.Collection<PostId> ids) {
        List<Post> posts = jdbc.sql(PostMapping.SELECT + " where p.workspace_id = :workspace and p.id = any(:ids)")
                .param("workspace", workspace.value())
                .param("ids", ids.stream().map(PostId::value).toArray(UUID[]::new))
                .query((rs, n) -> PostMapping.post(workspace, rs))
                .list();
        return mapping.withTargets(workspace, posts);
    }

    /**
     * Posts waiting to publish (or publishing) that carry any of {@code assets}, and published posts whose thread has
     * parts still to go out (or perhaps out) that carry them.
     */
    List<Post> carrying(WorkspaceId workspace, List<AssetId> assets) {
        List<Post> posts = jdbc.sql(
                        PostMapping.SELECT
                                + """
                         where p.workspace_id = :workspace and (
                            (p.media_ids && :assets and p.status in ('pending_approval', 'scheduled', 'publishing'))
                            or exists (select 1 from post_thread_media m
                                where m.workspace_id = p.workspace_id and m.post_id = p.id and m.asset_id = any(:assets)
                                  and (p.status in ('pending_approval', 'scheduled', 'publishing')
                                       or exists (select 1 from post_thread_parts x
                                           where x.workspace_id = p.workspace_id and x.post_id = p.id
                                             and x.status in ('waiting', 'posting', 'unknown')))))
                        order by p.id""")
                .param("workspace", workspace.value())
                .param("assets", PostRows.uuids(assets))
                .query((rs, n) -> PostMapping.post(workspace, rs))
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

    /** The kinds of trouble none of the post's targets (nor their first comments) is in: those a person settled. */
    Set<PostTrouble> settledTroubles(WorkspaceId workspace, PostId post) {
        return jdbc.sql(
                        """
                        select coalesce(bool_or(status = 'failed'), false) as failed,
                            coalesce(bool_or(status = 'unknown'), false) as unknown,
                            coalesce(bool_or(comment_status = 'failed'), false) as comment_failed,
                            coalesce(bool_or(comment_status = 'unknown'), false) as comment_unknown,
                            exists (select 1 from post_thread_parts p
                                    where p.workspace_id = :workspace and p.post_id = :post
                                      and p.status in ('failed', 'unknown')) as thread_failed
                        from post_targets where workspace_id = :workspace and post_id = :post""")
                .param("workspace", workspace.value())
                .param("post", post.value())
                .query((rs, n) -> {
                    Set<PostTrouble> settled = EnumSet.noneOf(PostTrouble.class);
                    for (PostTrouble trouble : PostTrouble.values()) {
                        if (!rs.getBoolean(trouble.value())) {
                            settled.add(trouble);
                        }
                    }
                    return settled;
                })
                .single();
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
}
