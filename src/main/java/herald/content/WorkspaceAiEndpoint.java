package herald.content;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A workspace's own OpenAI-compatible endpoint, as shown to people: the key only masked.
 *
 * @param keyHint the key's start and last four characters ({@code sk-…a1b2}); null when the endpoint has no key
 * @param promptPricePer1k the workspace's own price of 1,000 prompt tokens in millionths; null: Herald's
 * @param completionPricePer1k the same for completion tokens
 */
public record WorkspaceAiEndpoint(
        String baseUrl,
        String model,
        @Nullable String keyHint,
        @Nullable Long promptPricePer1k,
        @Nullable Long completionPricePer1k,
        Instant updatedAt) {}
