package herald.content;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Herald's own model endpoint and the limits of every call, {@code herald.content.ai.*}.
 *
 * @param baseUrl Herald's OpenAI-compatible endpoint ({@code …/v1}); empty: workspaces without their own get none
 * @param apiKey its key; may be empty for servers that need none (Ollama, llama.cpp)
 * @param model the model Herald's endpoint is asked for
 * @param timeout the longest a call may take, connecting included
 * @param maxPromptChars longest system plus user message accepted; longer prompts are refused before sending
 * @param promptPricePer1k cost estimate of 1,000 prompt tokens, in millionths of a currency unit
 * @param completionPricePer1k cost estimate of 1,000 completion tokens, in millionths of a currency unit
 * @param allowedHosts hosts a workspace may point its endpoint at although they resolve to loopback, private or
 *     link-local addresses (an in-house Ollama, a test stub); everything else private is refused
 * @param logRetention how long the generation log keeps a call (its prompts and answer carry the workspace's content);
 *     older calls are deleted every hour. The month's usage is counted apart and is not affected.
 */
@ConfigurationProperties("herald.content.ai")
record AiSettings(
        @DefaultValue("") String baseUrl,
        @DefaultValue("") String apiKey,
        @DefaultValue("gpt-4o-mini") String model,
        @DefaultValue("30s") Duration timeout,
        @DefaultValue("8000") int maxPromptChars,
        @DefaultValue("150") long promptPricePer1k,
        @DefaultValue("600") long completionPricePer1k,
        @DefaultValue List<String> allowedHosts,
        @DefaultValue("90d") Duration logRetention) {

    AiSettings {
        allowedHosts = List.copyOf(allowedHosts);
    }

    boolean configured() {
        return !baseUrl.isBlank();
    }
}
