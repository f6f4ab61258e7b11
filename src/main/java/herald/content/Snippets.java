package herald.content;

import herald.audit.AuditLog;
import herald.database.TenantScope;
import herald.shared.Conflict;
import herald.shared.InvalidInput;
import herald.shared.NotFound;
import herald.shared.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A workspace's snippets: saved texts the composer inserts into a post. Names are unique in the workspace whatever
 * their case; every change is audited (the name, not the text).
 */
@Component
public class Snippets {

    public static final int MAX_NAME = 60;
    public static final int MAX_BODY = 2000;
    public static final int MAX_PER_WORKSPACE = 200;

    private final JdbcClient jdbc;
    private final TenantScope tenants;
    private final AuditLog audit;
    private final Clock clock;

    Snippets(JdbcClient jdbc, TenantScope tenants, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.audit = audit;
        this.clock = clock;
    }

    /** Every snippet, by name. */
    public List<Snippet> all(WorkspaceId workspace) {
        return tenants.read(workspace, () -> jdbc.sql(
                        "select * from snippets where workspace_id = :workspace order by lower(name), id")
                .param("workspace", workspace.value())
                .query(Snippets::snippet)
                .list());
    }

    /** @throws NotFound when the workspace has no such snippet (another workspace's id included) */
    public Snippet require(WorkspaceId workspace, UUID id) {
        return tenants.read(
                        workspace, () -> jdbc.sql("select * from snippets where workspace_id = :workspace and id = :id")
                                .param("workspace", workspace.value())
                                .param("id", id)
                                .query(Snippets::snippet)
                                .optional())
                .orElseThrow(() -> new NotFound("No such snippet in this workspace."));
    }

    /**
     * @throws InvalidInput on {@code name} or {@code body} when blank or too long
     * @throws Conflict on {@code name} when another snippet has it, or when the workspace has {@value
     *     #MAX_PER_WORKSPACE}
     */
    public Snippet create(WorkspaceId workspace, @Nullable String name, @Nullable String body) {
        String cleanName = name(name);
        String cleanBody = body(body);
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        tenants.run(workspace, () -> {
            int count = jdbc.sql("select count(*) from snippets where workspace_id = :workspace")
                    .param("workspace", workspace.value())
                    .query(Integer.class)
                    .single();
            if (count >= MAX_PER_WORKSPACE) {
                throw new Conflict("name", "A workspace keeps at most " + MAX_PER_WORKSPACE + " snippets.");
            }
            unique(cleanName, () -> jdbc.sql(
                            "insert into snippets (workspace_id, id, name, body, created_at, updated_at)"
                                    + " values (:workspace, :id, :name, :body, :now, :now)")
                    .param("workspace", workspace.value())
                    .param("id", id)
                    .param("name", cleanName)
                    .param("body", cleanBody)
                    .param("now", Timestamp.from(now))
                    .update());
            audit.record(workspace, "snippet.created", "snippet", id.toString(), Map.of("name", cleanName));
        });
        return require(workspace, id);
    }

    /** @throws NotFound, InvalidInput, Conflict as {@link #create} */
    public Snippet update(WorkspaceId workspace, UUID id, @Nullable String name, @Nullable String body) {
        String cleanName = name(name);
        String cleanBody = body(body);
        tenants.run(workspace, () -> {
            int changed =
                    unique(cleanName, () -> jdbc.sql("update snippets set name = :name, body = :body, updated_at = :now"
                                    + " where workspace_id = :workspace and id = :id")
                            .param("workspace", workspace.value())
                            .param("id", id)
                            .param("name", cleanName)
                            .param("body", cleanBody)
                            .param("now", Timestamp.from(clock.instant()))
                            .update());
            if (changed == 0) {
                throw new NotFound("No such snippet in this workspace.");
            }
            audit.record(workspace, "snippet.changed", "snippet", id.toString(), Map.of("name", cleanName));
        });
        return require(workspace, id);
    }

    /** @throws NotFound when the workspace has no such snippet */
    public void delete(WorkspaceId workspace, UUID id) {
        tenants.run(workspace, () -> {
            Snippet gone = require(workspace, id);
            jdbc.sql("delete from snippets where workspace_id = :workspace and id = :id")
                    .param("workspace", workspace.value())
                    .param("id", id)
                    .update();
            audit.record(workspace, "snippet.deleted", "snippet", id.toString(), Map.of("name", gone.name()));
        });
    }

    private static int unique(String name, java.util.function.IntSupplier write) {
        try {
            return write.getAsInt();
        } catch (DuplicateKeyException e) {
            throw new Conflict("name", "Another snippet is called '" + name + "'; choose another name.");
        }
    }

    private static String name(@Nullable String name) {
        String clean = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        if (clean.isEmpty() || clean.length() > MAX_NAME) {
            throw new InvalidInput("name", "Give the snippet a name of 1 to " + MAX_NAME + " characters.");
        }
        return clean;
    }

    private static String body(@Nullable String body) {
        String clean = body == null ? "" : body.strip();
        if (clean.isEmpty() || clean.length() > MAX_BODY) {
            throw new InvalidInput("body", "A snippet's text has 1 to " + MAX_BODY + " characters.");
        }
        return clean;
    }

    private static Snippet snippet(ResultSet rs, int n) throws SQLException {
        return new Snippet(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("body"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
