package herald.analytics;

import herald.connections.ConnectionId;
import herald.publishing.PostId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A workspace's figures over a period: in all, by account, by day and the posts that did best. Views and engagements
 * are sums over the targets that have been read ({@code measured}); a target not read yet counts as published only.
 */
public record AnalyticsReport(
        AnalyticsQuery query, Totals totals, List<Account> accounts, List<Day> days, List<Top> top, List<Tag> tags) {

    public AnalyticsReport {
        tags = List.copyOf(tags);
        accounts = List.copyOf(accounts);
        days = List.copyOf(days);
        top = List.copyOf(top);
    }

    /**
     * @param posts posts with at least one target published in the period
     * @param targets targets published in the period
     * @param measured those of them read at least once
     */
    public record Totals(int posts, int targets, int measured, long views, long engagements) {

        public @Nullable Double engagementRate() {
            return Figures.rate(engagements, views);
        }
    }

    public record Account(
            ConnectionId connection, String provider, String account, int targets, long views, long engagements) {

        public @Nullable Double engagementRate() {
            return Figures.rate(engagements, views);
        }
    }

    /**
     * The posts with one tag (a campaign, a content pillar), as the posts list's filter finds them (in any case): a
     * post with two tags counts under both.
     *
     * @param tag the tag as written (one of its spellings, where posts write it in different cases)
     * @param posts the posts with a target published in the period
     */
    public record Tag(String tag, int posts, long views, long engagements) {

        public @Nullable Double engagementRate() {
            return Figures.rate(engagements, views);
        }
    }

    /** Every day of the period, days without posts included, so a chart needs no gaps filled. */
    public record Day(LocalDate day, int targets, long views, long engagements) {}

    /** A post and its figures summed over its targets; its text as it was published (the post's body). */
    public record Top(
            PostId post, String text, Instant publishedAt, List<String> accounts, long views, long engagements) {

        public Top {
            accounts = List.copyOf(accounts);
        }

        public @Nullable Double engagementRate() {
            return Figures.rate(engagements, views);
        }
    }
}
