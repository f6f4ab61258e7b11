package herald.web.api.ai;

import herald.content.AiEndpointChecks;
import herald.content.AiGeneration;
import herald.content.AiGenerations;
import herald.content.AiUsageMeter;
import herald.content.AiWriter;
import herald.content.WorkspaceAiEndpoints;
import herald.identity.ApiKeyScope;
import herald.shared.NotFound;
import herald.shared.NotPermitted;
import herald.tenancy.Role;
import herald.web.CurrentWorkspace;
import herald.web.api.ApiPaths;
import herald.web.api.ai.AiRequests.SaveAiSettings;
import herald.web.api.ai.AiViews.AiSettingsView;
import herald.web.api.ai.AiViews.EndpointTestView;
import herald.web.api.ai.AiViews.GenerationSummaryView;
import herald.web.api.ai.AiViews.GenerationView;
import herald.web.api.ai.AiViews.UsageView;
import herald.web.api.paging.Page;
import herald.web.api.paging.PageRequest;
import herald.web.api.scopes.RequiredScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(ApiPaths.WORKSPACE + "/ai")
@Tag(
        name = "AI",
        description =
                "The workspace's own OpenAI-compatible endpoint (bring your own key), the log of every model call "
                        + "and the month's AI usage against the plan. Keys are never shown, only their last four characters.")
class AiController {

    private static final String LISTING = "ai-generations";

    private final WorkspaceAiEndpoints endpoints;
    private final AiEndpointChecks checks;
    private final AiWriter ai;
    private final AiGenerations generations;
    private final AiUsageMeter usage;

    AiController(
            WorkspaceAiEndpoints endpoints,
            AiEndpointChecks checks,
            AiWriter ai,
            AiGenerations generations,
            AiUsageMeter usage) {
        this.endpoints = endpoints;
        this.checks = checks;
        this.ai = ai;
        this.generations = generations;
        this.usage = usage;
    }

    @GetMapping("/settings")
    @Operation(
            operationId = "getAiSettings",
            summary = "Get the AI settings",
            description = "The workspace's own endpoint with its key masked (null when it has none), and which "
                    + "endpoint answers now: the workspace's, Herald's, or none (template mode).")
    AiSettingsView settings(CurrentWorkspace current) {
        return AiSettingsView.of(endpoints.find(current.id()), ai.availability(current.id()));
    }

    @PutMapping("/settings")
    @RequiredScope(ApiKeyScope.ADMIN)
    @Operation(
            operationId = "saveAiSettings",
            summary = "Set the workspace's own AI endpoint",
            description = "Creates or replaces it. Without apiKey the stored key is kept. The base URL must be a "
                    + "public http(s) address. Owners and admins only; audited without the key.")
    AiSettingsView save(CurrentWorkspace current, @Valid @RequestBody SaveAiSettings request) {
        manager(current);
        endpoints.save(current.id(), request.change());
        return settings(current);
    }

    @DeleteMapping("/settings")
    @RequiredScope(ApiKeyScope.ADMIN)
    @Operation(
            operationId = "deleteAiSettings",
            summary = "Remove the workspace's own AI endpoint",
            description = "Its key is deleted; Herald's endpoint (or template mode) answers from now on. Answers 204.")
    ResponseEntity<Void> delete(CurrentWorkspace current) {
        manager(current);
        endpoints.delete(current.id());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/settings/test")
    @RequiredScope(ApiKeyScope.ADMIN)
    @Operation(
            operationId = "testAiSettings",
            summary = "Test the AI endpoint",
            description = "Makes a tiny call to whichever endpoint answers the workspace and reports the result; the "
                    + "call is logged and counted like any other.")
    EndpointTestView test(CurrentWorkspace current) {
        manager(current);
        return EndpointTestView.of(checks.check(current.id()));
    }

    @GetMapping("/generations")
    @Operation(
            operationId = "listAiGenerations",
            summary = "List the generation log",
            description = "Every call to a model, newest first, failed ones included; without prompts and answers.")
    Page<GenerationSummaryView> generations(
            CurrentWorkspace current,
            @Valid PageRequest page,
            @Parameter(description = "Only this purpose, e.g. caption or calendar.")
                    @RequestParam(required = false)
                    @Pattern(regexp = "[a-z_]{1,40}", message = "is a purpose such as caption or calendar")
                    @Nullable
                    String purpose,
            @Parameter(description = "Only the generations of one calendar run.")
                    @RequestParam(required = false)
                    @Nullable
                    UUID batch) {
        var after = page.afterTimeAndId(LISTING, AiGenerations.After::new);
        return page.pageByTimeAndId(
                generations.page(current.id(), purpose, batch, after, page.fetchSize()),
                GenerationSummaryView::of,
                LISTING,
                AiGeneration::createdAt,
                AiGeneration::id);
    }

    @GetMapping("/generations/{generationId}")
    @Operation(
            operationId = "getAiGeneration",
            summary = "Get a generation",
            description = "What was asked (system and user prompt), what came back or why nothing did, tokens, cost "
                    + "estimate and latency. Never a key.")
    GenerationView generation(CurrentWorkspace current, @PathVariable UUID generationId) {
        return generations
                .find(current.id(), generationId)
                .map(GenerationView::of)
                .orElseThrow(() -> new NotFound("No generation with this id in this workspace."));
    }

    @GetMapping("/usage")
    @Operation(
            operationId = "getAiUsage",
            summary = "Get the AI usage per month",
            description = "Tokens, cost estimate and generations of the last months (the workspace's time zone's "
                    + "calendar months, oldest first, the current one last) against the plan's monthly limit.")
    UsageView usage(
            CurrentWorkspace current,
            @Parameter(description = "How many months, 1 to 24; default 6.")
                    @RequestParam(defaultValue = "6")
                    @Min(1)
                    @Max(24)
                    int months) {
        return UsageView.of(usage.months(current.id(), months));
    }

    /** API keys carry their rights in scopes (admin, checked above); a signed-in member must be an admin or owner. */
    private static void manager(CurrentWorkspace current) {
        if (current.role() != null && !current.roleAtLeast(Role.ADMIN)) {
            throw new NotPermitted("Only owners and admins manage the workspace's AI endpoint.");
        }
    }
}
