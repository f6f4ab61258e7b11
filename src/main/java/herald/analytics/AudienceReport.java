package herald.analytics;

import herald.connections.ConnectionId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Each account's audience over a period: where it stands, how much it grew, and its daily snapshots. */
public record AudienceReport(AnalyticsQuery query, List<Account> accounts) {

    public AudienceReport {
        accounts = List.copyOf(accounts);
    }

    /**
     * One connected account.
     *
     * @param account how the account is shown, e.g. {@code Sandbox @krusty}
     * @param counted whether its platform gives Herald an account's followers at all (LinkedIn does not)
     * @param followers the latest count read, whenever it was; null before the first
     * @param following whom it follows, as last read; null where the platform does not say
     * @param posts its posts in all, as last read; null where the platform does not say
     * @param readAt when {@code followers} was read
     * @param change followers gained (negative: lost) from the period's first snapshot to its last; null with fewer
     *     than two
     * @param days the period's snapshots, oldest first; a day without one is left out
     * @param problem why figures are missing or stopped, as a sentence a person can act on; null when all is well
     */
    public record Account(
            ConnectionId connection,
            String provider,
            String account,
            boolean counted,
            @Nullable Long followers,
            @Nullable Long following,
            @Nullable Long posts,
            @Nullable Instant readAt,
            @Nullable Long change,
            List<Day> days,
            @Nullable String problem) {

        public Account {
            days = List.copyOf(days);
        }
    }

    /** One day's snapshot (the UTC day it was taken). */
    public record Day(LocalDate day, long followers, @Nullable Long following, @Nullable Long posts) {}
}
