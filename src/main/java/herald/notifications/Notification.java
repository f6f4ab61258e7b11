package herald.notifications;

import herald.connections.ConnectionId;
import herald.publishing.PostId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Something a member should see, as the notification centre lists it.
 *
 * @param body what happened and what to do, in plain words; one line per event it stands for
 * @param link where to act, a path inside Herald ({@code /w/krusty/posts/…})
 * @param occurrences how many events it stands for (several targets of one post failing together make one)
 * @param readAt when the member read it (marked it read or followed its link); null while unread
 */
public record Notification(
        NotificationId id,
        NotificationKind kind,
        String title,
        String body,
        String link,
        @Nullable PostId post,
        @Nullable ConnectionId connection,
        int occurrences,
        Instant createdAt,
        @Nullable Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }

    public Position position() {
        return new Position(createdAt, id);
    }

    /** Where a listing newest first stops: the last notification shown. */
    public record Position(Instant createdAt, NotificationId id) {}
}
