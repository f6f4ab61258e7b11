package herald.content;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Generated captions.
 *
 * @param mode {@code ai} or {@code template}: which one wrote them
 * @param captions the variants, in order
 * @param usage tokens and cost of every model call made for them (retries for repetition included); zero in template
 *     mode
 * @param fallbackReason why template mode answered although AI was possible or asked for in {@code auto}, e.g. the
 *     model timed out; null otherwise
 */
public record CaptionResult(String mode, List<Caption> captions, AiUsage usage, @Nullable String fallbackReason) {

    public CaptionResult {
        captions = List.copyOf(captions);
    }

    /**
     * One caption.
     *
     * @param text the caption, ready to post on the platform
     * @param similarity the highest cosine similarity to a recent post of the workspace (0 when there is none)
     * @param similarTo that post, when the similarity is at or above the threshold
     * @param warnings what a person should look at before posting (e.g. "Too similar to a post of 3 Nov")
     */
    public record Caption(String text, double similarity, @Nullable SimilarPost similarTo, List<String> warnings) {

        public Caption {
            warnings = List.copyOf(warnings);
        }
    }
}
