package herald.notifications;

import herald.database.SqlTimes;
import herald.shared.UserId;
import herald.shared.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rows behind notification e-mail (V135): each member's choice, and one row per notification to e-mail, due at
 * once or at the member's digest hour. Every method runs inside the caller's tenant transaction but {@link #due}, which
 * crosses workspaces through a {@code SECURITY DEFINER} function that returns ids only.
 */
@Component
class EmailOutbox {

    private final JdbcClient jdbc;

    EmailOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A notification claimed for sending, with what the e-mail says. */
    record Claimed(
            NotificationId notification,
            EmailDelivery delivery,
            int attempts,
            NotificationKind kind,
            String title,
            String body,
            String link,
            int occurrences,
            Instant createdAt,
            boolean read) {}

    /** A member with e-mail due in a workspace. */
    record Due(WorkspaceId workspace, UserId user) {}

    /** The choices the workspace's members made; a member without one has {@link EmailPreference#DEFAULT}. */
    Map<UserId, EmailPreference> preferences(WorkspaceId workspace) {
        var chosen = new HashMap<UserId, EmailPreference>();
        jdbc.sql(
                        "select user_id, delivery, digest_hour from notification_email_settings where workspace_id = :workspace")
                .param("workspace", workspace.value())
                .query((rs, n) -> chosen.put(new UserId(rs.getObject(1, UUID.class)), preference(rs)))
                .list();
        return chosen;
    }

    EmailPreference preferenceOf(WorkspaceId workspace, UserId user) {
        return jdbc.sql(
                        """
                        select user_id, delivery, digest_hour from notification_email_settings
                        where workspace_id = :workspace and user_id = :user""")
                .param("workspace", workspace.value())
                .param("user", user.value())
                .query((rs, n) -> preference(rs))
                .optional()
                .orElse(EmailPreference.DEFAULT);
    }

    void save(WorkspaceId workspace, UserId user, EmailPreference preference, Instant now) {
        jdbc.sql(
                        """
                        insert into notification_email_settings (workspace_id, user_id, delivery, digest_hour, updated_at)
                        values (:workspace, :user, :delivery, :hour, :now)
                        on conflict (workspace_id, user_id) do update
                            set delivery = excluded.delivery, digest_hour = excluded.digest_hour,
                                updated_at = excluded.updated_at""")
                .param("workspace", workspace.value())
                .param("user", user.value())
                .param("delivery", preference.delivery().value())
                .param("hour", preference.digestHour())
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Queues one e-mail of {@code notification} to {@code user}, due at {@code due}; queuing it again does nothing. */
    void queue(WorkspaceId workspace, UserId user, NotificationId notification, EmailDelivery delivery, Instant due) {
        jdbc.sql(
                        """
                        insert into notification_emails (workspace_id, notification_id, user_id, delivery, due_at)
                        values (:workspace, :notification, :user, :delivery, :due)
                        on conflict do nothing""")
                .param("workspace", workspace.value())
                .param("notification", notification.value())
                .param("user", user.value())
                .param("delivery", delivery.value())
                .param("due", Timestamp.from(due))
                .update();
    }

    /**
     * Follows a member's new choice with what they have pending: off skips it, at once makes it due now, a digest moves
     * it to the next digest hour.
     */
    void follow(WorkspaceId workspace, UserId user, EmailDelivery delivery, @Nullable Instant due) {
        jdbc.sql(
                        """
                        update notification_emails
                        set status = case when :delivery = 'off' then 'skipped' else status end,
                            delivery = case when :delivery = 'off' then delivery else :delivery end,
                            due_at = coalesce(cast(:due as timestamptz), due_at)
                        where workspace_id = :workspace and user_id = :user and status = 'pending'""")
                .param("workspace", workspace.value())
                .param("user", user.value())
                .param("delivery", delivery.value())
                .param("due", SqlTimes.timestamp(due))
                .update();
    }

    /** Members with e-mail due by {@code now}, across workspaces, the longest waiting first. */
    List<Due> due(Instant now, int limit) {
        return jdbc.sql("select * from herald_notification_emails_due(:now, :limit)")
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query((rs, n) ->
                        new Due(new WorkspaceId(rs.getObject(1, UUID.class)), new UserId(rs.getObject(2, UUID.class))))
                .list();
    }

    /**
     * Claims the member's e-mail due by {@code now}: counts the attempt and moves each row to its next attempt ({@code
     * backoff}, then four times as long each time), so that the claim, once committed, is neither sent by another node
     * meanwhile nor lost if this one dies. Rows another transaction holds are left to it.
     */
    List<Claimed> claim(WorkspaceId workspace, UserId user, Instant now, long backoffMillis, int limit) {
        return jdbc.sql(
                        """
                        update notification_emails e
                        set attempts = e.attempts + 1,
                            due_at = cast(:now as timestamptz)
                                + (:backoff * power(4, least(e.attempts, 10))) * interval '1 millisecond'
                        from notifications n
                        where n.workspace_id = e.workspace_id and n.id = e.notification_id
                          and (e.workspace_id, e.notification_id) in (
                              select workspace_id, notification_id from notification_emails
                              where workspace_id = :workspace and user_id = :user and status = 'pending'
                                and due_at <= :now
                              order by due_at limit :limit for update skip locked)
                        returning e.notification_id, e.delivery, e.attempts, n.kind, n.title, n.body, n.link,
                            n.occurrences, n.created_at, n.read_at is not null as read""")
                .param("workspace", workspace.value())
                .param("user", user.value())
                .param("now", Timestamp.from(now))
                .param("backoff", backoffMillis)
                .param("limit", limit)
                .query(EmailOutbox::claimed)
                .list();
    }

    /** Ends the e-mail of these notifications: {@code sent}, {@code skipped} or {@code failed}. */
    void end(WorkspaceId workspace, Collection<NotificationId> notifications, String status, Instant now) {
        if (notifications.isEmpty()) {
            return;
        }
        jdbc.sql(
                        """
                        update notification_emails set status = :status,
                            sent_at = case when :status = 'sent' then cast(:now as timestamptz) end
                        where workspace_id = :workspace and notification_id in (:ids) and status = 'pending'""")
                .param("workspace", workspace.value())
                .param("ids", notifications.stream().map(NotificationId::value).toList())
                .param("status", status)
                .param("now", Timestamp.from(now))
                .update();
    }

    /** The next time it is {@code hour}:00 in {@code zone}, after {@code now}. */
    static Instant nextDigest(Instant now, ZoneId zone, int hour) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime at = local.toLocalDate().atTime(hour, 0).atZone(zone);
        return (at.isAfter(local) ? at : at.plusDays(1)).toInstant();
    }

    private static EmailPreference preference(ResultSet rs) throws SQLException {
        return new EmailPreference(EmailDelivery.of(rs.getString("delivery")), rs.getInt("digest_hour"));
    }

    private static Claimed claimed(ResultSet rs, int row) throws SQLException {
        return new Claimed(
                new NotificationId(rs.getObject("notification_id", UUID.class)),
                EmailDelivery.of(rs.getString("delivery")),
                rs.getInt("attempts"),
                NotificationKind.of(rs.getString("kind")),
                rs.getString("title"),
                rs.getString("body"),
                rs.getString("link"),
                rs.getInt("occurrences"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getBoolean("read"));
    }
}
