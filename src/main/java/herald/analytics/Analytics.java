package herald.analytics;

import herald.connections.ConnectionId;
import herald.database.TenantScope;
import herald.publishing.Post;
import herald.publishing.PostId;
import herald.publishing.Posts;
import herald.publishing.Target;
import herald.publishing.TargetStatus;
import herald.shared.Conflict;
import herald.shared.NotFound;
import herald.shared.WorkspaceId;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A workspace's figures: each published post's, read from its platforms at steps after publishing (see {@link
 * AnalyticsSettings#reads}), and reports over a period.
 */
@Component
public class Analytics {

    /** The posts a report lists as those that did best. */
    public static final int TOP = 10;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private final MetricsRows rows;
    private final ReportRows reports;
    private final MetricsCollector collector;
    private final TenantScope tenants;
    private final Posts posts;
    private final AnalyticsSettings settings;
    private final Clock clock;

    Analytics(
            MetricsRows rows,
            ReportRows reports,
            MetricsCollector collector,
            TenantScope tenants,
            Posts posts,
            AnalyticsSettings settings,
            Clock clock) {
        this.rows = rows;
        this.reports = reports;
        this.collector = collector;
        this.tenants = tenants;
        this.posts = posts;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * The latest figures of each of the post's published targets; a target the sweep has not tracked yet is there with
     * no counts and its first reading an hour after publishing. Empty before anything of the post is published.
     *
     * @throws NotFound when the workspace has no such post
     */
    public List<TargetMetrics> ofPost(WorkspaceId workspace, PostId id) {
        Post post = posts.get(workspace, id);
        List<TargetMetrics> stored = tenants.read(workspace, () -> rows.ofPost(workspace, id));
        List<TargetMetrics> all = new ArrayList<>(stored);
        for (Target target : post.targets()) {
            Instant publishedAt = target.publishedAt();
            if (target.status() != TargetStatus.PUBLISHED
                    || publishedAt == null
                    || stored.stream().anyMatch(m -> m.target().equals(target.id()))) {
                continue;
            }
            all.add(new TargetMetrics(
                    target.id(),
                    id,
                    target.connection(),
                    target.provider(),
                    target.account(),
                    publishedAt,
                    Map.of(),
                    null,
                    null,
                    null,
                    0,
                    null,
                    publishedAt.plus(settings.reads().getFirst()),
                    null));
        }
        all.sort(java.util.Comparator.comparing(TargetMetrics::publishedAt).thenComparing(TargetMetrics::account));
        return all;
    }

    /**
     * The weekday hours, in {@code zone}, whose posts of the last {@value BestTimes#DAYS} days had the most engagements
     * each, optionally of one account.
     */
    public BestTimes bestTimes(WorkspaceId workspace, ZoneId zone, @Nullable ConnectionId connection) {
        Instant from = clock.instant().minus(java.time.Duration.ofDays(BestTimes.DAYS));
        List<ReportRows.HourRow> hours =
                tenants.read(workspace, () -> reports.byHour(workspace, from, zone.getId(), connection));
        int measured = hours.stream().mapToInt(ReportRows.HourRow::posts).sum();
        double average = measured == 0
                ? 0
                : hours.stream().mapToDouble(h -> h.engagements() * h.posts()).sum() / measured;
        if (measured < BestTimes.MIN_POSTS) {
            return new BestTimes(measured, average, List.of());
        }
        List<BestTimes.Time> times = hours.stream()
                .filter(h -> h.posts() >= BestTimes.MIN_PER_HOUR)
                .sorted(java.util.Comparator.comparingDouble(ReportRows.HourRow::engagements)
                        .reversed()
                        .thenComparing(ReportRows.HourRow::posts, java.util.Comparator.reverseOrder()))
                .limit(BestTimes.SHOWN)
                .map(h -> new BestTimes.Time(
                        java.time.DayOfWeek.of(h.isoDay()),
                        h.hour(),
                        h.posts(),
                        Math.round(h.engagements() * 10) / 10.0,
                        average == 0 ? 0 : (int) Math.round(100 * (h.engagements() - average) / average)))
                .toList();
        return new BestTimes(measured, Math.round(average * 10) / 10.0, times);
    }

    /** The figures of each of these posts that has been read, for lists: a query for them all. */
    public Map<PostId, PostSummary> summaries(WorkspaceId workspace, List<PostId> ids) {
        return tenants.read(workspace, () -> rows.summaries(workspace, ids));
    }

    /**
     * Reads the post's figures from its platforms now, and answers them; a failed reading is in its target's {@code
     * lastError}.
     *
     * @throws NotFound when the workspace has no such post
     * @throws Conflict when nothing of it is published yet, or its figures were read less than {@code
     *     herald.analytics.refresh-every} ago
     */
    public List<TargetMetrics> refresh(WorkspaceId workspace, PostId id, ZoneId zone) {
        Post post = posts.get(workspace, id);
        if (post.targets().stream().noneMatch(t -> t.status() == TargetStatus.PUBLISHED)) {
            throw new Conflict("post", "Nothing of this post is published yet: its figures come once it is.");
        }
        Instant now = clock.instant();
        Instant latest = tenants.read(workspace, () -> rows.ofPost(workspace, id)).stream()
                .map(TargetMetrics::readAt)
                .filter(java.util.Objects::nonNull)
                .max(Instant::compareTo)
                .orElse(Instant.EPOCH);
        Instant again = latest.plus(settings.refreshEvery());
        if (again.isAfter(now)) {
            throw new Conflict(
                    "post",
                    "Its figures were read at " + TIME.format(latest.atZone(zone)) + "; ask again after "
                            + TIME.format(again.atZone(zone)) + ".");
        }
        collector.readPost(workspace, post, now);
        return ofPost(workspace, id);
    }

    /**
     * Totals, by account, by day (every day of the period), the {@link #TOP} posts with the most engagements, and by
     * tag (of the query's account, whatever tag it asks for).
     */
    public AnalyticsReport report(WorkspaceId workspace, AnalyticsQuery query) {
        Instant from = query.from().atStartOfDay(query.zone()).toInstant();
        Instant to = query.to().plusDays(1).atStartOfDay(query.zone()).toInstant();
        record Read(
                AnalyticsReport.Totals totals,
                List<AnalyticsReport.Account> accounts,
                Map<LocalDate, AnalyticsReport.Day> days,
                List<ReportRows.TopRow> top,
                List<AnalyticsReport.Tag> tags) {}
        Read read = tenants.read(
                workspace,
                () -> new Read(
                        reports.totals(workspace, from, to, query),
                        reports.accounts(workspace, from, to, query),
                        reports.days(workspace, from, to, query),
                        reports.top(workspace, from, to, query, TOP),
                        reports.tags(workspace, from, to, query)));
        List<AnalyticsReport.Day> days = new ArrayList<>();
        for (LocalDate day = query.from(); !day.isAfter(query.to()); day = day.plusDays(1)) {
            days.add(read.days().getOrDefault(day, new AnalyticsReport.Day(day, 0, 0, 0)));
        }
        Map<PostId, Post> bodies = posts.getAll(
                workspace, read.top().stream().map(ReportRows.TopRow::post).toList());
        List<AnalyticsReport.Top> top = new ArrayList<>();
        for (ReportRows.TopRow row : read.top()) {
            Post post = bodies.get(row.post());
            if (post != null) { // else deleted between the two reads: left out
                top.add(new AnalyticsReport.Top(
                        row.post(), post.body(), row.publishedAt(), row.accounts(), row.views(), row.engagements()));
            }
        }
        return new AnalyticsReport(query, read.totals(), read.accounts(), days, top, read.tags());
    }
}
