package herald.notifications;

import herald.connections.ConnectionId;
import herald.publishing.PostId;
import org.jspecify.annotations.Nullable;

/** What to tell the members about one event, before it is stored for each of them. */
record NewNotification(
        NotificationKind kind,
        String title,
        String body,
        String link,
        @Nullable PostId post,
        @Nullable ConnectionId connection) {

    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 2000;

    NewNotification {
        title = cut(title, MAX_TITLE);
        body = cut(body, MAX_BODY);
    }

    private static String cut(String text, int max) {
        String flat = text.strip();
        return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
    }
}
