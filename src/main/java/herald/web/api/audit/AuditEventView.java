package herald.web.api.audit;

import herald.audit.AuditEvent;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

record AuditEventView(
        UUID id,
        @Schema(description = "Position in the workspace's chain; later entries have higher numbers.") long sequence,
        Instant occurredAt,
        AuditActor actor,
        @Schema(example = "api_key.created") String action,
        @Nullable AuditTarget target,
        Map<String, String> details,
        @Nullable String ip,
        @Nullable String userAgent) {

    /** Who acted: {@code type} is user, api_key, agent, system or operator. */
    record AuditActor(String type, @Nullable String id, @Nullable String label) {}

    /** What was acted on. */
    record AuditTarget(String type, @Nullable String id) {}

    static AuditEventView of(AuditEvent event) {
        var actor = event.actor();
        return new AuditEventView(
                event.id(),
                event.sequence(),
                event.occurredAt(),
                new AuditActor(actor.type().value(), actor.id(), actor.label()),
                event.action(),
                event.targetType() == null ? null : new AuditTarget(event.targetType(), event.targetId()),
                event.details(),
                event.ip(),
                event.userAgent());
    }
}
