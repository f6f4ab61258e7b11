package herald.content;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One request to a model: a system and a user message.
 *
 * @param purpose what it is for, kept in the generation log: {@code caption}, {@code calendar}, …
 * @param system the system message (persona, workspace, platform rules)
 * @param user the user message (the item and the request)
 * @param maxTokens the answer's token cap ({@code max_completion_tokens})
 * @param temperature sampling temperature, 0–2
 * @param batch groups the generations of one calendar run (null for single captions)
 */
public record AiPrompt(
        String purpose, String system, String user, int maxTokens, double temperature, @Nullable UUID batch) {}
