package herald.providers;

import java.net.URI;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A comment someone else wrote under one of the account's published posts, as the platform shows it: what the inbox
 * lists and answers.
 *
 * @param id the platform's id of the comment: what a reply names as {@link CommentRequest#replyTo()}
 * @param replyTo the platform's id of the comment it answers, or null when it answers the post itself
 * @param authorHandle its author's handle at the platform, without a leading {@code @}
 * @param authorName its author's display name, else the handle
 * @param text its text, as the platform gives it (plain text: a platform that answers HTML has it stripped)
 * @param writtenAt when the platform says it was written
 * @param url its own public address, where the platform has one
 */
public record ReceivedComment(
        String id,
        @Nullable String replyTo,
        String authorHandle,
        String authorName,
        String text,
        Instant writtenAt,
        @Nullable URI url) {}
