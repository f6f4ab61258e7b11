package herald.publishing;

import herald.connections.ConnectionId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A listing of posts, newest due (or created) first, {@code limit} after the position {@code (afterTime, afterId)}.
 *
 * @param from posts due (or created, when unscheduled) at or after this
 * @param to posts due before this
 */
public record PostQuery(
        @Nullable PostStatus status,
        @Nullable ConnectionId connection,
        @Nullable Instant from,
        @Nullable Instant to,
        @Nullable Instant afterTime,
        @Nullable PostId afterId,
        int limit) {}
