package herald.notifications;

import herald.connections.ConnectionId;
import herald.database.Keyset;
import herald.database.SqlTimes;
import herald.database.TenantScope;
import herald.publishing.PostId;
import herald.shared.NotFound;
import herald.shared.UserId;
import herald.shared.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A member's notifications in one workspace: counted for the bell, listed newest first, read one by one (marking it
 * read, or following its link) or all at once. Every method takes the member: nobody reads or marks another's, and an
 * id of another member's or workspace's notification is not found. Reading is not audited.
 */
@Component
public class Notifications {

    /** The bell counts up to this many and shows more as "99+"; counting further would cost every page for nothing. */
    public static final int COUNT_CAP = 100;

    private static final Keyset NEWEST_FIRST = Keyset.newestFirst("created_at", "id");

    private final JdbcClient jdbc;
    private final TenantScope tenants;
    private final NotificationSettings settings;
    private final NotificationEmails emails;
    private final Clock clock;

    Notifications(
            JdbcClient jdbc,
            TenantScope tenants,
            NotificationSettings settings,
            NotificationEmails emails,
            Clock clock) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.settings = settings;
        this.emails = emails;
        this.clock = clock;
    }

    /** How long a notification is kept, read or not ({@code herald.notifications.retention}). */
    public Duration retention() {
        return settings.retention();
    }

    /** How many of the member's notifications are unread, at most {@value #COUNT_CAP}. */
    public int unread(WorkspaceId workspace, UserId user) {
        return tenants.read(workspace, () -> jdbc.sql(
                        """
                        select count(*) from (select 1 from notifications
                                              where workspace_id = :workspace and user_id = :user and read_at is null
                                              limit :cap) unread""")
                .param("workspace", workspace.value())
                .param("user", user.value())
                .param("cap", COUNT_CAP)
                .query(Integer.class)
                .single());
    }

    /** The member's notifications, read and unread, newest first, after {@code after} (null: from the newest). */
    public List<Notification> recent(
            WorkspaceId workspace, UserId user, Notification.@Nullable Position after, int limit) {
        Keyset.After from = after == null
                ? null
                : new Keyset.After(after.createdAt(), after.id().value());
        return tenants.read(workspace, () -> NEWEST_FIRST
                .page(
                        jdbc,
                        "select * from notifications where workspace_id = :workspace and user_id = :user",
                        from,
                        limit)
                .param("workspace", workspace.value())
                .param("user", user.value())
                .query(Notifications::notification)
                .list());
    }

    /** @throws NotFound when the member has no such notification (another member's or workspace's included) */
    public Notification require(WorkspaceId workspace, UserId user, NotificationId id) {
        return tenants.read(workspace, () -> jdbc.sql(
                        "select * from notifications where workspace_id = :workspace and user_id = :user and id = :id")
                .param("workspace", workspace.value())
                .param("user", user.value())
                .param("id", id.value())
                .query(Notifications::notification)
                .optional()
                .orElseThrow(() -> new NotFound("You have no such notification.")));
    }

    /**
     * Marks one notification read; marking a read one again changes nothing.
     *
     * @throws NotFound when the member has no such notification
     */
    public Notification markRead(WorkspaceId workspace, UserId user, NotificationId id) {
        return tenants.call(workspace, () -> {
            jdbc.sql(
                            """
                            update notifications set read_at = :now
                            where workspace_id = :workspace and user_id = :user and id = :id and read_at is null""")
                    .param("now", Timestamp.from(clock.instant()))
                    .param("workspace", workspace.value())
                    .param("user", user.value())
                    .param("id", id.value())
                    .update();
            return require(workspace, user, id);
        });
    }

    /** Marks every unread notification of the member read; returns how many were unread. */
    public int markAllRead(WorkspaceId workspace, UserId user) {
        return tenants.call(workspace, () -> jdbc.sql(
                        """
                        update notifications set read_at = :now
                        where workspace_id = :workspace and user_id = :user and read_at is null""")
                .param("now", Timestamp.from(clock.instant()))
                .param("workspace", workspace.value())
                .param("user", user.value())
                .update());
    }

    /** As {@link #settle(WorkspaceId, PostId, Collection)} for one kind. */
    public int settle(WorkspaceId workspace, PostId post, NotificationKind kind) {
        return settle(workspace, post, List.of(kind));
    }

    /**
     * Marks every member's unread notifications of {@code kinds} about the post read, once what they asked for has been
     * done (a member approved or rejected the post, retried it, settled a target or a first comment): nobody else is
     * sent to act on it. One statement.
     *
     * @return how many were unread
     */
    public int settle(WorkspaceId workspace, PostId post, Collection<NotificationKind> kinds) {
        if (kinds.isEmpty()) {
            return 0;
        }
        return tenants.call(workspace, () -> jdbc.sql(
                        """
                        update notifications set read_at = :now
                        where workspace_id = :workspace and post_id = :post and kind in (:kinds) and read_at is null""")
                .param("now", Timestamp.from(clock.instant()))
                .param("workspace", workspace.value())
                .param("post", post.value())
                .param("kinds", kinds.stream().map(NotificationKind::value).toList())
                .update());
    }

    /**
     * Stores {@code notification} for each of {@code recipients}, in one transaction. A recipient who still has an
     * unread one of the same kind about the same post or connection gets no second: that one counts the event and
     * takes its line (unless it has it already), so several targets of one post failing together make one
     * notification. Two nodes doing this at once meet at the unique index and coalesce all the same. A new
     * notification (not one that took another event) is queued for e-mail in the same transaction.
     */
    void deliver(WorkspaceId workspace, NewNotification notification, Collection<UserId> recipients) {
        if (recipients.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        tenants.run(workspace, () -> {
            var stored = new HashMap<UserId, NotificationId>();
            for (UserId recipient : recipients) {
                jdbc.sql(
                                """
                                insert into notifications (workspace_id, id, user_id, kind, title, body, link, post_id,
                                    connection_id, created_at)
                                values (:workspace, :id, :user, :kind, :title, :body, :link, :post, :connection, :now)
                                on conflict (workspace_id, user_id, kind, (coalesce(post_id, connection_id)))
                                    where read_at is null
                                do update set occurrences = notifications.occurrences + 1,
                                    body = case when strpos(notifications.body, excluded.body) > 0
                                                then notifications.body
                                                else left(notifications.body || E'\\n' || excluded.body, :maxBody) end
                                returning id, xmax = 0 as inserted""")
                        .param("workspace", workspace.value())
                        .param("id", UUID.randomUUID())
                        .param("user", recipient.value())
                        .param("kind", notification.kind().value())
                        .param("title", notification.title())
                        .param("body", notification.body())
                        .param("link", notification.link())
                        .param(
                                "post",
                                notification.post() == null
                                        ? null
                                        : notification.post().value())
                        .param(
                                "connection",
                                notification.connection() == null
                                        ? null
                                        : notification.connection().value())
                        .param("now", Timestamp.from(now))
                        .param("maxBody", NewNotification.MAX_BODY)
                        .query((rs, n) -> rs.getBoolean("inserted")
                                ? Optional.of(new NotificationId(rs.getObject("id", UUID.class)))
                                : Optional.<NotificationId>empty())
                        .single()
                        .ifPresent(id -> stored.put(recipient, id));
            }
            emails.queue(workspace, stored);
        });
    }

    /**
     * Deletes every notification, of every workspace, created before {@code before}, {@code batch} rows a transaction.
     *
     * @return how many were deleted
     */
    int prune(Instant before, int batch) {
        int total = 0;
        while (true) {
            Integer pruned = jdbc.sql("select herald_notifications_prune(:before, :limit)")
                    .param("before", Timestamp.from(before))
                    .param("limit", batch)
                    .query(Integer.class)
                    .single();
            total += pruned;
            if (pruned < batch) {
                return total;
            }
        }
    }

    private static Notification notification(ResultSet rs, int row) throws SQLException {
        UUID post = rs.getObject("post_id", UUID.class);
        UUID connection = rs.getObject("connection_id", UUID.class);
        return new Notification(
                new NotificationId(rs.getObject("id", UUID.class)),
                NotificationKind.of(rs.getString("kind")),
                rs.getString("title"),
                rs.getString("body"),
                rs.getString("link"),
                post == null ? null : new PostId(post),
                connection == null ? null : new ConnectionId(connection),
                rs.getInt("occurrences"),
                rs.getTimestamp("created_at").toInstant(),
                SqlTimes.instant(rs, "read_at"));
    }
}
