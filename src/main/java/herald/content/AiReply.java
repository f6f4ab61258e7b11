package herald.content;

import java.time.Duration;
import java.util.UUID;

/**
 * A model's answer and what it cost.
 *
 * @param text the first choice's message content, trimmed, never blank
 * @param model the model that answered (as the endpoint named it)
 * @param usage tokens and the cost estimate
 * @param generation the id of the generation log entry
 * @param latency from sending the request to the full answer
 */
public record AiReply(String text, String model, AiUsage usage, UUID generation, Duration latency) {}
