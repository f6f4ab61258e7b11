package herald.analytics;

import herald.database.TenantScope;
import herald.publishing.Post;
import herald.publishing.PostId;
import herald.publishing.Posts;
import herald.publishing.ShortLinkClicks;
import herald.publishing.Target;
import herald.publishing.TargetId;
import herald.shared.SpreadsheetCell;
import herald.shared.WorkspaceId;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A report's figures as a CSV file for a client's monthly report: one line per published post and account, newest
 * first, with views, engagements and the rate, the clicks on its short links (empty without any), then every count a platform gave in the period as a column of its own
 * (a platform that does not count one leaves it empty). Times are in the report's zone; texts are cells no
 * spreadsheet runs.
 */
@Component
public class FiguresExport {

    /** The most lines one file holds. */
    public static final int MAX_LINES = 10_000;

    static final List<String> HEADER = List.of(
            "post_id",
            "published_at",
            "account",
            "platform",
            "text",
            "url",
            "views",
            "engagements",
            "engagement_rate",
            "clicks",
            "read_at");

    private static final int PAGE = 500;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MetricsRows rows;
    private final ReportRows reports;
    private final TenantScope tenants;
    private final Posts posts;
    private final ShortLinkClicks links;

    FiguresExport(MetricsRows rows, ReportRows reports, TenantScope tenants, Posts posts, ShortLinkClicks links) {
        this.links = links;
        this.rows = rows;
        this.reports = reports;
        this.tenants = tenants;
        this.posts = posts;
    }

    /**
     * Writes the period's published targets, page by page.
     *
     * @return how many lines were written; at most {@value #MAX_LINES}
     */
    public int write(WorkspaceId workspace, AnalyticsQuery query, Writer out) throws IOException {
        Instant from = query.from().atStartOfDay(query.zone()).toInstant();
        Instant to = query.to().plusDays(1).atStartOfDay(query.zone()).toInstant();
        List<String> counts = tenants.read(workspace, () -> reports.countNames(workspace, from, to, query));
        List<String> header = new ArrayList<>(HEADER);
        counts.forEach(name -> header.add("count_" + name));
        int written = 0;
        try (CSVPrinter csv =
                CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get().print(out)) {
            csv.printRecord(header);
            @Nullable TargetMetrics last = null;
            while (written < MAX_LINES) {
                @Nullable TargetMetrics after = last;
                int size = Math.min(PAGE, MAX_LINES - written);
                List<TargetMetrics> page =
                        tenants.read(workspace, () -> rows.page(workspace, from, to, query, after, size));
                List<PostId> ids = page.stream().map(TargetMetrics::post).toList();
                Map<PostId, Post> shown = posts.getAll(workspace, ids);
                Map<TargetId, Long> clicks = links.clicksByTarget(workspace, ids);
                for (TargetMetrics metrics : page) {
                    csv.printRecord(
                            line(metrics, shown.get(metrics.post()), clicks.get(metrics.target()), counts, query));
                }
                written += page.size();
                if (page.size() < size) {
                    break;
                }
                last = page.getLast();
            }
        }
        return written;
    }

    /** {@code acme-figures-2026-11-04-to-2026-12-03.csv} */
    public static String filename(String slug, AnalyticsQuery query) {
        return slug + "-figures-" + query.from() + "-to-" + query.to() + ".csv";
    }

    private static List<Object> line(
            TargetMetrics metrics,
            @Nullable Post post,
            @Nullable Long clicks,
            List<String> counts,
            AnalyticsQuery query) {
        @Nullable
        Target target = post == null
                ? null
                : post.targets().stream()
                        .filter(t -> t.id().equals(metrics.target()))
                        .findFirst()
                        .orElse(null);
        List<Object> line = new ArrayList<>();
        line.add(metrics.post());
        line.add(time(metrics.publishedAt(), query));
        line.add(SpreadsheetCell.text(metrics.account()));
        line.add(metrics.provider());
        line.add(SpreadsheetCell.text(
                target != null && target.body() != null ? target.body() : post == null ? "" : post.body()));
        line.add(
                target == null || target.platformUrl() == null
                        ? ""
                        : target.platformUrl().toString());
        line.add(metrics.views() == null ? "" : metrics.views());
        line.add(metrics.engagements() == null ? "" : metrics.engagements());
        line.add(metrics.engagementRate() == null ? "" : metrics.engagementRate());
        line.add(clicks == null ? "" : clicks);
        line.add(metrics.readAt() == null ? "" : time(metrics.readAt(), query));
        for (String name : counts) {
            Long count = metrics.counts().get(name);
            line.add(count == null ? "" : count);
        }
        return line;
    }

    private static String time(Instant instant, AnalyticsQuery query) {
        return LOCAL.format(instant.atZone(query.zone()));
    }
}
