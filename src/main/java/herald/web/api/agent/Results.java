package herald.web.api.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import herald.agents.TargetOutcome;
import herald.web.api.agent.PostTarget.Comment;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the agent API answers to new posts: how many were created, and the outcome on each account. The MCP tools answer
 * the same shape as structured content.
 */
public record Results(
        @Schema(description = "How many posts were created (one per account).") int created, List<Outcome> results) {

    public static Results of(List<TargetOutcome> outcomes) {
        return new Results(
                (int) outcomes.stream().filter(TargetOutcome::created).count(),
                outcomes.stream().map(Outcome::of).toList());
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Outcome(
            String platform,
            @Nullable UUID connectionId,
            @Nullable String account,
            @Nullable UUID postId,
            @Schema(
                            description = "held: scheduled, but publishing to the account is paused by a person; it"
                                    + " waits until they resume it.",
                            allowableValues = {
                                "pending_approval",
                                "scheduled",
                                "held",
                                "publishing",
                                "published",
                                "failed",
                                "unknown"
                            })
                    @Nullable
                    String status,
            @Nullable Instant scheduledAt,
            @Nullable URI url,
            @Schema(allowableValues = {"not_connected", "no_permission", "quota_exceeded", "invalid_content"}) @Nullable
                    String error,
            @Nullable String detail,
            @Schema(description = "The post's first comment on this account; absent when it has none.") @Nullable
                    Comment comment) {

        public static Outcome of(TargetOutcome o) {
            return new Outcome(
                    o.platform(),
                    o.connection() == null ? null : o.connection().value(),
                    o.account(),
                    o.post() == null ? null : o.post().value(),
                    o.status(),
                    o.scheduledAt(),
                    o.url(),
                    o.error() == null ? null : o.error().value(),
                    o.detail(),
                    Comment.of(o.comment()));
        }
    }
}
