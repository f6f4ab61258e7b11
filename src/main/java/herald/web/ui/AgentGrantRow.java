package herald.web.ui;

import herald.agents.Capability;
import herald.agents.Grant;
import herald.connections.Connection;
import org.jspecify.annotations.Nullable;

/** One row of an agent's grants matrix: an account, and what the agent may do with it (nothing when not granted). */
public record AgentGrantRow(Connection account, @Nullable Grant grant) {

    public boolean has(Capability capability) {
        return grant != null && grant.allows(capability);
    }

    public boolean requiresApproval() {
        return grant != null && grant.requiresApproval();
    }

    public String dailyCap() {
        return grant == null || grant.dailyCap() == null ? "" : grant.dailyCap().toString();
    }
}
