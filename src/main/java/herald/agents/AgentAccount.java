package herald.agents;

import herald.connections.ConnectionId;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An account an agent may use, with what it may do there.
 *
 * @param status {@code active}, or {@code needs_reconnect} when a member must reconnect it before posts go out
 * @param postsLeftToday under the grant's daily cap; null when there is no cap
 */
public record AgentAccount(
        ConnectionId connection,
        String platform,
        String name,
        String username,
        String status,
        Set<Capability> capabilities,
        boolean requiresApproval,
        @Nullable Integer dailyCap,
        @Nullable Integer postsLeftToday) {}
