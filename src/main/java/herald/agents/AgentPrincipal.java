package herald.agents;

import herald.audit.Actor;
import herald.shared.WorkspaceId;
import java.io.Serializable;

/**
 * The principal of a request made with an agent's key: bound to one agent of one workspace. Whether the agent may
 * still act (not paused) is checked on every call, not here.
 */
public record AgentPrincipal(WorkspaceId workspace, AgentId agent, AgentKeyId key, String name, String prefix)
        implements Serializable {

    /** How the audit log names this agent. */
    public Actor actor() {
        return new Actor(Actor.Type.AGENT, agent.toString(), name + " (" + prefix + ")");
    }

    @Override
    public String toString() {
        return "agent key " + prefix;
    }
}
