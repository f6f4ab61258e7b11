package herald.analytics;

import herald.connections.ConnectionId;
import herald.shared.InvalidInput;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * A report's period, by the day posts were published in the workspace's zone, from {@code from} to {@code to}
 * inclusive, optionally of one account.
 */
public record AnalyticsQuery(LocalDate from, LocalDate to, ZoneId zone, @Nullable ConnectionId connection) {

    /** The longest period one report covers. */
    public static final int MAX_DAYS = 366;

    public AnalyticsQuery {
        if (to.isBefore(from)) {
            throw new InvalidInput("to", "The period ends (" + to + ") before it starts (" + from + ").");
        }
        if (Duration.between(from.atStartOfDay(), to.atStartOfDay()).toDays() >= MAX_DAYS) {
            throw new InvalidInput("from", "A report covers at most " + MAX_DAYS + " days.");
        }
    }

    /** The last {@code days} days up to {@code today}, today included. */
    public static AnalyticsQuery last(int days, LocalDate today, ZoneId zone, @Nullable ConnectionId connection) {
        return new AnalyticsQuery(today.minusDays(days - 1L), today, zone, connection);
    }
}
