package herald.web.api.ai;

import herald.content.AiAvailability;
import herald.content.AiEndpointCheck;
import herald.content.AiGeneration;
import herald.content.AiMonthUsage;
import herald.content.WorkspaceAiEndpoint;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

final class AiViews {

    private AiViews() {}

    /** The workspace's own endpoint (if any) and which endpoint answers it now. */
    record AiSettingsView(
            @Schema(description = "The workspace's own endpoint; null when it has none and Herald's (or none) answers.")
                    @Nullable
                    OwnEndpointView own,
            AvailabilityView effective) {

        static AiSettingsView of(Optional<WorkspaceAiEndpoint> own, AiAvailability availability) {
            return new AiSettingsView(own.map(OwnEndpointView::of).orElse(null), AvailabilityView.of(availability));
        }
    }

    record OwnEndpointView(
            String baseUrl,
            String model,
            @Schema(description = "The key, masked: its prefix and last four characters.", example = "sk-…a1b2")
                    @Nullable
                    String keyHint,
            @Nullable Long promptPricePer1k,
            @Nullable Long completionPricePer1k,
            Instant updatedAt) {

        static OwnEndpointView of(WorkspaceAiEndpoint endpoint) {
            return new OwnEndpointView(
                    endpoint.baseUrl(),
                    endpoint.model(),
                    endpoint.keyHint(),
                    endpoint.promptPricePer1k(),
                    endpoint.completionPricePer1k(),
                    endpoint.updatedAt());
        }
    }

    record AvailabilityView(
            boolean available,
            @Schema(allowableValues = {"workspace", "herald", "none"}) String source,
            @Nullable String model,
            @Schema(description = "Why AI mode is not available; template mode still works.") @Nullable String reason) {

        static AvailabilityView of(AiAvailability availability) {
            return new AvailabilityView(
                    availability.available(), availability.source(), availability.model(), availability.reason());
        }
    }

    record EndpointTestView(
            boolean ok,
            @Schema(allowableValues = {"workspace", "herald", "none"}) String source,
            @Nullable String model,
            long latencyMillis,
            String message,
            @Schema(description = "Why it failed: an AI failure kind or LIMIT_REACHED.") @Nullable String kind) {

        static EndpointTestView of(AiEndpointCheck check) {
            return new EndpointTestView(
                    check.ok(), check.source(), check.model(), check.latencyMillis(), check.message(), check.kind());
        }
    }

    /** A generation in the log's listing: no prompts or answer. */
    record GenerationSummaryView(
            UUID id,
            String purpose,
            @Nullable UUID batch,
            @Schema(allowableValues = {"workspace", "herald"}) String source,
            String model,
            @Schema(allowableValues = {"succeeded", "failed"}) String status,
            @Nullable String errorKind,
            long promptTokens,
            long completionTokens,
            long costMicros,
            long latencyMillis,
            Instant createdAt) {

        static GenerationSummaryView of(AiGeneration g) {
            return new GenerationSummaryView(
                    g.id(),
                    g.purpose(),
                    g.batch(),
                    g.source(),
                    g.model(),
                    g.status(),
                    g.errorKind(),
                    g.promptTokens(),
                    g.completionTokens(),
                    g.costMicros(),
                    g.latencyMillis(),
                    g.createdAt());
        }
    }

    /** One generation in full: what was asked and what came back. */
    record GenerationView(
            UUID id,
            String purpose,
            @Nullable UUID batch,
            String source,
            String model,
            String endpointHost,
            String systemPrompt,
            String userPrompt,
            @Nullable String response,
            String status,
            @Nullable String errorKind,
            @Nullable String errorMessage,
            long promptTokens,
            long completionTokens,
            long costMicros,
            long latencyMillis,
            @Nullable String actor,
            Instant createdAt) {

        static GenerationView of(AiGeneration g) {
            return new GenerationView(
                    g.id(),
                    g.purpose(),
                    g.batch(),
                    g.source(),
                    g.model(),
                    g.endpointHost(),
                    g.systemPrompt(),
                    g.userPrompt(),
                    g.response(),
                    g.status(),
                    g.errorKind(),
                    g.errorMessage(),
                    g.promptTokens(),
                    g.completionTokens(),
                    g.costMicros(),
                    g.latencyMillis(),
                    g.actor(),
                    g.createdAt());
        }
    }

    record UsageView(List<MonthView> months) {

        static UsageView of(List<AiMonthUsage> months) {
            return new UsageView(months.stream().map(MonthView::of).toList());
        }
    }

    record MonthView(
            @Schema(example = "2026-12") String month,
            long promptTokens,
            long completionTokens,
            long tokens,
            @Schema(description = "Estimated cost in millionths of a currency unit.") long costMicros,
            int generations,
            int failures,
            @Schema(description = "The plan's AI tokens per month.") long limit,
            @Schema(description = "Share of the limit used, in percent.") int percent) {

        static MonthView of(AiMonthUsage usage) {
            return new MonthView(
                    usage.month().toString(),
                    usage.promptTokens(),
                    usage.completionTokens(),
                    usage.tokens(),
                    usage.costMicros(),
                    usage.generations(),
                    usage.failures(),
                    usage.limit(),
                    usage.percent());
        }
    }
}
