package herald.web.api.posts;

import herald.assets.AssetId;
import herald.publishing.Post;
import herald.publishing.Target;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A post as the API shows it, with every target's status and what the platform said. */
@Schema(name = "Post")
record PostView(
        UUID id,
        String body,
        @Nullable String link,
        List<UUID> mediaIds,
        @Schema(
                        allowableValues = {
                            "draft",
                            "pending_approval",
                            "scheduled",
                            "publishing",
                            "published",
                            "partially_failed",
                            "failed",
                            "cancelled"
                        })
                String status,
        @Schema(description = "When it is due (UTC); null for a draft without a time.", nullable = true) @Nullable
                Instant scheduledAt,
        @Schema(description = "The IANA zone it was scheduled in.", nullable = true) @Nullable String timezone,
        List<TargetView> targets,
        Instant createdAt,
        Instant updatedAt) {

    @Schema(name = "PostTarget")
    record TargetView(
            UUID id,
            UUID connectionId,
            String provider,
            @Schema(description = "The account, e.g. Sandbox @krusty.") String account,
            @Schema(description = "This platform's own text, when it differs from the post's.", nullable = true)
                    @Nullable
                    String body,
            @Schema(allowableValues = {"scheduled", "publishing", "published", "failed", "unknown", "cancelled"})
                    String status,
            int attempts,
            @Nullable String platformPostId,
            @Nullable URI platformUrl,
            @Schema(
                            description = "The platform's words for the last failure, or why the outcome is unknown"
                                    + " and what to do.",
                            nullable = true)
                    @Nullable
                    String lastError,
            @Schema(description = "When the next attempt is due, for a scheduled target.", nullable = true) @Nullable
                    Instant nextAttemptAt,
            @Nullable Instant publishedAt) {

        static TargetView of(Target t) {
            return new TargetView(
                    t.id().value(),
                    t.connection().value(),
                    t.provider(),
                    t.account(),
                    t.body(),
                    t.status().value(),
                    t.attempts(),
                    t.platformPostId(),
                    t.platformUrl(),
                    t.lastError(),
                    t.nextAttemptAt(),
                    t.publishedAt());
        }
    }

    static PostView of(Post p) {
        return new PostView(
                p.id().value(),
                p.body(),
                p.link(),
                p.media().stream().map(AssetId::value).toList(),
                p.status().value(),
                p.scheduledAt(),
                p.timezone(),
                p.targets().stream().map(TargetView::of).toList(),
                p.createdAt(),
                p.updatedAt());
    }
}
