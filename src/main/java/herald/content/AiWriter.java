package herald.content;

import herald.shared.LimitReached;
import herald.shared.WorkspaceId;

/**
 * Every call Herald makes to a language model goes through here: the workspace's endpoint is resolved (its own key,
 * else Herald's configuration, else none), the plan's monthly AI tokens are checked, the OpenAI-compatible chat
 * completions endpoint is called, and the generation (prompts, model, tokens, latency, cost estimate; never the key)
 * is logged and counted against the month's usage, failures included.
 */
public interface AiWriter {

    /** Whether AI mode is possible for the workspace now, and if not, why (for choosing template mode up front). */
    AiAvailability availability(WorkspaceId workspace);

    /**
     * Asks the workspace's model.
     *
     * @throws AiFailure when there is no endpoint, or it refused, failed, timed out or answered something unusable;
     *     the generation is logged either way
     * @throws LimitReached when the month's AI tokens of the plan are used up (nothing is called)
     */
    AiReply write(WorkspaceId workspace, AiPrompt prompt);
}
