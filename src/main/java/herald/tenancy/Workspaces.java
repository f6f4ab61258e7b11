package herald.tenancy;

import herald.audit.AuditLog;
import herald.database.TenantScope;
import herald.shared.InvalidInput;
import herald.shared.NotFound;
import herald.shared.UserId;
import herald.shared.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Creates, finds, changes and deletes workspaces. */
@Component
public class Workspaces {

    private final JdbcClient jdbc;
    private final TenantScope tenants;
    private final Plans plans;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    Workspaces(JdbcClient jdbc, TenantScope tenants, Plans plans, AuditLog audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.plans = plans;
        this.audit = audit;
        this.events = events;
    }

    /** The fields a workspace is created with or changed to. */
    public record Details(String name, String timezone, String description) {}

    /** Checks a new workspace's fields and plan without creating anything. */
    public void check(Details details, String plan) {
        plans.get(plan);
        WorkspaceFields.check(details);
    }

    /** Creates a workspace with {@code owner} as its first owner, in one transaction with the caller's work. */
    public Workspace create(WorkspaceId id, Details details, String plan, UserId owner) {
        check(details, plan);
        return tenants.call(id, () -> {
            insert(id, details, plan);
            jdbc.sql("insert into memberships (workspace_id, user_id, role) values (:workspace, :user, 'owner')")
                    .param("workspace", id.value())
                    .param("user", owner.value())
                    .update();
            audit.record(
                    id,
                    "workspace.created",
                    "workspace",
                    id.toString(),
                    Map.of("name", details.name().strip(), "plan", plan, "owner", owner.toString()));
            events.publishEvent(new WorkspaceCreated(id, owner));
            return require(id);
        });
    }

    /**
     * Creates a workspace with no member yet: its first owner is {@code invitedOwner}, who has no account and joins
     * through an owner invitation issued in the same transaction (see {@link Provisioning}).
     */
    Workspace createAwaitingOwner(WorkspaceId id, Details details, String plan, String invitedOwner) {
        check(details, plan);
        return tenants.call(id, () -> {
            insert(id, details, plan);
            audit.record(
                    id,
                    "workspace.created",
                    "workspace",
                    id.toString(),
                    Map.of("name", details.name().strip(), "plan", plan, "invitedOwner", invitedOwner));
            events.publishEvent(new WorkspaceCreated(id, null));
            return require(id);
        });
    }

    private void insert(WorkspaceId id, Details details, String plan) {
        jdbc.sql(
                        """
                        insert into workspaces (id, name, slug, timezone, plan, description)
                        values (:id, :name, :slug, :timezone, :plan, :description)""")
                .param("id", id.value())
                .param("name", details.name().strip())
                .param("slug", freeSlug(details.name()))
                .param("timezone", WorkspaceFields.zone(details.timezone()).getId())
                .param("plan", plan)
                .param("description", details.description().strip())
                .update();
    }

    public Optional<Workspace> find(WorkspaceId id) {
        return tenants.call(id, () -> jdbc.sql("select * from workspaces where id = :id")
                .param("id", id.value())
                .query(Workspaces::workspace)
                .optional());
    }

    public Workspace require(WorkspaceId id) {
        return find(id).orElseThrow(() -> new NotFound("No such workspace."));
    }

    /** The workspace with this slug; says nothing about whether the caller may see it. */
    public Optional<WorkspaceId> idOf(String slug) {
        return jdbc.sql("select herald_workspace_by_slug(:slug)")
                .param("slug", slug)
                .query(UUID.class)
                .optional()
                .map(WorkspaceId::new);
    }

    /** The workspaces {@code user} belongs to, by name. */
    public List<WorkspaceMembership> of(UserId user) {
        return jdbc.sql("select * from herald_workspace_directory(:user) order by lower(name)")
                .param("user", user.value())
                .query((rs, row) -> new WorkspaceMembership(
                        new WorkspaceId(rs.getObject("workspace_id", UUID.class)),
                        rs.getString("name"),
                        rs.getString("slug"),
                        Role.of(rs.getString("role"))))
                .list();
    }

    public Workspace update(WorkspaceId id, Details details) {
        ZoneId zone = WorkspaceFields.check(details);
        return tenants.call(id, () -> {
            Workspace before = require(id);
            jdbc.sql(
                            "update workspaces set name = :name, timezone = :timezone, description = :description where id = :id")
                    .param("name", details.name().strip())
                    .param("timezone", zone.getId())
                    .param("description", details.description().strip())
                    .param("id", id.value())
                    .update();
            Workspace after = require(id);
            audit.record(id, "workspace.updated", "workspace", id.toString(), WorkspaceFields.changes(before, after));
            return after;
        });
    }

    public Workspace changePlan(WorkspaceId id, String plan) {
        plans.get(plan);
        return tenants.call(id, () -> {
            Workspace before = require(id);
            jdbc.sql("update workspaces set plan = :plan where id = :id")
                    .param("plan", plan)
                    .param("id", id.value())
                    .update();
            audit.record(
                    id,
                    "workspace.plan_changed",
                    "workspace",
                    id.toString(),
                    Map.of("from", before.plan(), "to", plan));
            return require(id);
        });
    }

    /**
     * Deletes the workspace and everything in it, once {@code confirmation} repeats its name. Members' accounts
     * stay; a tombstone keeps the fact of the deletion after the audit chain is gone.
     */
    public void delete(WorkspaceId id, String confirmation, @Nullable UserId by) {
        tenants.run(id, () -> {
            Workspace workspace = require(id);
            if (!workspace.name().equals(confirmation.strip())) {
                throw new InvalidInput("confirmation", "Type the workspace's name exactly to confirm the deletion.");
            }
            jdbc.sql("insert into workspace_tombstones (workspace_id, name, deleted_by) values (:id, :name, :by)")
                    .param("id", id.value())
                    .param("name", workspace.name())
                    .param("by", by == null ? null : by.value())
                    .update();
            jdbc.sql("delete from workspaces where id = :id")
                    .param("id", id.value())
                    .update();
            events.publishEvent(new WorkspaceDeleted(id, workspace.name(), by));
        });
    }

    private String freeSlug(String name) {
        String base = WorkspaceFields.slugify(name);
        String candidate = base;
        for (int n = 2;
                Boolean.TRUE.equals(jdbc.sql("select herald_slug_taken(:slug)")
                        .param("slug", candidate)
                        .query(Boolean.class)
                        .single());
                n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    static Workspace workspace(ResultSet rs, int row) throws SQLException {
        return new Workspace(
                new WorkspaceId(rs.getObject("id", UUID.class)),
                rs.getString("name"),
                rs.getString("slug"),
                ZoneId.of(rs.getString("timezone")),
                rs.getString("plan"),
                rs.getString("description"),
                rs.getTimestamp("created_at").toInstant());
    }
}
