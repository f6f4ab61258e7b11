package herald.web.api.connections;

import herald.connections.RefreshAttempt;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

@Schema(name = "RefreshAttempt")
record RefreshAttemptView(
        Instant attemptedAt,
        @Schema(allowableValues = {"use", "sweep"}) String trigger,
        @Schema(allowableValues = {"refreshed", "transient_failure", "refused"}) String outcome,
        @Nullable String error) {

    static RefreshAttemptView of(RefreshAttempt attempt) {
        return new RefreshAttemptView(
                attempt.attemptedAt(),
                attempt.trigger().value(),
                attempt.outcome().value(),
                attempt.error());
    }
}
