package herald.web.api.captions;

import herald.content.AiUsage;
import herald.content.CaptionResult;
import herald.content.SimilarPost;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Generated captions. */
@Schema(name = "Captions")
record CaptionView(
        @Schema(description = "ai or template: which one wrote them.") String mode,
        List<Caption> captions,
        Usage usage,
        @Schema(description = "Why templates answered in auto mode although AI was configured.", nullable = true)
                @Nullable
                String fallbackReason) {

    @Schema(name = "Caption")
    record Caption(
            String text,
            @Schema(description = "The highest cosine similarity to a recent post of the workspace (0 for none).")
                    double similarity,
            @Schema(description = "That post, when the caption is too similar to it.", nullable = true) @Nullable
                    Similar similarTo,
            List<String> warnings) {}

    @Schema(name = "SimilarPost")
    record Similar(UUID postId, String text, double similarity, Instant at) {

        static @Nullable Similar of(@Nullable SimilarPost post) {
            return post == null ? null : new Similar(post.post().value(), post.text(), post.similarity(), post.at());
        }
    }

    @Schema(name = "AiUsage")
    record Usage(long promptTokens, long completionTokens, long costMicros) {

        static Usage of(AiUsage usage) {
            return new Usage(usage.promptTokens(), usage.completionTokens(), usage.costMicros());
        }
    }

    static CaptionView of(CaptionResult result) {
        return new CaptionView(
                result.mode(),
                result.captions().stream()
                        .map(c -> new Caption(c.text(), c.similarity(), Similar.of(c.similarTo()), c.warnings()))
                        .toList(),
                Usage.of(result.usage()),
                result.fallbackReason());
    }
}
