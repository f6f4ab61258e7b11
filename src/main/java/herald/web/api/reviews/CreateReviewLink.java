package herald.web.api.reviews;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

record CreateReviewLink(
        @Schema(description = "Who the link is for, 1 to 100 characters.", example = "Acme marketing team") @Nullable
                String label,
        @Schema(description = "Posts due at or after this instant are shown.") @Nullable Instant from,
        @Schema(description = "Posts due before this instant are shown; at most a year after from.") @Nullable
                Instant to,
        @Schema(description = "Only posts to these accounts (connection ids); all accounts when empty or left out.")
                @Nullable
                List<UUID> accountIds,
        @Schema(description = "Only posts with this tag.", nullable = true) @Nullable String tag,
        @Schema(description = "Whether the reviewer may approve or reject posts awaiting approval; else only comment.")
                @Nullable
                Boolean mayApprove,
        @Schema(description = "How many days the link works: 1 to 90, 14 when left out.") @Nullable
                Integer expiresInDays) {}
