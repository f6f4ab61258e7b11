package herald.analytics;

import herald.connections.ConnectionId;
import herald.publishing.PostId;
import herald.shared.WorkspaceId;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The reports' reads of {@code post_metrics} (V129): sums over a period in all, by account, by day and by weekday
 * hour, the posts that did best, and the names of the counts read. Inside the workspace's tenant scope, which the
 * callers open.
 */
@Component
class ReportRows {

    private final JdbcClient jdbc;

    ReportRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Totals over published days {@code [from, to)} (instants), of the query's account and tag when it names them.
     * Every report read below is scoped so; a tag is matched in any case against the post's tags.
     */
    AnalyticsReport.Totals totals(WorkspaceId workspace, Instant from, Instant to, AnalyticsQuery query) {
        return jdbc.sql(
                        """
                        select count(distinct post_id) as posts, count(*) as targets, count(read_at) as measured,
                               coalesce(sum(views), 0) as views, coalesce(sum(engagements), 0) as engagements
                          from post_metrics
                         where workspace_id = :workspace and published_at >= :from and published_at < :to
                        """
                                + AnalyticsQuery.SCOPE)
                .param("workspace", workspace.value())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param(
                        "connection",
                        query.connection() == null ? null : query.connection().value())
                .param("tag", query.tag())
                .query((rs, n) -> new AnalyticsReport.Totals(
                        rs.getInt("posts"),
                        rs.getInt("targets"),
                        rs.getInt("measured"),
                        rs.getLong("views"),
                        rs.getLong("engagements")))
                .single();
    }

    List<AnalyticsReport.Account> accounts(WorkspaceId workspace, Instant from, Instant to, AnalyticsQuery query) {
        return jdbc.sql(
                        """
                        select connection_id, min(provider) as provider, max(account) as account, count(*) as targets,
                               coalesce(sum(views), 0) as views, coalesce(sum(engagements), 0) as engagements
                          from post_metrics
                         where workspace_id = :workspace and published_at >= :from and published_at < :to
                        """
                                + AnalyticsQuery.SCOPE
                                + """
                         group by connection_id
                         order by engagements desc, targets desc, account""")
                .param("workspace", workspace.value())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param(
                        "connection",
                        query.connection() == null ? null : query.connection().value())
                .param("tag", query.tag())
                .query((rs, n) -> new AnalyticsReport.Account(
                        new ConnectionId(rs.getObject("connection_id", UUID.class)),
                        rs.getString("provider"),
                        rs.getString("account"),
                        rs.getInt("targets"),
                        rs.getLong("views"),
                        rs.getLong("engagements")))
                .list();
    }

    /** The most tags a report compares. */
    static final int TAGS = 50;

    /**
     * By tag, of the query's account (whatever its tag): each tag's posts, views and engagements, the most engagements
     * first. Tags are grouped in any case; a post with two tags counts under both.
     */
    List<AnalyticsReport.Tag> tags(WorkspaceId workspace, Instant from, Instant to, AnalyticsQuery query) {
        return jdbc.sql(
                        """
                        select max(tag) as tag, count(distinct m.post_id) as posts,
                               coalesce(sum(m.views), 0) as views, coalesce(sum(m.engagements), 0) as engagements
                          from post_metrics m
                          join posts p on p.workspace_id = m.workspace_id and p.id = m.post_id
                          cross join lateral unnest(p.tags) as tag
                         where m.workspace_id = :workspace and m.published_at >= :from and m.published_at < :to
                           and (cast(:connection as uuid) is null or m.connection_id = cast(:connection as uuid))
                         group by lower(tag)
                         order by engagements desc, posts desc, lower(tag)
                         limit :limit""")
                .param("workspace", workspace.value())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param(
                        "connection",
                        query.connection() == null ? null : query.connection().value())
                .param("limit", TAGS)
                .query((rs, n) -> new AnalyticsReport.Tag(
                        rs.getString("tag"), rs.getInt("posts"), rs.getLong("views"), rs.getLong("engagements")))
                .list();
    }

