package herald.publishing;

import herald.shared.WorkspaceId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Whether a series may make its next post, and as whom, asked by {@link PostRepeats#makeNext} before each occurrence.
 * A series a person set up goes on as Herald's own work; another module answers for the series it set up (the agents
 * module for an agent's, which goes on only while the agent may still post so, within its grant's daily cap).
 */
public interface RepeatPolicy {

    /**
     * How to make the post after {@code latest}, the latest of its series; null when this policy has no say in it.
     *
     * @throws herald.shared.NotPermitted when the series may not go on, saying why
     * @throws herald.shared.LimitReached when a cap leaves no room for it, saying which
     */
    @Nullable
    Occurrence admit(WorkspaceId workspace, Post latest, Instant now);

    /** The next post of a series as a policy admitted it; told once whether it was made. */
    interface Occurrence {

        /** Who the next post is created by. */
        Provenance by();

        /** Whether the next post waits for a member's approval. */
        boolean awaitingApproval();

        /** It was made: {@code post}. */
        void made(PostId post);

        /** It was not made: refused, or made by another node meanwhile. */
        void notMade();
    }
}
