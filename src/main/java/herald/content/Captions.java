package herald.content;

import herald.shared.InvalidInput;
import herald.shared.LimitReached;
import herald.shared.NotFound;
import herald.shared.WorkspaceId;

/**
 * Captions for one platform in the voice of a persona: from the workspace's model when it has one (and budget), else
 * from the template library. Every caption fits the platform's own counting and norms, is compared with the
 * workspace's recent posts (too similar ones are regenerated, then flagged with the similar post) and differs from
 * its sibling variants.
 */
public interface Captions {

    /**
     * @throws InvalidInput for an unknown platform or tone, a variant count outside 1–5, or fields over their limits
     * @throws NotFound for a persona the workspace does not have
     * @throws AiFailure when AI mode was asked for explicitly and the model failed (otherwise template mode answers)
     * @throws LimitReached when AI mode was asked for explicitly and the month's AI tokens are used up
     */
    CaptionResult generate(WorkspaceId workspace, CaptionRequest request);
}
