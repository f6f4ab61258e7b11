package herald.web.api.inbox;

import herald.inbox.InboxComment;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A comment of the inbox, as the workspace API and the agent API (REST and MCP) answer it. */
@Schema(name = "InboxComment")
public record InboxCommentView(
        UUID id,
        @Schema(description = "The post it was written under.") UUID postId,
        @Schema(description = "The connection the post went out as.") UUID accountId,
        @Schema(description = "The platform: sandbox, mastodon, bluesky, ...") String platform,
        @Schema(description = "The account's handle at the platform.") String account,
        Author author,
        String text,
        @Schema(description = "The comment's own address on the platform.") @Nullable URI url,
        @Schema(description = "The author's name of the comment it answers, when the inbox has that one.") @Nullable
                String answering,
        Instant writtenAt,
        @Schema(description = "When Herald found it.") Instant foundAt,
        @Schema(description = "open or done.") String status,
        @Nullable Instant doneAt,
        @Schema(description = "The workspace's answer, once sent.") @Nullable Reply reply,
        @Schema(
                        description = "An answer whose call ended without the platform's answer: it may have been"
                                + " posted. Herald looks for it before any other answer to this comment is sent.")
                @Nullable
                Uncertain uncertainAnswer,
        @Schema(description = "The post's text for this account.") String postText,
        @Nullable URI postUrl) {

    public static InboxCommentView of(InboxComment c) {
        return new InboxCommentView(
                c.id().value(),
                c.post().value(),
                c.connection().value(),
                c.provider(),
                c.account(),
                new Author(c.authorHandle(), c.authorName()),
                c.text(),
                c.url(),
                c.answering(),
                c.writtenAt(),
                c.foundAt(),
                c.open() ? "open" : "done",
                c.doneAt(),
                c.reply() == null
                        ? null
                        : new Reply(
                                c.reply().text(),
                                c.reply().url(),
                                c.reply().repliedAt(),
                                c.reply().by()),
                c.reply() != null || c.uncertain() == null
                        ? null
                        : new Uncertain(c.uncertain().text(), c.uncertain().sentAt()),
                c.postText(),
                c.postUrl());
    }

    @Schema(name = "InboxAuthor")
    public record Author(String handle, String name) {}

    @Schema(name = "InboxReply")
    public record Reply(
            String text,
            @Nullable URI url,
            Instant repliedAt,
            @Schema(
                            description =
                                    "Who answered, as the audit log names them: a member, an API key, or an agent (its name and key prefix).")
                    @Nullable
                    String by) {}

    @Schema(name = "InboxUncertainAnswer")
    public record Uncertain(String text, Instant sentAt) {}
}
