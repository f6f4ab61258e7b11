package herald.content;

import herald.content.AiFailure.Kind;
import herald.content.ChatCompletions.Completion;
import herald.shared.InvalidInput;
import herald.shared.WorkspaceId;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** {@link AiWriter} over {@link ChatCompletions}: guard the prompt, resolve the endpoint, call, measure. */
@Component
class AiCalls implements AiWriter {

    private final AiSettings settings;
    private final AiEndpoints endpoints;
    private final ChatCompletions chat;
    private final Clock clock;

    AiCalls(AiSettings settings, AiEndpoints endpoints, JsonMapper json, Clock clock) {
        this.settings = settings;
        this.endpoints = endpoints;
        this.chat = new ChatCompletions(json, settings.timeout());
        this.clock = clock;
    }

    @Override
    public AiAvailability availability(WorkspaceId workspace) {
        return endpoints
                .resolve(workspace)
                .map(endpoint -> new AiAvailability(true, endpoint.source(), endpoint.model(), null))
                .orElseGet(() -> new AiAvailability(false, "none", null, notConfigured()));
    }

    @Override
    public AiReply write(WorkspaceId workspace, AiPrompt prompt) {
        guard(prompt);
        AiEndpoint endpoint =
                endpoints.resolve(workspace).orElseThrow(() -> new AiFailure(Kind.NOT_CONFIGURED, notConfigured()));
        Instant started = clock.instant();
        Completion completion = chat.complete(endpoint, prompt);
        Duration latency = Duration.between(started, clock.instant());
        long promptTokens =
                completion.usageEstimated() ? estimate(prompt.system() + prompt.user()) : completion.promptTokens();
        long completionTokens =
                completion.usageEstimated() ? estimate(completion.text()) : completion.completionTokens();
        var usage = new AiUsage(promptTokens, completionTokens, endpoint.cost(promptTokens, completionTokens));
        return new AiReply(completion.text(), completion.model(), usage, UUID.randomUUID(), latency);
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
}
