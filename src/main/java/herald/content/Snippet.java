package herald.content;

import java.time.Instant;
import java.util.UUID;

/** A saved text of a workspace (a hashtag set, a sign-off, a disclaimer) to insert into posts. */
public record Snippet(UUID id, String name, String body, Instant createdAt, Instant updatedAt) {}
