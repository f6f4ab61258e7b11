package herald.agents;

import herald.audit.AuditContext;
import herald.audit.AuditLog;
import herald.connections.ConnectionId;
import herald.shared.NotFound;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * What every agent call goes through, whichever door it came in by: the agent must exist and not be paused, the call
 * is recorded in the audit log as the agent's (with the key, the channel and the grant that allowed it), and the work
 * runs with the agent as the audit actor, so entries written by other modules name it too.
 */
@Component
class AgentCalls {

    private final Agents agents;
    private final Grants grants;
    private final AuditLog audit;

    AgentCalls(Agents agents, Grants grants, AuditLog audit) {
        this.agents = agents;
        this.grants = grants;
        this.audit = audit;
    }

    /** Runs the call as the agent. @throws AgentRefused when the agent is paused or gone */
    <T> T run(AgentPrincipal caller, Channel channel, String call, Supplier<T> work) {
        var current = AuditContext.current();
        var origin = new AuditContext.Origin(
                caller.actor(),
                current.map(AuditContext.Origin::ip).orElse(null),
                current.map(AuditContext.Origin::userAgent).orElse(null));
        try (var ignored = AuditContext.bind(origin)) {
            var agent = agents.find(caller.workspace(), caller.agent());
            if (agent.isEmpty()) {
                record(caller, channel, call, Map.of("outcome", "refused", "reason", "agent_deleted"));
                throw new AgentRefused("This agent no longer exists.");
            }
            if (agent.get().paused()) {
                record(caller, channel, call, Map.of("outcome", "refused", "reason", "agent_paused"));
                throw new AgentRefused("This agent is paused by its workspace, so it may not act. Ask a workspace"
                        + " admin to resume it.");
            }
            return work.get();
        }
    }

    /** Records one agent call (or one target of it) as {@code agent.call}. */
    void record(AgentPrincipal caller, Channel channel, String call, Map<String, String> details) {
        Map<String, String> all = new HashMap<>(details);
        all.put("call", call);
        all.put("channel", channel.value());
        all.put("key", caller.prefix());
        audit.record(caller.workspace(), "agent.call", "agent", caller.agent().toString(), all);
    }

    /**
     * The agent's grant on {@code connection}, given it carries {@code capability}; a refusal is recorded as the
     * {@code call}'s.
     *
     * @throws NotFound when the agent was not granted the account (whether it exists is not told)
     * @throws MissingCapability when the grant lacks the capability
     */
    Grant requireGrant(
            AgentPrincipal caller, Channel channel, ConnectionId connection, Capability capability, String call) {
        Optional<Grant> grant = grants.find(caller.workspace(), caller.agent(), connection);
        if (grant.isEmpty()) {
            record(caller, channel, call, Map.of("outcome", "no_permission", "connection", connection.toString()));
            throw new NotFound("This agent was not granted an account " + connection + ".");
        }
        if (!grant.get().allows(capability)) {
            record(caller, channel, call, Map.of("outcome", "no_permission", "connection", connection.toString()));
            throw new MissingCapability(
                    capability,
                    "The grant on this account does not include " + capability + ". Ask a workspace admin to add it.");
        }
        return grant.get();
    }
}
