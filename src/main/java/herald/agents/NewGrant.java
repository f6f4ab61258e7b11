package herald.agents;

import herald.connections.ConnectionId;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A grant as an admin asks for it; granting a connection the agent already has replaces that grant. */
public record NewGrant(
        ConnectionId connection, Set<Capability> capabilities, boolean requiresApproval, @Nullable Integer dailyCap) {

    public NewGrant {
        capabilities = Set.copyOf(capabilities);
    }
}
