package herald.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One recorded action, as read back from the log. */
public record AuditEvent(
        UUID id,
        long sequence,
        Instant occurredAt,
        Actor actor,
        String action,
        @Nullable String targetType,
        @Nullable String targetId,
        Map<String, String> details,
        @Nullable String ip,
        @Nullable String userAgent) {}
