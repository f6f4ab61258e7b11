package herald.publishing;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A note on a post: a line of the team's conversation about it.
 *
 * @param authorType {@code user}, {@code api_key}, {@code agent}, {@code system} or {@code operator}, as the audit log
 *     names actors
 * @param authorLabel how the author is shown: an e-mail, a key's name, an agent's name
 */
public record PostNote(
        UUID id,
        PostId post,
        String body,
        String authorType,
        @Nullable String authorId,
        @Nullable String authorLabel,
        Instant createdAt) {}