    /** By published day in the zone; only days with posts. */
    Map<LocalDate, AnalyticsReport.Day> days(WorkspaceId workspace, Instant from, Instant to, AnalyticsQuery query) {
        Map<LocalDate, AnalyticsReport.Day> days = new LinkedHashMap<>();
        jdbc.sql(
                        """
                        select cast(published_at at time zone :zone as date) as day, count(*) as targets,
                               coalesce(sum(views), 0) as views, coalesce(sum(engagements), 0) as engagements
                          from post_metrics
                         where workspace_id = :workspace and published_at >= :from and published_at < :to
                        """
                                + AnalyticsQuery.SCOPE
                                + """
                         group by 1 order by 1""")
                .param("zone", query.zone().getId())
                .param("workspace", workspace.value())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param(
                        "connection",
                        query.connection() == null ? null : query.connection().value())
                .param("tag", query.tag())
                .query((rs, n) -> new AnalyticsReport.Day(
                        rs.getObject("day", LocalDate.class),
                        rs.getInt("targets"),
                        rs.getLong("views"),
                        rs.getLong("engagements")))
                .list()
                .forEach(day -> days.put(day.day(), day));
        return days;
    }

    /** Read targets since {@code from} by weekday (ISO, Monday 1) and hour in the zone, with their engagements a post. */
    record HourRow(int isoDay, int hour, int posts, double engagements) {}

    List<HourRow> byHour(WorkspaceId workspace, Instant from, String zone, @Nullable ConnectionId connection) {
        return jdbc.sql(
                        """
                        select cast(extract(isodow from published_at at time zone :zone) as integer) as day,
                               cast(extract(hour from published_at at time zone :zone) as integer) as hour,
                               count(*) as posts, avg(engagements) as engagements
                          from post_metrics
                         where workspace_id = :workspace and published_at >= :from
                           and read_at is not null and engagements is not null
                           and (cast(:connection as uuid) is null or connection_id = cast(:connection as uuid))
                         group by 1, 2""")
                .param("zone", zone)
                .param("workspace", workspace.value())
                .param("from", Timestamp.from(from))
                .param("connection", connection == null ? null : connection.value())
                .query((rs, n) -> new HourRow(
                        rs.getInt("day"), rs.getInt("hour"), rs.getInt("posts"), rs.getDouble("engagements")))
                .list();
    }

    /** The names of every count read in the period, sorted: an export's columns. */
    List<String> countNames(WorkspaceId workspace, Instant from, Instant to, AnalyticsQuery query) {
        return jdbc.sql(
                        """
                        select distinct jsonb_object_keys(counts) as name from post_metrics
                         where workspace_id = :workspace and published_at >= :from and published_at < :to
                        """
                                + AnalyticsQuery.SCOPE
                                + """
                         order by 1""")
                .param("workspace", workspace.value())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param(
                        "connection",
                        query.connection() == null ? null : query.connection().value())
                .param("tag", query.tag())
                .query(String.class)
                .list();
    }

    /** The posts with the most engagements (then views) summed over their targets. */
    record TopRow(PostId post, Instant publishedAt, List<String> accounts, long views, long engagements) {}

    List<TopRow> top(WorkspaceId workspace, Instant from, Instant to, AnalyticsQuery query, int limit) {
        return jdbc.sql(
                        """
                        select post_id, min(published_at) as published_at, array_agg(account order by account) as accounts,
                               coalesce(sum(views), 0) as views, coalesce(sum(engagements), 0) as engagements
                          from post_metrics
                         where workspace_id = :workspace and published_at >= :from and published_at < :to
                        """
                                + AnalyticsQuery.SCOPE
                                + """
                           and read_at is not null
                         group by post_id
                         order by engagements desc, views desc, published_at desc
                         limit :limit""")
                .param("workspace", workspace.value())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .param(
                        "connection",
                        query.connection() == null ? null : query.connection().value())
                .param("tag", query.tag())
                .param("limit", limit)
                .query((rs, n) -> new TopRow(
                        new PostId(rs.getObject("post_id", UUID.class)),
                        rs.getTimestamp("published_at").toInstant(),
                        List.of((String[]) rs.getArray("accounts").getArray()),
                        rs.getLong("views"),
                        rs.getLong("engagements")))
                .list();
    }
}
