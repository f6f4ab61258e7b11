package herald.agents;

import herald.connections.ConnectionId;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What one agent may do with one connected account.
 *
 * @param requiresApproval posts wait as {@code pending_approval} until a member approves or rejects them
 * @param dailyCap at most this many posts per day (the workspace's day) through this grant; null for no cap
 */
public record Grant(
        GrantId id,
        AgentId agent,
        ConnectionId connection,
        Set<Capability> capabilities,
        boolean requiresApproval,
        @Nullable Integer dailyCap,
        Instant createdAt,
        Instant updatedAt) {

    public Grant {
        capabilities = Set.copyOf(capabilities);
    }

    public boolean allows(Capability capability) {
        return capabilities.contains(capability);
    }
}
