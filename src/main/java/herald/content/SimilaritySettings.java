package herald.content;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code herald.content.similarity-*}: when a text repeats a recent post and how far back "recent" looks.
 *
 * @param similarityThreshold the cosine similarity at or above which a text counts as repeating a post
 * @param similarityWindow how far back (by due or published instant) posts are compared; scheduled future posts are
 *     always included
 * @param similarityCatchUp how often the catch-up job embeds posts whose event was lost or dropped
 */
@ConfigurationProperties("herald.content")
record SimilaritySettings(
        @DefaultValue("0.85") double similarityThreshold,
        @DefaultValue("90d") Duration similarityWindow,
        @DefaultValue("10m") Duration similarityCatchUp) {

    SimilaritySettings {
        if (similarityThreshold <= 0 || similarityThreshold > 1) {
            throw new IllegalArgumentException("herald.content.similarity-threshold must be in (0, 1]");
        }
        if (similarityWindow.isNegative() || similarityWindow.isZero()) {
            throw new IllegalArgumentException("herald.content.similarity-window must be positive");
        }
    }
}
