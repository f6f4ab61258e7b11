package herald.publishing;

import herald.shared.WorkspaceId;
import herald.tenancy.Plans;
import herald.tenancy.Workspace;
import herald.tenancy.Workspaces;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The plan's posts/day, checked again when a target is about to be published (docs/adr/0008, "Quotas at publish
 * time"): creation checked the day the post was scheduled for, but the plan may have changed since, or posts published
 * now (publish-again, retries that slipped past midnight) may have filled today. A post counts once for a day in the
 * workspace's time zone when any of its targets was published that day or is being published now.
 */
@Component
class DailyQuota {

    private final Workspaces workspaces;
    private final Plans plans;
    private final JdbcClient jdbc;

    DailyQuota(Workspaces workspaces, Plans plans, JdbcClient jdbc) {
        this.workspaces = workspaces;
        this.plans = plans;
        this.jdbc = jdbc;
    }

    /** Why {@code post} may not be published now, or empty when today has room for it. Runs in the tenant's scope. */
    Optional<String> refusal(WorkspaceId workspace, PostId post, Instant now) {
        Workspace row = workspaces.require(workspace);
        int perDay = plans.get(row.plan()).limits().postsPerDay();
        LocalDate day = now.atZone(row.timezone()).toLocalDate();
        Instant from = day.atStartOfDay(row.timezone()).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(row.timezone()).toInstant();
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
                + row.timezone().getId() + "), so Herald did"
                + " not send this one. Publish it again tomorrow, or upgrade the plan.");
    }
}
