package herald.agents;

import static herald.database.SqlTimes.instant;

import herald.audit.AuditLog;
import herald.database.TenantScope;
import herald.shared.KeyTokens;
import herald.shared.NotFound;
import herald.shared.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Agents' keys. A token is {@code ha_<prefix>_<secret>} (members' keys start {@code hk_}): the prefix is stored in
 * the clear to tell keys apart, the token only as its SHA-256, as for members' API keys. A token is found through the
 * one cross-tenant function that maps a hash to ids; everything else runs in the key's workspace.
 */
@Component
public class AgentKeys {

    static final String TOKEN_START = "ha_";
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final TenantScope tenants;
    private final AuditLog audit;
    private final Clock clock;

    AgentKeys(JdbcClient jdbc, TenantScope tenants, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether a presented token looks like an agent's key (and not a member's). */
    public static boolean looksLikeAgentKey(String token) {
        return token.startsWith(TOKEN_START);
    }

    /** A new key for the agent. @throws NotFound when the workspace has no such agent */
    public IssuedAgentKey issue(WorkspaceId workspace, AgentId agent) {
        KeyTokens.Minted minted = KeyTokens.mint(TOKEN_START);
        String prefix = minted.prefix();
        String token = minted.token();
        AgentKeyId id = AgentKeyId.random();
        return tenants.call(workspace, () -> {
            boolean exists = jdbc.sql("select count(*) from agents where workspace_id = :workspace and id = :agent")
                            .param("workspace", workspace.value())
                            .param("agent", agent.value())
                            .query(Integer.class)
                            .single()
                    > 0;
            if (!exists) {
                throw Agents.notFound(agent);
            }
            jdbc.sql(
                            """
                            insert into agent_keys (workspace_id, id, agent_id, prefix, secret_hash, created_at)
                            values (:workspace, :id, :agent, :prefix, :hash, :now)""")
                    .param("workspace", workspace.value())
                    .param("id", id.value())
                    .param("agent", agent.value())
                    .param("prefix", prefix)
                    .param("hash", KeyTokens.hash(token))
                    .param("now", Timestamp.from(clock.instant()))
                    .update();
            audit.record(
                    workspace,
                    "agent_key.created",
                    "agent",
                    agent.toString(),
                    Map.of("key", id.toString(), "prefix", prefix));
            return new IssuedAgentKey(find(workspace, agent, id).orElseThrow(), token);
        });
    }

    /** The agent's keys, live ones first, newest first. */
    public List<AgentKey> list(WorkspaceId workspace, AgentId agent) {
        return tenants.call(workspace, () -> jdbc.sql(
                        """
                        select * from agent_keys where workspace_id = :workspace and agent_id = :agent
                        order by revoked_at nulls first, created_at desc""")
                .param("workspace", workspace.value())
                .param("agent", agent.value())
                .query(AgentKeys::key)
                .list());
    }

    /** Revokes the key at once; revoking a revoked key changes nothing. @throws NotFound for another agent's key */
    public AgentKey revoke(WorkspaceId workspace, AgentId agent, AgentKeyId id) {
        return tenants.call(workspace, () -> {
            int changed = jdbc.sql(
                            """
                            update agent_keys set revoked_at = now()
                            where workspace_id = :workspace and agent_id = :agent and id = :id and revoked_at is null""")
                    .param("workspace", workspace.value())
                    .param("agent", agent.value())
                    .param("id", id.value())
                    .update();
            AgentKey key =
                    find(workspace, agent, id).orElseThrow(() -> new NotFound("This agent has no key " + id + "."));
            if (changed > 0) {
                audit.record(
                        workspace,
                        "agent_key.revoked",
                        "agent",
                        agent.toString(),
                        Map.of("key", id.toString(), "prefix", key.prefix()));
            }
            return key;
        });
    }

    /** The principal for a presented token when it is a live key of an existing agent (paused or not). */
    public Optional<AgentPrincipal> authenticate(String token) {
        if (!looksLikeAgentKey(token) || token.length() > 200) {
            return Optional.empty();
        }
        var owner = jdbc.sql("select workspace_id, key_id from herald_agent_key_by_hash(:hash)")
                .param("hash", KeyTokens.hash(token))
                .query((rs, row) -> new Object[] {
                    new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                    new AgentKeyId(rs.getObject("key_id", UUID.class))
                })
                .optional();
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        WorkspaceId workspace = (WorkspaceId) owner.get()[0];
        AgentKeyId id = (AgentKeyId) owner.get()[1];
        Instant now = clock.instant();
        return tenants.call(workspace, () -> jdbc.sql(
                        """
                        select k.agent_id, k.prefix, k.last_used_at, a.name from agent_keys k
                        join agents a on a.workspace_id = k.workspace_id and a.id = k.agent_id
                        where k.workspace_id = :workspace and k.id = :id and k.revoked_at is null""")
                .param("workspace", workspace.value())
                .param("id", id.value())
                .query((rs, row) -> {
                    Timestamp lastUsed = rs.getTimestamp("last_used_at");
                    if (lastUsed == null || lastUsed.toInstant().isBefore(now.minus(LAST_USED_RESOLUTION))) {
                        touch(workspace, id, now);
                    }
                    return new AgentPrincipal(
                            workspace,
                            new AgentId(rs.getObject("agent_id", UUID.class)),
                            id,
                            rs.getString("name"),
                            rs.getString("prefix"));
                })
                .optional());
    }

    private void touch(WorkspaceId workspace, AgentKeyId id, Instant now) {
        jdbc.sql("update agent_keys set last_used_at = :now where workspace_id = :workspace and id = :id")
                .param("now", Timestamp.from(now))
                .param("workspace", workspace.value())
                .param("id", id.value())
                .update();
    }

    private Optional<AgentKey> find(WorkspaceId workspace, AgentId agent, AgentKeyId id) {
        return jdbc.sql("select * from agent_keys where workspace_id = :workspace and agent_id = :agent and id = :id")
                .param("workspace", workspace.value())
                .param("agent", agent.value())
                .param("id", id.value())
                .query(AgentKeys::key)
                .optional();
    }

    private static AgentKey key(ResultSet rs, int row) throws SQLException {
        return new AgentKey(
                new AgentKeyId(rs.getObject("id", UUID.class)),
                new AgentId(rs.getObject("agent_id", UUID.class)),
                rs.getString("prefix"),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs.getTimestamp("last_used_at")),
                instant(rs.getTimestamp("revoked_at")));
    }
}
