package herald.web.api.audit;

import io.swagger.v3.oas.annotations.Parameter;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;

/** {@code ?action=&actor=&from=&to=} of the audit log. */
@ParameterObject
record AuditFilter(
        @Parameter(description = "Only this action, like api_key.created.") @Nullable String action,
        @Parameter(description = "Only this actor: an actor id, or a type (user, api_key, agent, system, operator).")
                @Nullable
                String actor,
        @Parameter(description = "From this instant, inclusive (ISO-8601, like 2030-01-31T00:00:00Z).") @Nullable
                Instant from,
        @Parameter(description = "Before this instant, exclusive.") @Nullable Instant to) {}
