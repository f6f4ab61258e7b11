package herald.content;

import herald.audit.Actor;
import herald.audit.AuditContext;
import herald.content.AiFailure.Kind;
import herald.content.ChatCompletions.Completion;
import herald.shared.InvalidInput;
import herald.shared.LimitReached;
import herald.shared.PublicHosts;
import herald.shared.WorkspaceId;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link AiWriter} over {@link ChatCompletions}: guard the prompt, resolve the endpoint, check the month's budget,
 * call, then log the generation and count its tokens — failures too, with what they cost (nothing, usually).
 */
@Component
class AiCalls implements AiWriter {

    private static final Logger log = LoggerFactory.getLogger(AiCalls.class);

    private final AiSettings settings;
    private final AiEndpoints endpoints;
    private final AiUsageMeter meter;
    private final AiGenerations generations;
    /** Workspaces' own endpoints: public hosts, or those the operator allowed. */
    private final ChatCompletions workspaceChat;
    /** Herald's configured endpoint, which may well be on the operator's network: its host only. */
    private final ChatCompletions heraldChat;

    private final Clock clock;

    AiCalls(
            AiSettings settings,
            AiEndpoints endpoints,
            AiUsageMeter meter,
            AiGenerations generations,
            JsonMapper json,
            Clock clock) {
        this.settings = settings;
        this.endpoints = endpoints;
        this.meter = meter;
        this.generations = generations;
        this.workspaceChat =
                new ChatCompletions(json, settings.timeout(), PublicHosts.allowing(settings.allowedHosts()));
        this.heraldChat = new ChatCompletions(json, settings.timeout(), PublicHosts.allowing(heraldHost(settings)));
        this.clock = clock;
    }

    @Override
    public AiAvailability availability(WorkspaceId workspace) {
        java.util.Optional<AiEndpoint> endpoint;
        try {
            endpoint = endpoints.resolve(workspace);
        } catch (AiFailure unusable) {
            // A stored key the vault can no longer open: say so instead of failing the caller's choice of mode.
            return new AiAvailability(false, "workspace", null, unusable.getMessage());
        }
        if (endpoint.isEmpty()) {
            return new AiAvailability(false, "none", null, notConfigured());
        }
        try {
            meter.allow(workspace);
        } catch (LimitReached limit) {
            return new AiAvailability(
                    false, endpoint.get().source(), endpoint.get().model(), limit.getMessage());
        }
        return new AiAvailability(true, endpoint.get().source(), endpoint.get().model(), null);
    }

    @Override
    public AiReply write(WorkspaceId workspace, AiPrompt prompt) {
        guard(prompt);
        AiEndpoint endpoint =
                endpoints.resolve(workspace).orElseThrow(() -> new AiFailure(Kind.NOT_CONFIGURED, notConfigured()));
        LocalDate month = meter.allow(workspace);
        Instant started = clock.instant();
        long nanos = System.nanoTime();
        try {
            ChatCompletions chat = "workspace".equals(endpoint.source()) ? workspaceChat : heraldChat;
            Completion completion = chat.complete(endpoint, prompt);
            Duration latency = Duration.ofNanos(System.nanoTime() - nanos);
            AiUsage usage = usage(endpoint, prompt, completion);
            UUID id = UUID.randomUUID();
            generations.record(
                    workspace,
                    entry(id, endpoint, prompt, started, latency, usage, completion.model(), completion.text(), null),
                    month);
            return new AiReply(completion.text(), completion.model(), usage, id, latency);
        } catch (AiFailure failure) {
            Duration latency = Duration.ofNanos(System.nanoTime() - nanos);
            log.info(
                    "AI call for workspace {} ({}, {}) failed: {}",
                    workspace.value(),
                    endpoint.source(),
                    endpoint.host(),
                    failure.kind());
            generations.record(
                    workspace,
                    entry(
                            UUID.randomUUID(),
                            endpoint,
                            prompt,
                            started,
                            latency,
                            AiUsage.NONE,
                            endpoint.model(),
                            null,
                            failure),
                    month);
            throw failure;
        }
    }

    /** The tokens as the endpoint counted them, or estimated when it did not. */
    static AiUsage usage(AiEndpoint endpoint, AiPrompt prompt, Completion completion) {
        long promptTokens =
                completion.usageEstimated() ? estimate(prompt.system() + prompt.user()) : completion.promptTokens();
        long completionTokens =
                completion.usageEstimated() ? estimate(completion.text()) : completion.completionTokens();
        return new AiUsage(promptTokens, completionTokens, endpoint.cost(promptTokens, completionTokens));
    }

    private static AiGeneration entry(
            UUID id,
            AiEndpoint endpoint,
            AiPrompt prompt,
            Instant at,
            Duration latency,
            AiUsage usage,
            String model,
            @Nullable String response,
            @Nullable AiFailure failure) {
        return new AiGeneration(
                id,
                prompt.purpose(),
                prompt.batch(),
                endpoint.source(),
                model,
                endpoint.host(),
                prompt.system(),
                prompt.user(),
                response,
                failure == null ? "succeeded" : "failed",
                failure == null ? null : failure.kind().name(),
                failure == null ? null : shorten(failure.getMessage()),
                usage.promptTokens(),
                usage.completionTokens(),
                usage.costMicros(),
                latency.toMillis(),
                actor(),
                at);
    }

    private static @Nullable String actor() {
        return AuditContext.current()
                .map(AuditContext.Origin::actor)
                .map(AiCalls::describe)
                .orElse("system");
    }

    private static String describe(Actor actor) {
        String who = actor.label() != null ? actor.label() : actor.id() != null ? actor.id() : "";
        return shorten(actor.type().value() + (who.isEmpty() ? "" : ": " + who), 300);
    }

    private static String shorten(String text) {
        return shorten(text, 1000);
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** Refuses what no endpoint should be sent, before anything is. */
    void guard(AiPrompt prompt) {
        int length = prompt.system().length() + prompt.user().length();
        if (length > settings.maxPromptChars()) {
            var number = NumberFormat.getIntegerInstance(Locale.ENGLISH);
            throw new InvalidInput(
                    "prompt",
                    "The prompt is " + number.format(length) + " characters; at most "
                            + number.format(settings.maxPromptChars())
                            + " are sent to a model. Shorten the description or the context.");
        }
        if (prompt.user().isBlank()) {
            throw new InvalidInput("prompt", "The prompt has no request in it.");
        }
        if (prompt.purpose().isBlank() || prompt.purpose().length() > 40) {
            throw new InvalidInput("purpose", "A generation's purpose is a short name, e.g. caption.");
        }
        if (prompt.maxTokens() < 1 || prompt.maxTokens() > 32_000) {
            throw new InvalidInput("maxTokens", "An answer's token cap must be between 1 and 32,000.");
        }
        if (!(prompt.temperature() >= 0 && prompt.temperature() <= 2)) {
            throw new InvalidInput("temperature", "The temperature must be between 0 and 2.");
        }
    }

    /** About four characters a token: for servers that do not report usage, so their calls still count. */
    static long estimate(String text) {
        return Math.ceilDiv(text.length(), 4);
    }

    private static String notConfigured() {
        return "No AI endpoint is configured: add a base URL, model and key in Settings → AI, "
                + "or ask the operator to configure Herald's (herald.content.ai.base-url). Template mode still works.";
    }

    private static java.util.List<String> heraldHost(AiSettings settings) {
        if (!settings.configured()) {
            return java.util.List.of();
        }
        String host = java.net.URI.create(settings.baseUrl().strip()).getHost();
        return host == null ? java.util.List.of() : java.util.List.of(host);
    }
}
