package herald.web.api.analytics;

import herald.analytics.Analytics;
import herald.analytics.AnalyticsQuery;
import herald.analytics.AnalyticsReport;
import herald.analytics.BestTimes;
import herald.analytics.FiguresExport;
import herald.connections.ConnectionId;
import herald.publishing.PostId;
import herald.publishing.ShortLinkClicks;
import herald.web.CsvDownload;
import herald.web.CurrentWorkspace;
import herald.web.api.ApiPaths;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(ApiPaths.WORKSPACE)
@Tag(
        name = "Analytics",
        description = "What the platforms count about the workspace's published posts, read by Herald an hour, six"
                + " hours, a day, three days, a week and a month after each went out: per post, and reports over a"
                + " period. Views are X's impressions and Facebook's and Instagram's views (LinkedIn counts none);"
                + " engagements sum every interaction a platform counts (likes or reactions, comments or replies,"
                + " shares or reposts, quotes, saves or bookmarks).")
class AnalyticsController {

    private final Analytics analytics;
    private final FiguresExport export;
    private final ShortLinkClicks shortLinks;
    private final Clock clock;

    AnalyticsController(Analytics analytics, FiguresExport export, ShortLinkClicks shortLinks, Clock clock) {
        this.shortLinks = shortLinks;
        this.analytics = analytics;
        this.export = export;
        this.clock = clock;
    }

    @Schema(name = "AnalyticsReport")
    record Report(
            LocalDate from,
            LocalDate to,
            String timezone,
            @Nullable UUID connectionId,
            @Schema(description = "The tag asked for, as matched (any case); null: every post.", nullable = true)
                    @Nullable
                    String tag,
            AnalyticsReport.Totals totals,
            @Nullable Double engagementRate,
            @Schema(
                            description =
                                    "People's clicks on the workspace's short links (docs/short-links.md) from `from` to"
                                            + " `to`, by the UTC day of each click, whenever its post was published; of the account's"
                                            + " links with connectionId, and of the posts tagged `tag`.")
                    long clicks,
            List<Account> accounts,
            List<AnalyticsReport.Day> days,
            List<Top> top,
            @Schema(
                            description = "Each tag's posts and figures (of connectionId's account, whatever `tag`"
                                    + " asks), the most engagements first, at most 50; a post with two tags counts"
                                    + " under both.")
                    List<TagFigures> tags) {}

    @Schema(name = "AnalyticsTag")
    record TagFigures(String tag, int posts, long views, long engagements, @Nullable Double engagementRate) {}

    @Schema(name = "AnalyticsAccount")
    record Account(
            UUID connectionId,
            String provider,
            String account,
            int posts,
            long views,
            long engagements,
            @Nullable Double engagementRate) {}

    @Schema(name = "AnalyticsTopPost")
    record Top(
            UUID postId,
            String text,
            Instant publishedAt,
            List<String> accounts,
            long views,
            long engagements,
            @Nullable Double engagementRate,
            @Schema(description = "People's clicks on its short links so far, whenever they came.") long clicks) {}

    @GetMapping("/posts/{postId}/figures")
    @Operation(
            operationId = "getPostFigures",
            summary = "A post's figures",
            description = "Each published target's latest reading (no counts yet in its first hour); empty before"
                    + " anything of the post is published.")
    FiguresView.Post ofPost(CurrentWorkspace current, @PathVariable UUID postId) {
        var post = new PostId(postId);
        return FiguresView.Post.of(
                postId, analytics.ofPost(current.id(), post), shortLinks.clicksByTarget(current.id(), post));
    }

    @PostMapping("/posts/{postId}/figures/read")
    @Operation(
            operationId = "readPostFigures",
            summary = "Read a post's figures now",
            description = "From each platform, now; at most every five minutes (409 sooner, or before anything of the"
                    + " post is published). A reading that failed is in its target's lastError.")
    FiguresView.Post read(CurrentWorkspace current, @PathVariable UUID postId) {
        var post = new PostId(postId);
        return FiguresView.Post.of(
                postId,
                analytics.refresh(current.id(), post, current.workspace().timezone()),
                shortLinks.clicksByTarget(current.id(), post));
    }

