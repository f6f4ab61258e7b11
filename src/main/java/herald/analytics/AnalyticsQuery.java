package herald.analytics;

import herald.connections.ConnectionId;
import herald.shared.InvalidInput;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * A report's period, by the day posts were published in the workspace's zone, from {@code from} to {@code to}
 * inclusive, optionally of one account, and optionally of the posts with one tag (a campaign, a content pillar: any
 * case, a leading # dropped, as posts are filtered by tag).
 */
public record AnalyticsQuery(
        LocalDate from, LocalDate to, ZoneId zone, @Nullable ConnectionId connection, @Nullable String tag) {

    /** The longest period one report covers. */
    public static final int MAX_DAYS = 366;

    /**
     * The condition every report's read of {@code post_metrics} ends its {@code where} with: the query's account and
     * tag, when it names them (parameters {@code :connection} and {@code :tag}; a tag matched in any case against the
     * post's tags).
     */
    static final String SCOPE =
            """
                           and (cast(:connection as uuid) is null or connection_id = cast(:connection as uuid))
                           and (cast(:tag as text) is null or exists (select 1 from posts p, unnest(p.tags) as tag
                               where p.workspace_id = post_metrics.workspace_id and p.id = post_metrics.post_id
                                 and lower(tag) = lower(cast(:tag as text))))
            """;

    /** The longest tag a post can have, and so a report can ask for. */
    static final int MAX_TAG = 40;

    public AnalyticsQuery {
        if (tag != null) {
            tag = tag.strip();
            tag = tag.startsWith("#") ? tag.substring(1).strip() : tag;
            tag = tag.isEmpty() ? null : tag;
        }
        if (tag != null && tag.length() > MAX_TAG) {
            throw new InvalidInput("tag", "A tag has at most " + MAX_TAG + " characters.");
        }
        if (to.isBefore(from)) {
            throw new InvalidInput("to", "The period ends (" + to + ") before it starts (" + from + ").");
        }
        if (Duration.between(from.atStartOfDay(), to.atStartOfDay()).toDays() >= MAX_DAYS) {
            throw new InvalidInput("from", "A report covers at most " + MAX_DAYS + " days.");
        }
    }

    /** A period of every post, or of one account's. */
    public AnalyticsQuery(LocalDate from, LocalDate to, ZoneId zone, @Nullable ConnectionId connection) {
        this(from, to, zone, connection, null);
    }

    /** The last {@code days} days up to {@code today}, today included. */
    public static AnalyticsQuery last(int days, LocalDate today, ZoneId zone, @Nullable ConnectionId connection) {
        return last(days, today, zone, connection, null);
    }

    /** The last {@code days} days up to {@code today}, of the posts tagged {@code tag} when it is not null. */
    public static AnalyticsQuery last(
            int days, LocalDate today, ZoneId zone, @Nullable ConnectionId connection, @Nullable String tag) {
        return new AnalyticsQuery(today.minusDays(days - 1L), today, zone, connection, tag);
    }
}
