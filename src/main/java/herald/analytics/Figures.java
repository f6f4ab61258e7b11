package herald.analytics;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The two figures Herald compares across platforms, from each platform's own counts: <b>views</b> (X's impressions,
 * Facebook's and Instagram's views; none from LinkedIn's social actions) and <b>engagements</b>, every interaction a
 * person made (likes or reactions, comments or replies, shares or reposts, quotes, saves or bookmarks). Instagram's
 * {@code total_interactions} and {@code reach} are kept as counted but enter neither: the first would count its parts
 * twice, the second is people, not views.
 *
 * @param views null when the platform counts none
 * @param engagements null when the platform counted nothing Herald knows as an interaction
 */
record Figures(@Nullable Long views, @Nullable Long engagements) {

    static final List<String> VIEWS = List.of("views", "impressions");
    static final List<String> INTERACTIONS =
            List.of("likes", "reactions", "comments", "replies", "reposts", "shares", "quotes", "saved", "bookmarks");

    static Figures of(Map<String, Long> counts) {
        Long views = null;
        for (String name : VIEWS) {
            if (counts.containsKey(name)) {
                views = counts.get(name);
                break;
            }
        }
        Long engagements = null;
        for (String name : INTERACTIONS) {
            Long count = counts.get(name);
            if (count != null) {
                engagements = (engagements == null ? 0 : engagements) + count;
            }
        }
        return new Figures(views, engagements);
    }

    /** Engagements per view, as a percentage with one decimal; null without views. */
    static @Nullable Double rate(@Nullable Long engagements, @Nullable Long views) {
        if (engagements == null || views == null || views == 0) {
            return null;
        }
        return Math.round(1000.0 * engagements / views) / 10.0;
    }
}
