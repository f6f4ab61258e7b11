package herald.content;

import org.jspecify.annotations.Nullable;

/**
 * What a tiny test call to the workspace's endpoint gave.
 *
 * @param ok the endpoint answered a chat completion
 * @param source {@code workspace}, {@code herald} or {@code none}
 * @param model the model that answered, or was asked for
 * @param latencyMillis how long the call took (0 when nothing was called)
 * @param message what happened, in words a person can act on
 * @param kind the {@link AiFailure.Kind} or {@code LIMIT_REACHED} when not ok
 */
public record AiEndpointCheck(
        boolean ok, String source, @Nullable String model, long latencyMillis, String message, @Nullable String kind) {}
