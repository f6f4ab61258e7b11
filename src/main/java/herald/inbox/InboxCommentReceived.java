package herald.inbox;

import herald.connections.ConnectionId;
import herald.providers.ReceivedComment;
import herald.publishing.PostId;
import herald.shared.WorkspaceId;
import java.net.URI;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Someone commented under one of the workspace's published posts, and the inbox has it now: raised once per comment,
 * after it was stored.
 *
 * @param account the account's handle at the platform
 * @param replyTo the platform's id of the comment it answers, or null when it answers the post
 */
public record InboxCommentReceived(
        WorkspaceId workspace,
        InboxCommentId id,
        PostId post,
        ConnectionId connection,
        String provider,
        String account,
        String authorHandle,
        String authorName,
        String text,
        @Nullable URI url,
        @Nullable String replyTo,
        Instant writtenAt) {

    static InboxCommentReceived of(WatchRows.Watch watch, InboxRows.Added added) {
        ReceivedComment c = added.comment();
        return new InboxCommentReceived(
                watch.workspace(),
                added.id(),
                watch.post(),
                watch.connection(),
                watch.provider(),
                watch.accountHandle(),
                c.authorHandle(),
                c.authorName().isBlank() ? c.authorHandle() : c.authorName(),
                c.text(),
                c.url(),
                c.replyTo(),
                c.writtenAt());
    }
}
