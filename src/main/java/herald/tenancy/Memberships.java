package herald.tenancy;

import herald.audit.AuditLog;
import herald.database.Keyset;
import herald.database.TenantScope;
import herald.identity.User;
import herald.identity.Users;
import herald.shared.Conflict;
import herald.shared.LimitReached;
import herald.shared.NotFound;
import herald.shared.NotPermitted;
import herald.shared.UserId;
import herald.shared.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Who belongs to a workspace and with which role. A workspace always keeps at least one owner. */
@Component
public class Memberships {

    private static final Keyset IN_ORDER_JOINED = Keyset.oldestFirst("created_at", "user_id");

    private final JdbcClient jdbc;
    private final TenantScope tenants;
    private final Users users;
    private final Plans plans;
    private final AuditLog audit;

    Memberships(JdbcClient jdbc, TenantScope tenants, Users users, Plans plans, AuditLog audit) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.users = users;
        this.plans = plans;
        this.audit = audit;
    }

    public Optional<Role> roleOf(WorkspaceId workspace, UserId user) {
        return tenants.call(workspace, () -> jdbc.sql(
                        "select role from memberships where workspace_id = :workspace and user_id = :user")
                .param("workspace", workspace.value())
                .param("user", user.value())
                .query(String.class)
                .optional()
                .map(Role::of));
    }

    public List<Member> list(WorkspaceId workspace) {
        List<Row> rows = tenants.call(workspace, () -> jdbc.sql(
                        "select user_id, role, created_at from memberships where workspace_id = :workspace")
                .param("workspace", workspace.value())
                .query(Memberships::row)
                .list());
        return withPeople(rows).stream()
                .sorted((a, b) -> a.role() != b.role()
                        ? a.role().compareTo(b.role())
                        : a.email().compareTo(b.email()))
                .toList();
    }

    /** Where a page of {@link #page(WorkspaceId, After, int)} continues: after this member, by joining time. */
    public record After(Instant joinedAt, UserId user) {}

    /** Up to {@code limit} members in the order they joined, continuing after {@code after} when given. */
    public List<Member> page(WorkspaceId workspace, @Nullable After after, int limit) {
        Keyset.After from = after == null
                ? null
                : new Keyset.After(after.joinedAt(), after.user().value());
        List<Row> rows = tenants.call(workspace, () -> IN_ORDER_JOINED
                .page(
                        jdbc,
                        "select user_id, role, created_at from memberships where workspace_id = :workspace",
                        from,
                        limit)
                .param("workspace", workspace.value())
                .query(Memberships::row)
                .list());
        return withPeople(rows);
    }

    /** The member {@code user} of {@code workspace}, if they are one. */
    public Optional<Member> find(WorkspaceId workspace, UserId user) {
        List<Row> rows = tenants.call(workspace, () -> jdbc.sql(
                        """
                        select user_id, role, created_at from memberships
                        where workspace_id = :workspace and user_id = :user""")
                .param("workspace", workspace.value())
                .param("user", user.value())
                .query(Memberships::row)
                .list());
        return withPeople(rows).stream().findFirst();
    }

    private record Row(UserId user, Role role, Instant joinedAt) {}

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                new UserId(rs.getObject("user_id", UUID.class)),
                Role.of(rs.getString("role")),
                rs.getTimestamp("created_at").toInstant());
    }

    private List<Member> withPeople(List<Row> rows) {
        Map<UserId, User> people = users.findAll(rows.stream().map(Row::user).toList()).stream()
                .collect(Collectors.toMap(User::id, Function.identity()));
        return rows.stream()
                .filter(row -> people.containsKey(row.user()))
                .map(row -> {
                    User user = people.get(row.user());
                    return new Member(user.id(), user.email(), user.displayName(), row.role(), row.joinedAt());
                })
                .toList();
    }

    public int count(WorkspaceId workspace) {
        return tenants.call(
                workspace, () -> jdbc.sql("select count(*) from memberships where workspace_id = :workspace")
                        .param("workspace", workspace.value())
                        .query(Integer.class)
                        .single());
    }

    /** Adds a member, within the plan's member limit. */
    public void join(WorkspaceId workspace, UserId user, Role role, Map<String, String> details) {
        tenants.run(workspace, () -> {
            // Serialises joins of one workspace so two at once cannot both take the last seat.
            jdbc.sql("select id from workspaces where id = :id for update")
                    .param("id", workspace.value())
                    .query()
                    .listOfRows();
            if (roleOf(workspace, user).isPresent()) {
                throw new Conflict("email", "This person is already a member of the workspace.");
            }
            checkSeat(workspace);
            jdbc.sql("insert into memberships (workspace_id, user_id, role) values (:workspace, :user, :role)")
                    .param("workspace", workspace.value())
                    .param("user", user.value())
                    .param("role", role.value())
                    .update();
            var recorded = new java.util.TreeMap<>(details);
            recorded.put("role", role.value());
            audit.record(workspace, "member.joined", "user", user.toString(), recorded);
        });
    }

    /** Refuses when the workspace has no seat left on its plan. */
    public void checkSeat(WorkspaceId workspace) {
        tenants.run(workspace, () -> {
            Workspace current = jdbc.sql("select * from workspaces where id = :id")
                    .param("id", workspace.value())
                    .query(Workspaces::workspace)
                    .single();
            int limit = plans.get(current.plan()).limits().members();
            if (count(workspace) >= limit) {
                throw new LimitReached(
                        "members",
                        "The " + current.plan() + " plan allows " + limit + " members, and this workspace has them all."
                                + " Remove a member or change the plan.");
            }
        });
    }

    /**
     * Changes a member's role on behalf of someone acting as {@code actingAs}: only an owner may make or unmake an
     * owner, so an admin (or an admin API key) cannot raise anyone, themselves included, to owner.
     */
    public void changeRole(WorkspaceId workspace, UserId user, Role role, Role actingAs) {
        tenants.run(workspace, () -> {
            Role current = lockedRole(workspace, user);
            if (current == role) {
                return;
            }
            if ((current == Role.OWNER || role == Role.OWNER) && actingAs != Role.OWNER) {
                throw new NotPermitted("Only an owner can make a member an owner or change an owner's role.");
            }
            if (current == Role.OWNER) {
                requireAnotherOwner(workspace, "demoted");
            }
            jdbc.sql("update memberships set role = :role where workspace_id = :workspace and user_id = :user")
                    .param("role", role.value())
                    .param("workspace", workspace.value())
                    .param("user", user.value())
                    .update();
            audit.record(
                    workspace,
                    "member.role_changed",
                    "user",
                    user.toString(),
                    Map.of("from", current.value(), "to", role.value()));
        });
    }

    /** A member leaves the workspace; anyone may, except the last owner. */
    public void leave(WorkspaceId workspace, UserId user) {
        // Acting on oneself needs no one else's rights: the member's own role is enough.
        remove(workspace, user, Role.OWNER);
    }

    /** Removes a member on behalf of someone acting as {@code actingAs}; only an owner may remove an owner. */
    public void remove(WorkspaceId workspace, UserId user, Role actingAs) {
        tenants.run(workspace, () -> {
            Role current = lockedRole(workspace, user);
            if (current == Role.OWNER && actingAs != Role.OWNER) {
                throw new NotPermitted("Only an owner can remove an owner.");
            }
            if (current == Role.OWNER) {
                requireAnotherOwner(workspace, "removed");
            }
            jdbc.sql("delete from memberships where workspace_id = :workspace and user_id = :user")
                    .param("workspace", workspace.value())
                    .param("user", user.value())
                    .update();
            audit.record(workspace, "member.removed", "user", user.toString(), Map.of("role", current.value()));
        });
    }

    private Role lockedRole(WorkspaceId workspace, UserId user) {
        // Locks every owner row too, so two owners demoting each other at once cannot leave none.
        jdbc.sql("select user_id from memberships where workspace_id = :workspace and role = 'owner' for update")
                .param("workspace", workspace.value())
                .query()
                .listOfRows();
        return jdbc.sql("select role from memberships where workspace_id = :workspace and user_id = :user for update")
                .param("workspace", workspace.value())
                .param("user", user.value())
                .query(String.class)
                .optional()
                .map(Role::of)
                .orElseThrow(() -> new NotFound("This person is not a member of the workspace."));
    }

    private void requireAnotherOwner(WorkspaceId workspace, String verb) {
        int owners = jdbc.sql("select count(*) from memberships where workspace_id = :workspace and role = 'owner'")
                .param("workspace", workspace.value())
                .query(Integer.class)
                .single();
        if (owners <= 1) {
            throw new Conflict(
                    "role",
                    "The last owner cannot be " + verb
                            + ". Make another member an owner first, or delete the workspace.");
        }
    }
}
