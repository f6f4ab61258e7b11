package herald.agents;

import herald.audit.AuditLog;
import herald.connections.ConnectionId;
import herald.connections.Connections;
import herald.database.TenantScope;
import herald.shared.InvalidInput;
import herald.shared.NotFound;
import herald.shared.WorkspaceId;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What each agent may do with each connected account. Granting is an admin's action and every change is audited with
 * what was granted before and after.
 */
@Component
public class Grants {

    private final JdbcClient jdbc;
    private final TenantScope tenants;
    private final Agents agents;
    private final Connections connections;
    private final AuditLog audit;
    private final Clock clock;

    Grants(JdbcClient jdbc, TenantScope tenants, Agents agents, Connections connections, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.agents = agents;
        this.connections = connections;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Grants the agent an account, replacing what it had on that account.
     *
     * @throws NotFound for an agent or connection not in this workspace
     * @throws InvalidInput without capabilities or with a cap out of range
     */
    public Grant grant(WorkspaceId workspace, AgentId agent, NewGrant wanted) {
        agents.require(workspace, agent);
        if (connections.find(workspace, wanted.connection()).isEmpty()) {
            throw new NotFound("This workspace has no connected account " + wanted.connection() + ".");
        }
        if (wanted.capabilities().isEmpty()) {
            throw new InvalidInput(
                    "capabilities", "Grant at least one capability; to take the account away, delete the grant.");
        }
        if (wanted.dailyCap() != null && (wanted.dailyCap() < 1 || wanted.dailyCap() > 10_000)) {
            throw new InvalidInput("dailyCap", "The daily cap is 1 to 10000 posts, or left out for none.");
        }
        Instant now = clock.instant();
        return tenants.call(workspace, () -> {
            Optional<Grant> before = find(workspace, agent, wanted.connection());
            GrantId id = before.map(Grant::id).orElseGet(GrantId::random);
            jdbc.sql(
                            """
                            insert into agent_grants (workspace_id, id, agent_id, connection_id, capabilities,
                                requires_approval, daily_cap, created_at, updated_at)
                            values (:workspace, :id, :agent, :connection, :capabilities, :approval, :cap, :now, :now)
                            on conflict (workspace_id, agent_id, connection_id) do update
                            set capabilities = excluded.capabilities, requires_approval = excluded.requires_approval,
                                daily_cap = excluded.daily_cap, updated_at = excluded.updated_at""")
                    .param("workspace", workspace.value())
                    .param("id", id.value())
                    .param("agent", agent.value())
                    .param("connection", wanted.connection().value())
                    .param("capabilities", names(wanted.capabilities()))
                    .param("approval", wanted.requiresApproval())
                    .param("cap", wanted.dailyCap())
                    .param("now", Timestamp.from(now))
                    .update();
            Grant after = find(workspace, agent, wanted.connection()).orElseThrow();
            Map<String, String> details = new HashMap<>(describe(after, "after"));
            details.put("agent", agent.toString());
            details.put("connection", wanted.connection().toString());
            before.ifPresent(b -> details.putAll(describe(b, "before")));
            audit.record(
                    workspace,
                    before.isPresent() ? "agent.grant.changed" : "agent.grant.created",
                    "agent_grant",
                    after.id().toString(),
                    details);
            return after;
        });
    }

    public List<Grant> list(WorkspaceId workspace, AgentId agent) {
        return tenants.call(workspace, () -> jdbc.sql(
                        "select * from agent_grants where workspace_id = :workspace and agent_id = :agent order by created_at, id")
                .param("workspace", workspace.value())
                .param("agent", agent.value())
                .query(Grants::grant)
                .list());
    }

    public Optional<Grant> find(WorkspaceId workspace, AgentId agent, ConnectionId connection) {
        return tenants.call(workspace, () -> jdbc.sql(
                        """
                        select * from agent_grants
                        where workspace_id = :workspace and agent_id = :agent and connection_id = :connection""")
                .param("workspace", workspace.value())
                .param("agent", agent.value())
                .param("connection", connection.value())
                .query(Grants::grant)
                .optional());
    }

    /** Takes the account away from the agent. @throws NotFound for a grant not of this agent */
    public void revoke(WorkspaceId workspace, AgentId agent, GrantId id) {
        tenants.run(workspace, () -> {
            Grant grant = jdbc.sql(
                            "select * from agent_grants where workspace_id = :workspace and agent_id = :agent and id = :id")
                    .param("workspace", workspace.value())
                    .param("agent", agent.value())
                    .param("id", id.value())
                    .query(Grants::grant)
                    .optional()
                    .orElseThrow(() -> new NotFound("This agent has no grant " + id + "."));
            jdbc.sql("delete from agent_grants where workspace_id = :workspace and id = :id")
                    .param("workspace", workspace.value())
                    .param("id", id.value())
                    .update();
            Map<String, String> details = new HashMap<>(describe(grant, "before"));
            details.put("agent", agent.toString());
            details.put("connection", grant.connection().toString());
            audit.record(workspace, "agent.grant.deleted", "agent_grant", id.toString(), details);
        });
    }

    private static Map<String, String> describe(Grant grant, String when) {
        return Map.of(
                when + ".capabilities",
                grant.capabilities().stream().map(Enum::name).sorted().collect(Collectors.joining(",")),
                when + ".requiresApproval",
                Boolean.toString(grant.requiresApproval()),
                when + ".dailyCap",
                grant.dailyCap() == null ? "none" : grant.dailyCap().toString());
    }

    private static String[] names(Set<Capability> capabilities) {
        return capabilities.stream().map(Enum::name).sorted().toArray(String[]::new);
    }

    private static Grant grant(ResultSet rs, int row) throws SQLException {
        Array stored = rs.getArray("capabilities");
        Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        Arrays.stream((String[]) stored.getArray()).map(Capability::valueOf).forEach(capabilities::add);
        Object cap = rs.getObject("daily_cap");
        return new Grant(
                new GrantId(rs.getObject("id", UUID.class)),
                new AgentId(rs.getObject("agent_id", UUID.class)),
                new ConnectionId(rs.getObject("connection_id", UUID.class)),
                capabilities,
                rs.getBoolean("requires_approval"),
                cap == null ? null : ((Number) cap).intValue(),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
