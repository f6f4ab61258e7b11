package herald.analytics;

import herald.connections.ConnectionId;
import herald.database.Intervals;
import herald.database.Keyset;
import herald.publishing.PostId;
import herald.publishing.Target;
import herald.publishing.TargetId;
import herald.shared.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code post_metrics} rows (V129) the sweep, a post and an export read and write ({@link ReportRows} has the
 * reports' sums). Reads and writes of one workspace run inside its tenant scope, which the
 * callers open; the two functions across workspaces ({@link #track}, {@link #due}) answer ids only.
 */
@Component
class MetricsRows {

    private static final TypeReference<Map<String, Long>> COUNTS = new TypeReference<>() {};

    private static final Keyset NEWEST_PUBLISHED_FIRST = Keyset.newestFirst("published_at", "target_id");

    /** A row the sweep is to read: its workspace, target and post. */
    record Due(WorkspaceId workspace, TargetId target, PostId post) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    MetricsRows(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Starts tracking targets published since each workspace's latest tracked one; how many it added. */
    int track(Instant now, Duration firstRead, Duration overlap, Duration backfill, int limit) {
        Integer added = jdbc.sql("select herald_post_metrics_track(:now, :first, :overlap, :backfill, :limit)")
                .param("now", Timestamp.from(now))
                .param("first", Intervals.of(firstRead))
                .param("overlap", Intervals.of(overlap))
                .param("backfill", Intervals.of(backfill))
                .param("limit", limit)
                .query(Integer.class)
                .single();
        return added == null ? 0 : added;
    }

    List<Due> due(Instant now, int limit, @Nullable WorkspaceId only) {
        return jdbc.sql("select * from herald_post_metrics_due(:now, :limit, :workspace)")
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .param("workspace", only == null ? null : only.value(), java.sql.Types.OTHER)
                .query((rs, n) -> new Due(
                        new WorkspaceId(rs.getObject(1, UUID.class)),
                        new TargetId(rs.getObject(2, UUID.class)),
                        new PostId(rs.getObject(3, UUID.class))))
                .list();
    }

    /** Tracks these published targets of one post now, due at {@code next}, unless they are tracked already. */
    void track(WorkspaceId workspace, PostId post, List<Target> published, Instant next) {
        for (Target target : published) {
            jdbc.sql(
                            """
                            insert into post_metrics (workspace_id, target_id, post_id, connection_id, provider,
                                account, published_at, next_read_at)
                            values (:workspace, :target, :post, :connection, :provider, :account, :published, :next)
                            on conflict do nothing""")
                    .param("workspace", workspace.value())
                    .param("target", target.id().value())
                    .param("post", post.value())
                    .param("connection", target.connection().value())
                    .param("provider", target.provider())
                    .param("account", target.account())
                    .param("published", Timestamp.from(java.util.Objects.requireNonNull(target.publishedAt())))
                    .param("next", Timestamp.from(next))
                    .update();
        }
    }

    List<TargetMetrics> ofPost(WorkspaceId workspace, PostId post) {
        return jdbc.sql("select * from post_metrics where workspace_id = :workspace and post_id = :post"
                        + " order by published_at, account")
                .param("workspace", workspace.value())
                .param("post", post.value())
                .query(this::metrics)
                .list();
    }

    /** Views and engagements summed over the read targets of each of these posts; posts without a reading are absent. */
    Map<PostId, PostSummary> summaries(WorkspaceId workspace, List<PostId> posts) {
        Map<PostId, PostSummary> summaries = new LinkedHashMap<>();
        if (posts.isEmpty()) {
            return summaries;
        }
        jdbc.sql(
                        """
                        select post_id, coalesce(sum(views), 0) as views, coalesce(sum(engagements), 0) as engagements,
                               bool_or(views is not null) as counted
                          from post_metrics
                         where workspace_id = :workspace and post_id = any(:posts) and read_at is not null
                         group by post_id""")
                .param("workspace", workspace.value())
                .param("posts", posts.stream().map(PostId::value).toArray(UUID[]::new))
                .query((rs, n) -> new PostSummary(
                        new PostId(rs.getObject("post_id", UUID.class)),
                        rs.getBoolean("counted") ? rs.getLong("views") : null,
                        rs.getLong("engagements")))
                .list()
                .forEach(summary -> summaries.put(summary.post(), summary));
        return summaries;
    }

    /** A reading: the counts and figures, and the next reading (null: done). */
    void read(
            WorkspaceId workspace,
            TargetId target,
            Map<String, Long> counts,
            Figures figures,
            Instant readAt,
            @Nullable Instant next) {
        jdbc.sql(
                        """
                        update post_metrics set counts = cast(:counts as jsonb), views = :views,
                            engagements = :engagements, reads = reads + 1, read_at = :readAt, next_read_at = :next,
                            last_error = null
                        where workspace_id = :workspace and target_id = :target""")
                .param("counts", json.writeValueAsString(new java.util.TreeMap<>(counts)))
                .param("views", figures.views())
                .param("engagements", figures.engagements())
                .param("readAt", Timestamp.from(readAt))
                .param("next", next == null ? null : Timestamp.from(next))
                .param("workspace", workspace.value())
                .param("target", target.value())
                .update();
    }

    /** A reading that did not happen: why, and when to try again (null: never); the last counts stay. */
    void failed(WorkspaceId workspace, TargetId target, String why, @Nullable Instant next) {
        jdbc.sql("update post_metrics set last_error = :why, next_read_at = :next"
                        + " where workspace_id = :workspace and target_id = :target")
                .param("why", why.length() > 500 ? why.substring(0, 497) + "..." : why)
                .param("next", next == null ? null : Timestamp.from(next))
                .param("workspace", workspace.value())
                .param("target", target.value())
                .update();
    }

    /** The targets published in the period, newest first, after the position given (null: from the start). */
    List<TargetMetrics> page(
            WorkspaceId workspace,
            Instant from,
            Instant to,
            AnalyticsQuery query,
            @Nullable TargetMetrics after,
            int limit) {
        return NEWEST_PUBLISHED_FIRST
                .page(
                        jdbc,
                        """
                        select * from post_metrics
                         where workspace_id = :workspace and published_at >= :from and published_at < :to
                        """
                                + AnalyticsQuery.SCOPE,
                        after == null
                                ? null
                                : new Keyset.After(
                                        after.publishedAt(), after.target().value()),
                        limit)
                .param("workspace", workspace.value())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param(
                        "connection",
                        query.connection() == null ? null : query.connection().value())
                .param("tag", query.tag())
                .query(this::metrics)
                .list();
    }

    private TargetMetrics metrics(ResultSet rs, int n) throws SQLException {
        Map<String, Long> counts = json.readValue(rs.getString("counts"), COUNTS);
        Long views = nullableLong(rs, "views");
        Long engagements = nullableLong(rs, "engagements");
        return new TargetMetrics(
                new TargetId(rs.getObject("target_id", UUID.class)),
                new PostId(rs.getObject("post_id", UUID.class)),
                new ConnectionId(rs.getObject("connection_id", UUID.class)),
                rs.getString("provider"),
                rs.getString("account"),
                rs.getTimestamp("published_at").toInstant(),
                counts,
                views,
                engagements,
                Figures.rate(engagements, views),
                rs.getInt("reads"),
                instant(rs, "read_at"),
                instant(rs, "next_read_at"),
                rs.getString("last_error"));
    }

    static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
