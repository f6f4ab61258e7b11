package herald.web.api.analytics;

import herald.analytics.AnalyticsQuery;
import herald.analytics.Audience;
import herald.analytics.AudienceExport;
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
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Each account's audience (followers over time) over a period, as JSON or CSV; the figures of posts are {@link AnalyticsController}'s. */
@RestController
@RequestMapping(ApiPaths.WORKSPACE)
@Tag(name = "Analytics")
class AudienceController {

    private final Audience audience;
    private final AudienceExport audienceExport;
    private final Clock clock;

    AudienceController(Audience audience, AudienceExport audienceExport, Clock clock) {
        this.audience = audience;
        this.audienceExport = audienceExport;
        this.clock = clock;
    }

    @GetMapping("/analytics/audience")
    @Operation(
            operationId = "getAudience",
            summary = "Each account's audience over a period",
            description = "Herald takes a snapshot of every active account's followers (and whom it follows and its"
                    + " posts, where the platform says) once a day. For each account, or the one of `connectionId`:"
                    + " the latest counts, the followers gained from the period's first snapshot to its last, and the"
                    + " period's snapshots (by the UTC day they were taken; `from` and `to` as for the report, the"
                    + " last 30 days by default). LinkedIn gives no follower counts: `counted` is false and `problem`"
                    + " says so.")
    AudienceView audience(
            CurrentWorkspace current,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String timezone,
            @RequestParam(required = false) @Nullable UUID connectionId) {
        return AudienceView.of(
                audience.report(current.id(), AnalyticsPeriod.of(current, from, to, timezone, connectionId, clock)));
    }

    @GetMapping("/analytics/audience/export")
    @Operation(
            operationId = "exportAudience",
            summary = "Export the period's audience as CSV",
            description = "The same period and account as the audience: one line per account and daily snapshot,"
                    + " oldest first: day, account, platform, followers, following, posts (empty where the platform"
                    + " does not say).",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"))))
    void exportAudience(
            CurrentWorkspace current,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String timezone,
            @RequestParam(required = false) @Nullable UUID connectionId,
            HttpServletResponse response)
            throws IOException {
        AnalyticsQuery query = AnalyticsPeriod.of(current, from, to, timezone, connectionId, clock);
        audienceExport.write(
                current.id(),
                query,
                CsvDownload.start(
                        response, AudienceExport.filename(current.workspace().slug(), query)));
    }
}
