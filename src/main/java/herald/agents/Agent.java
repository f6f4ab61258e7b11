package herald.agents;

import herald.shared.UserId;
import herald.shared.WorkspaceId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A program that acts for the workspace through its own keys and only through the accounts it was granted.
 *
 * @param owner the member answerable for it
 * @param paused a paused agent's every call is refused until an admin resumes it
 */
public record Agent(
        WorkspaceId workspace,
        AgentId id,
        String name,
        String description,
        @Nullable UserId owner,
        boolean paused,
        Instant createdAt,
        Instant updatedAt) {

    public String status() {
        return paused ? "paused" : "active";
    }
}
