package herald.inbox;

import herald.connections.ConnectionId;
import herald.publishing.PostId;
import java.net.URI;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A comment someone wrote under one of the workspace's published posts, as the inbox lists it.
 *
 * @param provider the platform's id ({@code sandbox}, {@code mastodon}, ...)
 * @param account the workspace's account the post went out as, as the platform knows its handle
 * @param externalId the platform's id of the comment
 * @param replyTo the platform's id of the comment it answers, or null when it answers the post
 * @param answering the author's name of the comment it answers, when that one is in the inbox too; null otherwise
 * @param post the post it was written under, and {@code postText} its text (the account's own, where it differs)
 * @param postUrl the post's address on the platform
 * @param platformPostId the platform's id of the post, while it is published
 * @param doneAt when a member marked it done or answered it; null while it is open
 * @param reply the workspace's answer, once sent
 * @param uncertain an answer sent without the platform's answer, which may be there: looked for before another is sent
 */
public record InboxComment(
        InboxCommentId id,
        PostId post,
        ConnectionId connection,
        String provider,
        String account,
        String externalId,
        String authorHandle,
        String authorName,
        String text,
        @Nullable URI url,
        @Nullable String replyTo,
        @Nullable String answering,
        Instant writtenAt,
        Instant foundAt,
        String postText,
        @Nullable URI postUrl,
        @Nullable String platformPostId,
        @Nullable Instant doneAt,
        @Nullable String doneBy,
        @Nullable Reply reply,
        @Nullable Uncertain uncertain) {

    /** The workspace's answer to a comment, as the platform took it. */
    public record Reply(String text, String externalId, @Nullable URI url, Instant repliedAt, @Nullable String by) {}

    /** An answer whose call ended without the platform's answer: it may have been posted. */
    public record Uncertain(String text, Instant sentAt, @Nullable String by) {}

    public boolean open() {
        return doneAt == null;
    }

    /**
     * The author's handle as people read it ({@code @moe@mastodon.social}), or null when it names no account at the
     * platform: a handle with a colon is made up for someone without one (a Sandbox visitor is {@code visitor:moe}).
     */
    public @Nullable String shownHandle() {
        return authorHandle.indexOf(':') >= 0 ? null : "@" + authorHandle;
    }
}
