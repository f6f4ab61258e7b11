package herald.agents;

import herald.audit.AuditLog;
import herald.database.TenantScope;
import herald.shared.Conflict;
import herald.shared.InvalidInput;
import herald.shared.NotFound;
import herald.shared.UserId;
import herald.shared.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A workspace's agents: created by an admin with a first key, paused and resumed. Every change is audited. */
@Component
public class Agents {

    private final JdbcClient jdbc;
    private final TenantScope tenants;
    private final AgentKeys keys;
    private final AuditLog audit;
    private final Clock clock;

    Agents(JdbcClient jdbc, TenantScope tenants, AgentKeys keys, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
    }

    /** A new agent and its first key, whose token is shown this once. */
    public record Created(Agent agent, IssuedAgentKey key) {}

    /** @throws InvalidInput for a name that is blank or too long, @throws Conflict when the name is taken */
    public Created create(WorkspaceId workspace, String name, @Nullable String description, @Nullable UserId owner) {
        String cleanName = name == null ? "" : name.strip();
        String cleanDescription = description == null ? "" : description.strip();
        if (cleanName.isEmpty() || cleanName.length() > 100) {
            throw new InvalidInput("name", "Give the agent a name of 1 to 100 characters.");
        }
        if (cleanDescription.length() > 1000) {
            throw new InvalidInput("description", "The description may have at most 1000 characters.");
        }
        AgentId id = AgentId.random();
        Instant now = clock.instant();
        try {
            return tenants.call(workspace, () -> {
                jdbc.sql(
                                """
                                insert into agents (workspace_id, id, name, description, owner_id, status, created_at,
                                    updated_at)
                                values (:workspace, :id, :name, :description, :owner, 'active', :now, :now)""")
                        .param("workspace", workspace.value())
                        .param("id", id.value())
                        .param("name", cleanName)
                        .param("description", cleanDescription)
                        .param("owner", owner == null ? null : owner.value())
                        .param("now", java.sql.Timestamp.from(now))
                        .update();
                audit.record(workspace, "agent.created", "agent", id.toString(), Map.of("name", cleanName));
                IssuedAgentKey key = keys.issue(workspace, id);
                return new Created(require(workspace, id), key);
            });
        } catch (DuplicateKeyException e) {
            throw new Conflict("name", "This workspace already has an agent called '" + cleanName + "'.");
        }
    }

    public List<Agent> list(WorkspaceId workspace) {
        return tenants.call(workspace, () -> jdbc.sql(
                        "select * from agents where workspace_id = :workspace order by lower(name), id")
                .param("workspace", workspace.value())
                .query(Agents::agent)
                .list());
    }

    public Optional<Agent> find(WorkspaceId workspace, AgentId id) {
        return tenants.call(
                workspace, () -> jdbc.sql("select * from agents where workspace_id = :workspace and id = :id")
                        .param("workspace", workspace.value())
                        .param("id", id.value())
                        .query(Agents::agent)
                        .optional());
    }

    /** @throws NotFound when the workspace has no such agent */
    public Agent require(WorkspaceId workspace, AgentId id) {
        return find(workspace, id).orElseThrow(() -> notFound(id));
    }

    /** Pauses the agent: its keys are refused until it is resumed. Pausing a paused agent changes nothing. */
    public Agent pause(WorkspaceId workspace, AgentId id) {
        return setPaused(workspace, id, true);
    }

    public Agent resume(WorkspaceId workspace, AgentId id) {
        return setPaused(workspace, id, false);
    }

    private Agent setPaused(WorkspaceId workspace, AgentId id, boolean paused) {
        String status = paused ? "paused" : "active";
        return tenants.call(workspace, () -> {
            int changed = jdbc.sql(
                            """
                            update agents set status = :status, updated_at = now()
                            where workspace_id = :workspace and id = :id and status <> :status""")
                    .param("workspace", workspace.value())
                    .param("id", id.value())
                    .param("status", status)
                    .update();
            Agent agent = require(workspace, id);
            if (changed > 0) {
                audit.record(
                        workspace,
                        paused ? "agent.paused" : "agent.resumed",
                        "agent",
                        id.toString(),
                        Map.of("name", agent.name()));
            }
            return agent;
        });
    }

    static NotFound notFound(AgentId id) {
        return new NotFound("This workspace has no agent " + id + ".");
    }

    private static Agent agent(ResultSet rs, int row) throws SQLException {
        UUID owner = rs.getObject("owner_id", UUID.class);
        return new Agent(
                new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                new AgentId(rs.getObject("id", UUID.class)),
                rs.getString("name"),
                rs.getString("description"),
                owner == null ? null : new UserId(owner),
                "paused".equals(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
