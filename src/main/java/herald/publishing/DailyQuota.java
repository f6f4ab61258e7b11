package herald.publishing;

import herald.shared.WorkspaceId;
import herald.tenancy.Plans;
import herald.tenancy.Workspace;
import herald.tenancy.Workspaces;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    private final JdbcClient jdbc;
    private final Map<WorkspaceId, Known> known = new ConcurrentHashMap<>();

    DailyQuota(Workspaces workspaces, Plans plans, JdbcClient jdbc) {
        this.workspaces = workspaces;
        this.plans = plans;
        this.jdbc = jdbc;
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

    /** Why {@code post} may not be published now, or empty when today has room for it. Runs in the tenant's scope. */
    Optional<String> refusal(WorkspaceId workspace, PostId post, Instant now) {
        Known row = known(workspace);
        int perDay = plans.get(row.plan()).limits().postsPerDay();
        LocalDate day = now.atZone(row.zone()).toLocalDate();
        Instant from = day.atStartOfDay(row.zone()).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(row.zone()).toInstant();
        int today = jdbc.sql(
                        """
                        select count(distinct post_id) from post_targets
                        where workspace_id = :workspace and post_id <> :post
                          and ((status = 'published' and published_at >= :from and published_at < :to)
                               or status = 'publishing')""")
                .param("workspace", workspace.value())
                .param("post", post.value())
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query(Integer.class)
                .single();
        if (today < perDay) {
            return Optional.empty();
        }
        return Optional.of("The " + row.plan() + " plan allows " + perDay + " posts a day, and this workspace has"
                + " already published " + today + " on " + day + " ("
                + row.zone().getId() + "), so Herald did"
                + " not send this one. Publish it again tomorrow, or upgrade the plan.");
    }
}
