package herald.web.ui;

import java.time.Duration;
import java.time.Instant;

/** "in 6 days", "3 hours ago": how far off something is, in words, rounded to the nearest unit. */
final class RelativeTime {

    private RelativeTime() {}

    /** "in 6 days", "in 3 hours", "in 1 minute"; "now" once it is past. */
    static String until(Instant now, Instant at) {
        Duration left = Duration.between(now, at);
        if (left.isNegative() || left.isZero()) {
            return "now";
        }
        return "in " + words(left);
    }

    /** "2 days ago", "5 minutes ago"; "just now" within the minute (or a little ahead, clocks being clocks). */
    static String since(Instant now, Instant at) {
        Duration past = Duration.between(at, now);
        if (past.toSeconds() < 60) {
            return "just now";
        }
        return words(past) + " ago";
    }

    private static String words(Duration span) {
        // Rounded to the nearest unit: a link issued a moment ago expires "in 7 days", not "in 6".
        if (span.toHours() >= 24) {
            return plural(Math.round(span.toMinutes() / 1440.0), "day");
        }
        if (span.toMinutes() >= 60) {
            return plural(Math.round(span.toMinutes() / 60.0), "hour");
        }
        return plural(Math.max(1, span.toMinutes()), "minute");
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
