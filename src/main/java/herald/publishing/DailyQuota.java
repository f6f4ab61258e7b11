package herald.publishing;

import herald.shared.LimitReached;
import herald.shared.WorkspaceId;
import herald.tenancy.Plans;
import herald.tenancy.Workspace;
import herald.tenancy.Workspaces;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The plan's posts/day, checked again when a target is about to be published (docs/adr/0008, "Quotas at publish
 * time"): creation checked the day the post was scheduled for, but the plan may have changed since, or posts published
 * now (publish-again, retries that slipped past midnight) may have filled today. A post counts once for a day in the
 * workspace's time zone when any of its targets was published that day or is being published now. A plan change
 * takes effect here within ten seconds.
 */
@Component
class DailyQuota {

    /** A workspace's plan and time zone are read at most once per {@link #FRESH}: a burst claims many targets each. */
    static final long FRESH = java.util.concurrent.TimeUnit.SECONDS.toNanos(10);

    private record Known(String plan, ZoneId zone, long readAt) {}

    private final Workspaces workspaces;
    private final Plans plans;
    private final PostReads reads;
    private final Map<WorkspaceId, Known> known = new ConcurrentHashMap<>();

    DailyQuota(Workspaces workspaces, Plans plans, PostReads reads) {
        this.workspaces = workspaces;
        this.plans = plans;
        this.reads = reads;
    }

    /**
     * When a post is created or moved: the day {@code due} falls on in the workspace's zone must have room under the
     * plan's posts/day, counting every post due (or published) that day but {@code except}; the plan is read fresh.
     * Runs inside the transaction that stores the post.
     *
     * @throws LimitReached when that day is full
     */
    void requireRoom(WorkspaceId workspace, Instant due, @Nullable PostId except) {
        Workspace row = workspaces.require(workspace);
        Day day = Day.of(
                due, row.timezone(), row.plan(), plans.get(row.plan()).limits().postsPerDay());
        if (reads.countDue(workspace, day.from(), day.to(), except) >= day.perDay()) {
            throw new LimitReached(
                    "posts-per-day",
                    "The " + day.plan() + " plan allows " + day.perDay() + " posts per day, and " + day.date()
                            + " has them all. Choose another day or upgrade the plan.");
        }
    }

    private Known known(WorkspaceId workspace) {
        Known cached = known.get(workspace);
        if (cached != null && System.nanoTime() - cached.readAt() < FRESH) {
            return cached;
        }
        if (known.size() > 10_000) {
            known.clear();
        }
        Workspace row = workspaces.require(workspace);
        Known fresh = new Known(row.plan(), row.timezone(), System.nanoTime());
        known.put(workspace, fresh);
        return fresh;
    }

    /** Today in the workspace's time zone, as the quota counts it: {@code [from, to)}, and the plan's posts/day. */
    record Day(LocalDate date, ZoneId zone, Instant from, Instant to, String plan, int perDay) {

        /** The day {@code at} falls on in {@code zone}. */
        static Day of(Instant at, ZoneId zone, String plan, int perDay) {
            LocalDate date = at.atZone(zone).toLocalDate();
            return new Day(
                    date,
                    zone,
                    date.atStartOfDay(zone).toInstant(),
                    date.plusDays(1).atStartOfDay(zone).toInstant(),
                    plan,
                    perDay);
        }
    }

    /** The day of {@code now} for the workspace; its plan and zone come from a cache at most {@link #FRESH} old. */
    Day day(WorkspaceId workspace, Instant now) {
        Known row = known(workspace);
        return Day.of(
                now, row.zone(), row.plan(), plans.get(row.plan()).limits().postsPerDay());
    }

    /**
     * Why a post may not be published now, or empty when today has room for it: {@code today} is the number of the
     * workspace's other posts counted for {@code day} (published that day, or being published now), counted by the
     * claim ({@link Attempts#claim}).
     */
    Optional<String> refusal(Day day, int today) {
        if (today < day.perDay()) {
            return Optional.empty();
        }
        return Optional.of("The " + day.plan() + " plan allows " + day.perDay() + " posts a day, and this workspace"
                + " has already published " + today + " on " + day.date() + " ("
                + day.zone().getId() + "), so Herald did"
                + " not send this one. Publish it again tomorrow, or upgrade the plan.");
    }
}
