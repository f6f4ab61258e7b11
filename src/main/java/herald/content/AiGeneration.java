package herald.content;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One call to a model as the generation log keeps it: what was asked, what came back or why nothing did, and what it
 * cost. Never the key.
 *
 * @param source {@code workspace} (its own endpoint) or {@code herald}
 * @param endpointHost the host of the endpoint's base URL
 * @param status {@code succeeded} or {@code failed}
 * @param errorKind the {@link AiFailure.Kind} of a failed call
 * @param costMicros the estimate, in millionths of a currency unit
 * @param actor who made the call happen (a member, an API key, Herald itself)
 */
public record AiGeneration(
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

    public long totalTokens() {
        return promptTokens + completionTokens;
    }

    public boolean succeeded() {
        return "succeeded".equals(status);
    }
}
