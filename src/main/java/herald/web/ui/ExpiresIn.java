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
        if (left.toDays() >= 1) {
            return plural(left.toDays(), "day");
        }
        if (left.toHours() >= 1) {
            return plural(left.toHours(), "hour");
        }
        return plural(Math.max(1, left.toMinutes()), "minute");
    }

    private static String plural(long n, String unit) {
        return "in " + n + " " + unit + (n == 1 ? "" : "s");
    }
}
