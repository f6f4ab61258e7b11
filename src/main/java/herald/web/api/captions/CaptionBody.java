package herald.web.api.captions;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What to write captions about. */
@Schema(name = "CaptionRequest")
record CaptionBody(
        @Schema(description = "x, facebook, instagram, linkedin or sandbox.") String platform,
        @Schema(
                        description = "The persona's tone when absent.",
                        nullable = true,
                        allowableValues = {"professional", "casual", "humorous", "promotional", "educational"})
                @Nullable
                String tone,
        @Schema(description = "The default persona when absent.", nullable = true) @Nullable UUID personaId,
        @Schema(description = "At most 200 characters.", nullable = true) @Nullable String itemName,
        @Schema(description = "At most 2,000 characters.", nullable = true) @Nullable String itemDescription,
        @Schema(description = "An occasion, an offer, a date; at most 1,000 characters.", nullable = true) @Nullable
                String context,
        @Schema(description = "1 to 5; 1 when absent.", nullable = true) @Nullable Integer variants,
        @Schema(
                        description = "A general post when absent.",
                        nullable = true,
                        allowableValues = {
                            "promotional",
                            "product_showcase",
                            "weekend_driver",
                            "engagement_poll",
                            "customer_appreciation"
                        })
                @Nullable
                String postType,
        @Schema(
                        description = "auto (AI when available, else templates), ai or template; auto when absent.",
                        nullable = true,
                        allowableValues = {"auto", "ai", "template"})
                @Nullable
                String mode) {}
