package herald.notifications;

import herald.audit.AuditLog;
import herald.database.TenantScope;
import herald.shared.UserId;
import herald.shared.WorkspaceId;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The kinds of notification a member does not want, in one workspace (a client reviewer who approves nothing, an
 * admin who watches accounts elsewhere). A muted kind is not stored for them at all; what they already have stays.
 * A change is audited, as every change to a member's settings is.
 */
@Component
public class NotificationMutes {

    private final JdbcClient jdbc;
    private final TenantScope tenants;
    private final AuditLog audit;

    NotificationMutes(JdbcClient jdbc, TenantScope tenants, AuditLog audit) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.audit = audit;
    }

    /** The kinds the member muted in the workspace. */
    public Set<NotificationKind> of(WorkspaceId workspace, UserId user) {
        var kinds = EnumSet.noneOf(NotificationKind.class);
        tenants.read(workspace, () -> jdbc.sql("select kind from notification_mutes where workspace_id = :workspace"
                                + " and user_id = :user")
                        .param("workspace", workspace.value())
                        .param("user", user.value())
                        .query(String.class)
                        .list())
                .forEach(kind -> kinds.add(NotificationKind.of(kind)));
        return kinds;
    }

    /** Mutes exactly {@code muted} for the member, unmuting the others; a choice that changes nothing is not audited. */
    public void choose(WorkspaceId workspace, UserId user, Set<NotificationKind> muted) {
        tenants.run(workspace, () -> {
            Set<NotificationKind> before = of(workspace, user);
            if (before.equals(muted)) {
                return;
            }
            jdbc.sql("delete from notification_mutes where workspace_id = :workspace and user_id = :user")
                    .param("workspace", workspace.value())
                    .param("user", user.value())
                    .update();
            for (NotificationKind kind : muted) {
                jdbc.sql(
                                "insert into notification_mutes (workspace_id, user_id, kind) values (:workspace, :user, :kind)")
                        .param("workspace", workspace.value())
                        .param("user", user.value())
                        .param("kind", kind.value())
                        .update();
            }
            audit.record(
                    workspace,
                    "notifications.muted",
                    "user",
                    user.toString(),
                    Map.of("muted", names(muted), "before", names(before)));
        });
    }

    /** The members who muted {@code kind} in the workspace. */
    Set<UserId> mutedBy(WorkspaceId workspace, NotificationKind kind) {
        return new HashSet<>(tenants.read(workspace, () -> jdbc.sql(
                        "select user_id from notification_mutes where workspace_id = :workspace and kind = :kind")
                .param("workspace", workspace.value())
                .param("kind", kind.value())
                .query((rs, n) -> new UserId(rs.getObject(1, UUID.class)))
                .list()));
    }

    private static String names(Set<NotificationKind> kinds) {
        return kinds.isEmpty()
                ? "none"
                : kinds.stream().sorted().map(NotificationKind::value).collect(Collectors.joining(", "));
    }
}
