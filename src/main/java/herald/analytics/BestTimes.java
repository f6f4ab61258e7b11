package herald.analytics;

import java.time.DayOfWeek;
import java.util.List;

/**
 * When the workspace's posts did best: the weekday hours (in its zone) whose posts had the most engagements each, from
 * the posts read in the last {@link #DAYS} days. Said only with enough posts to say it: at least {@link #MIN_POSTS} read,
 * and {@link #MIN_PER_HOUR} in an hour for it to count.
 *
 * @param measured the published targets read in the window
 * @param average their engagements per post
 * @param times the best hours, best first; empty with too few posts
 */
public record BestTimes(int measured, double average, List<Time> times) {

    public static final int DAYS = 90;
    public static final int MIN_POSTS = 10;
    public static final int MIN_PER_HOUR = 2;
    public static final int SHOWN = 5;

    public BestTimes {
        times = List.copyOf(times);
    }

    /** Whether there were enough posts to tell. */
    public boolean known() {
        return measured >= MIN_POSTS;
    }

    /**
     * @param posts published targets in that hour
     * @param engagements their engagements per post
     * @param lift how much more than the average, in percent (negative when less)
     */
    public record Time(DayOfWeek day, int hour, int posts, double engagements, int lift) {

        /** {@code 09:00} */
        public String from() {
            return "%02d:00".formatted(hour);
        }

        /** {@code 10:00}, or {@code 24:00} for the last hour */
        public String to() {
            return "%02d:00".formatted(hour + 1);
        }
    }
}
