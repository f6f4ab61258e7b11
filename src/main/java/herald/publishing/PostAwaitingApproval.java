package herald.publishing;

import herald.shared.WorkspaceId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A post waits for a member's approval before anything is published (an agent's grant asked for one).
 *
 * @param createdBy how its author is shown: an agent's name and key prefix, a key's name, an e-mail
 * @param due when it is to publish once approved
 */
public record PostAwaitingApproval(
        WorkspaceId workspace, PostId post, String origin, @Nullable String createdBy, Instant due) {}
