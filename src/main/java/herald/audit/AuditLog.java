package herald.audit;

import herald.database.TenantScope;
import herald.shared.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records and reads a workspace's audit log. An entry is written in the caller's transaction when it acts for the
 * same workspace, so the action and its record commit or roll back together.
 */
@Component
public class AuditLog {

    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final TenantScope tenants;
    private final JsonMapper json;

    AuditLog(JdbcClient jdbc, TenantScope tenants, JsonMapper json) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.json = json;
    }

    /** Records an action by whoever is bound in {@link AuditContext} (Herald itself when nobody is). */
    public void record(
            WorkspaceId workspace,
            String action,
            @Nullable String targetType,
            @Nullable String targetId,
            Map<String, String> details) {
        record(workspace, currentOrigin(), action, targetType, targetId, details);
    }

    public void record(
            WorkspaceId workspace,
            AuditContext.Origin origin,
            String action,
            @Nullable String targetType,
            @Nullable String targetId,
            Map<String, String> details) {
        Entry entry = prepare(workspace, origin, action, targetType, targetId, details);
        tenants.run(workspace, () -> append(workspace, entry));
    }

    /**
     * An entry ready to be appended by a statement of another module that writes its change and the entry in one call,
     * through {@code herald_audit_append} (V116), in the workspace's scope: the values of its columns, and its
     * canonical form, which the database links to the chain's newest entry.
     */
    public record Entry(
            UUID id,
            Instant at,
            String actorType,
            @Nullable String actorId,
            @Nullable String actorLabel,
            String action,
            @Nullable String targetType,
            @Nullable String targetId,
            String details,
            @Nullable String ip,
            @Nullable String userAgent,
            byte[] canonical) {}

    /** A prepared entry, and the workspace whose chain it joins. */
    public record Pending(WorkspaceId workspace, Entry entry) {}

    /**
     * Appends entries of any workspaces in one call ({@code herald_audit_append_many}, V174), in the caller's running
     * transaction, which needs no workspace's scope: each entry joins its own workspace's chain, linked to the entry
     * before it there. For statements that serve several workspaces at once (the dispatcher's batch of claims).
     */
    public void appendAll(List<Pending> pending) {
        if (pending.isEmpty()) {
            return;
        }
        var workspaces = new UUID[pending.size()];
        var entries = new ArrayList<@Nullable Entry>(pending.size());
        for (int i = 0; i < pending.size(); i++) {
            workspaces[i] = pending.get(i).workspace().value();
            entries.add(pending.get(i).entry());
        }
        AuditColumns.of(entries)
                .bind(
                        jdbc.sql(
                                """
                        select herald_audit_append_many(:workspaces, :auditIds, cast(:auditAts as timestamptz[]),
                            :actorTypes, :actorIds, :actorLabels, :actions, :targetTypes, :targetIds, :details, :ips,
                            :userAgents, :canonicals)"""))
                .param("workspaces", workspaces)
                .query()
                .listOfRows();
    }

    /** An entry by whoever is bound in {@link AuditContext} (Herald itself when nobody is), not yet appended. */
    public Entry prepare(
            WorkspaceId workspace,
            String action,
            @Nullable String targetType,
            @Nullable String targetId,
            Map<String, String> details) {
        return prepare(workspace, currentOrigin(), action, targetType, targetId, details);
    }

    /** Whoever is bound in {@link AuditContext}, else Herald itself. */
    private static AuditContext.Origin currentOrigin() {
        return AuditContext.current().orElse(new AuditContext.Origin(Actor.system(), null, null));
    }

    private Entry prepare(
            WorkspaceId workspace,
            AuditContext.Origin origin,
            String action,
            @Nullable String targetType,
            @Nullable String targetId,
            Map<String, String> details) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Actor actor = origin.actor();
        byte[] canonical = ChainHash.canonical(
                workspace.value(),
                id,
                now,
                actor,
                action,
                targetType,
                targetId,
                details,
                origin.ip(),
                origin.userAgent());
        return new Entry(
                id,
                now,
                actor.type().column(),
                actor.id(),
                actor.label(),
                action,
                targetType,
                targetId,
                json.writeValueAsString(details),
                origin.ip(),
                origin.userAgent(),
                canonical);
    }

    private void append(WorkspaceId workspace, Entry entry) {
        // One round trip. Appends to one workspace's chain are serialised for the rest of the transaction, so each
        // entry links to the one committed before it: herald_audit_append (V116) takes an advisory lock on the
        // workspace through herald_audit_head (V111; the runtime role may not lock audit rows, it cannot update them),
        // then reads the newest hash with a snapshot taken after the lock. The hash is ChainHash.of(previous,
        // canonical), computed by the database, which is the only one to know the previous hash at that moment.
        jdbc.sql(
                        """
                        select herald_audit_append(:workspace, :id, :at, :actorType, :actorId, :actorLabel, :action,
                            :targetType, :targetId, cast(:details as jsonb), :ip, :userAgent, :canonical)""")
                .param("workspace", workspace.value())
                .param("id", entry.id())
                .param("at", Timestamp.from(entry.at()))
                .param("actorType", entry.actorType())
                .param("actorId", entry.actorId())
                .param("actorLabel", entry.actorLabel())
                .param("action", entry.action())
                .param("targetType", entry.targetType())
                .param("targetId", entry.targetId())
                .param("details", entry.details())
                .param("ip", entry.ip())
                .param("userAgent", entry.userAgent())
                .param("canonical", entry.canonical())
                .query()
                .listOfRows();
    }

    /** The entries matching {@code query}, newest first. */
    public List<AuditEvent> find(WorkspaceId workspace, AuditQuery query) {
        return find(workspace, query, List.of());
    }

    /**
     * The entries matching {@code query} whose action is none of {@code excludedActions}, newest first: what people
     * read as a workspace's activity, without the entries a machine makes by the thousand (every read of a token).
     */
    public List<AuditEvent> find(WorkspaceId workspace, AuditQuery query, Collection<String> excludedActions) {
        return tenants.call(workspace, () -> {
            StringBuilder sql = new StringBuilder("select * from audit_events where workspace_id = :workspace");
            var statement = new ArrayList<Map.Entry<String, Object>>();
            statement.add(Map.entry("workspace", workspace.value()));
            if (!excludedActions.isEmpty()) {
                sql.append(" and action not in (:excluded)");
                statement.add(Map.entry("excluded", List.copyOf(excludedActions)));
            }
            if (query.action() != null) {
                sql.append(" and action = :action");
                statement.add(Map.entry("action", query.action()));
            }
            if (query.actor() != null) {
                sql.append(" and (actor_id = :actor or actor_type = :actor)");
                statement.add(Map.entry("actor", query.actor()));
            }
            if (query.from() != null) {
                sql.append(" and occurred_at >= :from");
                statement.add(Map.entry("from", Timestamp.from(query.from())));
            }
            if (query.to() != null) {
                sql.append(" and occurred_at < :to");
                statement.add(Map.entry("to", Timestamp.from(query.to())));
            }
            if (query.before() != null) {
                sql.append(" and seq < :before");
                statement.add(Map.entry("before", query.before()));
            }
            sql.append(" order by seq desc limit :limit");
            statement.add(Map.entry("limit", query.limit()));
            var spec = jdbc.sql(sql.toString());
            for (var param : statement) {
                spec = spec.param(param.getKey(), param.getValue());
            }
            return spec.query((rs, row) -> event(rs)).list();
        });
    }

    /** Walks the workspace's chain from its first entry and reports the first entry that does not hold. */
    public Verification verify(WorkspaceId workspace) {
        return tenants.call(workspace, () -> {
            var walk = new Object() {
                byte @Nullable [] previous = null;
                long checked = 0;

                @Nullable
                Verification broken = null;
            };
            jdbc.sql("select * from audit_events where workspace_id = :workspace order by seq")
                    .param("workspace", workspace.value())
                    .query(rs -> {
                        if (walk.broken != null) {
                            return;
                        }
                        long seq = rs.getLong("seq");
                        byte[] storedPrevious = rs.getBytes("prev_hash");
                        AuditEvent event = event(rs);
                        byte[] expected = ChainHash.of(
                                walk.previous,
                                ChainHash.canonical(
                                        workspace.value(),
                                        event.id(),
                                        event.occurredAt(),
                                        event.actor(),
                                        event.action(),
                                        event.targetType(),
                                        event.targetId(),
                                        event.details(),
                                        event.ip(),
                                        event.userAgent()));
                        if (!Arrays.equals(storedPrevious, walk.previous)) {
                            walk.broken =
                                    Verification.brokenAt(walk.checked, seq, "does not follow the entry before it");
                        } else if (!Arrays.equals(rs.getBytes("hash"), expected)) {
                            walk.broken = Verification.brokenAt(walk.checked, seq, "content does not match its hash");
                        } else {
                            walk.previous = expected;
                            walk.checked++;
                        }
                    });
            return walk.broken != null ? walk.broken : Verification.intact(walk.checked);
        });
    }

    private AuditEvent event(ResultSet rs) throws SQLException {
        return new AuditEvent(
                rs.getObject("id", UUID.class),
                rs.getLong("seq"),
                rs.getTimestamp("occurred_at").toInstant(),
                new Actor(
                        Actor.Type.ofColumn(rs.getString("actor_type")),
                        rs.getString("actor_id"),
                        rs.getString("actor_label")),
                rs.getString("action"),
                rs.getString("target_type"),
                rs.getString("target_id"),
                json.readValue(rs.getString("details"), DETAILS),
                rs.getString("ip"),
                rs.getString("user_agent"));
    }
}