    @GetMapping("/analytics")
    @Operation(
            operationId = "getAnalytics",
            summary = "The workspace's figures over a period",
            description = "By the day posts went out, from `from` to `to` inclusive (dates, at most 366 days; the last"
                    + " 30 days by default) in `timezone` (the workspace's by default), optionally of one account, and"
                    + " of the posts with one tag (`tag`, in any case: a campaign's figures): in all, by account,"
                    + " every day, and the ten posts with the most engagements.")
    Report report(
            CurrentWorkspace current,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String timezone,
            @RequestParam(required = false) @Nullable UUID connectionId,
            @RequestParam(required = false) @Nullable String tag) {
        AnalyticsQuery query = AnalyticsPeriod.of(current, from, to, timezone, connectionId, tag, clock);
        AnalyticsReport report = analytics.report(current.id(), query);
        Map<PostId, Long> clicks = shortLinks.clicks(
                current.id(), report.top().stream().map(t -> t.post()).toList());
        return new Report(
                query.from(),
                query.to(),
                query.zone().getId(),
                connectionId,
                query.tag(),
                report.totals(),
                report.totals().engagementRate(),
                shortLinks.clicksBetween(
                        current.id(),
                        query.from(),
                        query.to(),
                        connectionId == null ? null : new ConnectionId(connectionId),
                        query.tag()),
                report.accounts().stream()
                        .map(a -> new Account(
                                a.connection().value(),
                                a.provider(),
                                a.account(),
                                a.targets(),
                                a.views(),
                                a.engagements(),
                                a.engagementRate()))
                        .toList(),
                report.days(),
                report.top().stream()
                        .map(t -> new Top(
                                t.post().value(),
                                t.text(),
                                t.publishedAt(),
                                t.accounts(),
                                t.views(),
                                t.engagements(),
                                t.engagementRate(),
                                clicks.getOrDefault(t.post(), 0L)))
                        .toList(),
                report.tags().stream()
                        .map(t -> new TagFigures(t.tag(), t.posts(), t.views(), t.engagements(), t.engagementRate()))
                        .toList());
    }

    @GetMapping("/analytics/best-times")
    @Operation(
            operationId = "getBestTimes",
            summary = "When the workspace's posts do best",
            description =
                    "The weekday hours (in `timezone`, the workspace's by default) whose posts of the last 90 days"
                            + " had the most engagements each, best first, at most five, optionally of one account; `lift` is"
                            + " the percentage over the average. Empty until at least 10 posts were read, and an hour counts"
                            + " with two posts or more.")
    BestTimes bestTimes(
            CurrentWorkspace current,
            @RequestParam(required = false) @Nullable String timezone,
            @RequestParam(required = false) @Nullable UUID connectionId) {
        return analytics.bestTimes(
                current.id(),
                AnalyticsPeriod.zone(timezone, current.workspace().timezone()),
                connectionId == null ? null : new ConnectionId(connectionId));
    }

    @GetMapping("/analytics/export")
    @Operation(
            operationId = "exportAnalytics",
            summary = "Export the period's figures as CSV",
            description =
                    "The same period, account and tag as the report: one line per published post and account, newest"
                            + " first, at most 10,000, with post_id, published_at, account, platform, text, url, views,"
                            + " engagements, engagement_rate, read_at, then count_<name> for every count a platform gave in"
                            + " the period (empty where a platform counts no such thing). Times in the report's zone; a cell"
                            + " starting with = + - or @ is written with a leading apostrophe.",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"))))
    void export(
            CurrentWorkspace current,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String timezone,
            @RequestParam(required = false) @Nullable UUID connectionId,
            @RequestParam(required = false) @Nullable String tag,
            HttpServletResponse response)
            throws IOException {
        AnalyticsQuery query = AnalyticsPeriod.of(current, from, to, timezone, connectionId, tag, clock);
        export.write(
                current.id(),
                query,
                CsvDownload.start(
                        response, FiguresExport.filename(current.workspace().slug(), query)));
    }
}
