package herald.publishing;

import herald.database.TenantScope;
import herald.shared.WorkspaceId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The occurrences a workspace's repeating posts will make if nobody stops them, for the calendar to show ahead (as
 * Buffer and Postiz show a recurring post's future slots): computed from each open series ({@link PostRepeats}), never
 * stored. A series whose latest post is a draft or awaits approval goes on only once that post is scheduled, so it shows
 * nothing ahead yet.
 */
@Component
public class UpcomingRepeats {

    /** How far ahead occurrences are shown: a daily series would otherwise fill every month the calendar can show. */
    public static final Duration HORIZON = Duration.ofDays(366);

    /** Open series read at most; a workspace has a few dozen. */
    private static final int SERIES = 1000;

    private final JdbcClient jdbc;
    private final TenantScope tenants;
    private final Clock clock;

    UpcomingRepeats(JdbcClient jdbc, TenantScope tenants, Clock clock) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.clock = clock;
    }

    /**
     * An occurrence still to be made.
     *
     * @param from the series' latest post, which it will copy
     * @param occurrence which of the series it will be (1: the series' first)
     */
    public record Upcoming(PostId from, Instant at, long occurrence) {}

    /** Those due in {@code [from, to)}, and within {@link #HORIZON} of now, soonest first, at most {@code most}. */
    public List<Upcoming> between(WorkspaceId workspace, Instant from, Instant to, int most) {
        return find(workspace, null, from, to, most);
    }

    /** The next {@code most} the series {@code post} is the latest of will make, within {@link #HORIZON}. */
    public List<Upcoming> of(WorkspaceId workspace, PostId post, int most) {
        Instant now = clock.instant();
        return find(workspace, post, now, now.plus(HORIZON), most);
    }

    private List<Upcoming> find(WorkspaceId workspace, @Nullable PostId only, Instant from, Instant to, int most) {
        Instant now = clock.instant();
        Instant until = to.isAfter(now.plus(HORIZON)) ? now.plus(HORIZON) : to;
        if (!from.isBefore(until)) {
            return List.of();
        }
        List<Upcoming> found = new ArrayList<>();
        tenants.read(workspace, () -> jdbc.sql(
                        """
                        select r.*
                          from post_repeats r
                          join posts p on p.workspace_id = r.workspace_id and p.id = r.post_id
                         where r.workspace_id = :w and r.next_post_id is null and r.ended is null
                           and p.status not in ('draft', 'pending_approval')
                           and (cast(:only as uuid) is null or r.post_id = :only)
                         limit :most""")
                .param("w", workspace.value())
                .param("only", only == null ? null : only.value())
                .param("most", SERIES)
                .query((rs, n) -> {
                    PostRepeats.Series series = PostRepeats.series(rs, n);
                    PostId post = new PostId(rs.getObject("post_id", UUID.class));
                    series.after(now, from, until, most)
                            .forEach(next ->
                                    found.add(new Upcoming(post, next.at().toInstant(), next.occurrence())));
                    return post;
                })
                .list());
        return found.stream()
                .sorted(Comparator.comparing(Upcoming::at))
                .limit(most)
                .toList();
    }
}
