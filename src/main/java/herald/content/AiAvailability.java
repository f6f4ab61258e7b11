package herald.content;

import org.jspecify.annotations.Nullable;

/**
 * Whether AI mode is possible for a workspace.
 *
 * @param available an endpoint is configured and the month's tokens are not used up
 * @param source {@code workspace} (its own key), {@code herald} (Herald's configuration) or {@code none}
 * @param model the model that would answer, when there is an endpoint
 * @param reason why not, in words a person can act on, when not available
 */
public record AiAvailability(boolean available, String source, @Nullable String model, @Nullable String reason) {}
