package herald.web.api.analytics;

import herald.analytics.TargetMetrics;
import herald.publishing.TargetId;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One published target's latest figures, as the workspace API, the agent API and the MCP tool answer them. */
@Schema(name = "TargetFigures")
public record FiguresView(
        UUID targetId,
        UUID connectionId,
        String provider,
        String account,
        Instant publishedAt,
        @Schema(description = "The platform's own counts by its own names, empty before the first reading")
                Map<String, Long> counts,
        @Schema(description = "X's impressions, Facebook's and Instagram's views; null where the platform counts none")
                @Nullable
                Long views,
        @Schema(description = "Every interaction the platform counted, summed") @Nullable Long engagements,
        @Schema(description = "Engagements per view, in percent") @Nullable Double engagementRate,
        int reads,
        @Nullable Instant readAt,
        @Schema(description = "Null once the readings are done or stopped") @Nullable Instant nextReadAt,
        @Schema(description = "Why the latest reading failed or the readings stopped, in the platform's words")
                @Nullable
                String lastError,
        @Schema(
                        description = "People's clicks on the target's short links so far, counted by Herald"
                                + " (docs/short-links.md); null when it has none")
                @Nullable
                Long clicks) {

    public static FiguresView of(TargetMetrics m, @Nullable Long clicks) {
        return new FiguresView(
                m.target().value(),
                m.connection().value(),
                m.provider(),
                m.account(),
                m.publishedAt(),
                m.counts(),
                m.views(),
                m.engagements(),
                m.engagementRate(),
                m.reads(),
                m.readAt(),
                m.nextReadAt(),
                m.lastError(),
                clicks);
    }

    /** A post's figures: one entry per published target. */
    @Schema(name = "PostFigures")
    public record Post(UUID postId, List<FiguresView> targets) {

        /** With each target's clicks, from {@link herald.publishing.ShortLinks#clicksByTarget}. */
        public static Post of(UUID postId, List<TargetMetrics> metrics, Map<TargetId, Long> clicks) {
            return new Post(
                    postId,
                    metrics.stream()
                            .map(m -> FiguresView.of(m, clicks.get(m.target())))
                            .toList());
        }
    }
}
