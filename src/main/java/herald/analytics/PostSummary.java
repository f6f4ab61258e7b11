package herald.analytics;

import herald.publishing.PostId;
import org.jspecify.annotations.Nullable;

/**
 * A post's figures summed over its targets that were read, as lists show them beside the post.
 *
 * @param views null when none of its platforms counts views
 */
public record PostSummary(PostId post, @Nullable Long views, long engagements) {

    public @Nullable Double engagementRate() {
        return Figures.rate(engagements, views);
    }
}
