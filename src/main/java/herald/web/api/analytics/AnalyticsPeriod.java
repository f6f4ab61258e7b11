package herald.web.api.analytics;

import herald.analytics.AnalyticsQuery;
import herald.connections.ConnectionId;
import herald.shared.InvalidInput;
import herald.web.CurrentWorkspace;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The period an analytics call asks for, as its {@code from}, {@code to}, {@code timezone}, account and tag say.
 */
final class AnalyticsPeriod {

    private AnalyticsPeriod() {}

    /** The period asked for: the last 30 days up to today in the workspace's zone unless said otherwise. */
    static AnalyticsQuery of(
            CurrentWorkspace current,
            @Nullable String from,
            @Nullable String to,
            @Nullable String timezone,
            @Nullable UUID connectionId,
            Clock clock) {
        return of(current, from, to, timezone, connectionId, null, clock);
    }

    /** The period asked for, of the posts tagged {@code tag} when it is not blank. */
    static AnalyticsQuery of(
            CurrentWorkspace current,
            @Nullable String from,
            @Nullable String to,
            @Nullable String timezone,
            @Nullable UUID connectionId,
            @Nullable String tag,
            Clock clock) {
        ZoneId zone = zone(timezone, current.workspace().timezone());
        LocalDate last = to == null ? LocalDate.ofInstant(clock.instant(), zone) : date("to", to);
        LocalDate first = from == null ? last.minusDays(29) : date("from", from);
        return new AnalyticsQuery(first, last, zone, connectionId == null ? null : new ConnectionId(connectionId), tag);
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeException e) {
            throw new InvalidInput(field, "'" + value + "' is not a date such as 2026-12-01.");
        }
    }

    static ZoneId zone(@Nullable String value, ZoneId fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return ZoneId.of(value.strip());
        } catch (DateTimeException e) {
            throw new InvalidInput("timezone", "'" + value + "' is not a time zone such as Europe/Berlin.");
        }
    }
}
