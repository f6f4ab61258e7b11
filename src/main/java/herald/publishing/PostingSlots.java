package herald.publishing;

import herald.connections.ConnectionId;
import herald.publishing.PostingSchedule.Slot;
import herald.shared.WorkspaceId;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The stored slots of posting schedules: the workspace's ({@code posting_slots}) and each account's own ({@code
 * account_posting_slots}); an account is {@code null} for the workspace's. Runs in the caller's tenant transaction.
 */
@Component
class PostingSlots {

    private final JdbcClient jdbc;

    PostingSlots(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The stored slots, by weekday and time; empty when none are stored (the default, or the workspace's, applies). */
    List<Slot> stored(WorkspaceId workspace, @Nullable ConnectionId account) {
        var sql = account == null
                ? jdbc.sql("select weekday, at from posting_slots where workspace_id = :workspace order by weekday, at")
                : jdbc.sql("select weekday, at from account_posting_slots where workspace_id = :workspace"
                                + " and connection_id = :account order by weekday, at")
                        .param("account", account.value());
        return sql.param("workspace", workspace.value())
                .query((rs, n) -> new Slot(DayOfWeek.of(rs.getInt("weekday")), rs.getObject("at", LocalTime.class)))
                .list();
    }

    /** Every account's own slots, for the accounts that have them. */
    Map<ConnectionId, List<Slot>> ofAccounts(WorkspaceId workspace) {
        Map<ConnectionId, List<Slot>> byAccount = new LinkedHashMap<>();
        jdbc.sql("select connection_id, weekday, at from account_posting_slots where workspace_id = :workspace"
                        + " order by connection_id, weekday, at")
                .param("workspace", workspace.value())
                .query(rs -> {
                    byAccount
                            .computeIfAbsent(
                                    new ConnectionId(rs.getObject("connection_id", UUID.class)),
                                    id -> new java.util.ArrayList<>())
                            .add(new Slot(DayOfWeek.of(rs.getInt("weekday")), rs.getObject("at", LocalTime.class)));
                });
        byAccount.replaceAll((id, slots) -> List.copyOf(slots));
        return byAccount;
    }

    /** Stores {@code slots} in place of the schedule's; none: the schedule falls back to the one above it. */
    void replace(WorkspaceId workspace, @Nullable ConnectionId account, List<Slot> slots) {
        if (account == null) {
            jdbc.sql("delete from posting_slots where workspace_id = :workspace")
                    .param("workspace", workspace.value())
                    .update();
        } else {
            jdbc.sql("delete from account_posting_slots where workspace_id = :workspace and connection_id = :account")
                    .param("workspace", workspace.value())
                    .param("account", account.value())
                    .update();
        }
        for (Slot slot : slots) {
            (account == null
                            ? jdbc.sql("insert into posting_slots (workspace_id, weekday, at)"
                                    + " values (:workspace, :day, :at)")
                            : jdbc.sql("insert into account_posting_slots (workspace_id, connection_id, weekday, at)"
                                            + " values (:workspace, :account, :day, :at)")
                                    .param("account", account.value()))
                    .param("workspace", workspace.value())
                    .param("day", slot.day().getValue())
                    .param("at", slot.time())
                    .update();
        }
    }
}
