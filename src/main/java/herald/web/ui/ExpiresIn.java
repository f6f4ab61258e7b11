package herald.web.ui;

import java.time.Duration;
import java.time.Instant;

/** "in 6 days", "in 3 hours": how long until something expires, in words. */
final class ExpiresIn {

    private ExpiresIn() {}

    static String between(Instant now, Instant expiry) {
        Duration left = Duration.between(now, expiry);
        if (left.isNegative() || left.isZero()) {
            return "now";
        }
        // Rounded to the nearest unit: a link issued a moment ago expires "in 7 days", not "in 6".
        if (left.toHours() >= 24) {
            return plural(Math.round(left.toMinutes() / 1440.0), "day");
        }
        if (left.toMinutes() >= 60) {
            return plural(Math.round(left.toMinutes() / 60.0), "hour");
        }
        return plural(Math.max(1, left.toMinutes()), "minute");
    }

    private static String plural(long n, String unit) {
        return "in " + n + " " + unit + (n == 1 ? "" : "s");
    }
}
