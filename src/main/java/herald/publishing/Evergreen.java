package herald.publishing;

import static herald.database.SqlTimes.instant;

import herald.audit.AuditLog;
import herald.database.TenantScope;
import herald.shared.Conflict;
import herald.shared.InvalidInput;
import herald.shared.NotFound;
import herald.shared.WorkspaceId;
import herald.tenancy.Workspaces;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The workspace's evergreen library (docs/evergreen.md): published posts an editor keeps to share again, and how
 * often the queue is refilled from it ({@link #every}), and how long each post is shared ({@link Limits}); {@link
 * EvergreenFill} does the refilling.
 */
@Component
public class Evergreen {

    private final JdbcClient jdbc;
    private final TenantScope tenants;
    private final Posts posts;
    private final AuditLog audit;
    private final Workspaces workspaces;
    private final Clock clock;

    Evergreen(JdbcClient jdbc, TenantScope tenants, Posts posts, AuditLog audit, Workspaces workspaces, Clock clock) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.posts = posts;
        this.audit = audit;
        this.workspaces = workspaces;
        this.clock = clock;
    }

    /** The most copies a post's limit may allow. */
    public static final int MAX_SHARES = 1000;

    /**
     * How long a post is shared again: at most {@code maxShares} copies, none in a slot after {@code until} (its last
     * day, in the workspace's zone); null: no such limit.
     */
    public record Limits(@Nullable Integer maxShares, @Nullable LocalDate until) {

        public static final Limits NONE = new Limits(null, null);
    }

    /**
     * A post in the library.
     *
     * @param lastSharedAt when its last copy was queued; null before the first
     * @param lastCopy that copy, which may be deleted since
     * @param problem why the last fill could not share it, cleared by the next share; null when none
     * @param limits how long it is shared
     * @param done whether it reached its limits: all its shares made, or its last day past (in the workspace's zone)
     */
    public record Entry(
            PostId post,
            String text,
            Instant addedAt,
            int shares,
            @Nullable Instant lastSharedAt,
            @Nullable PostId lastCopy,
            @Nullable String problem,
            Limits limits,
            boolean done) {

        /** Whether its limits let a copy of it go out at {@code day} (in the workspace's zone). */
        boolean sharesOn(LocalDate day) {
            return !done && (limits.until() == null || !day.isAfter(limits.until()));
        }
    }

    /**
     * The library, the post shared longest ago (or never) first: the order a fill takes them in; the posts done with
     * their limits last.
     */
    public List<Entry> list(WorkspaceId workspace) {
        LocalDate today = today(workspace);
        return tenants
                .read(workspace, () -> jdbc.sql(
                                """
                                select e.*, p.body from post_evergreen e
                                join posts p on p.workspace_id = e.workspace_id and p.id = e.post_id
                                where e.workspace_id = :workspace
                                order by e.last_shared_at nulls first, e.added_at, e.post_id""")
                        .param("workspace", workspace.value())
                        .query((rs, n) -> entry(rs, today))
                        .list())
                .stream()
                .sorted(Comparator.comparing(Entry::done))
                .toList();
    }

    /** The post's place in the library, if it has one. */
    public Optional<Entry> of(WorkspaceId workspace, PostId post) {
        LocalDate today = today(workspace);
        return tenants.read(workspace, () -> jdbc.sql(
                        """
                        select e.*, p.body from post_evergreen e
                        join posts p on p.workspace_id = e.workspace_id and p.id = e.post_id
                        where e.workspace_id = :workspace and e.post_id = :post""")
                .param("workspace", workspace.value())
                .param("post", post.value())
                .query((rs, n) -> entry(rs, today))
                .optional());
    }

    /**
     * Keeps a published post in the library with these limits, replacing those it had; a change is audited.
     *
     * @throws NotFound when the workspace has no such post
     * @throws Conflict when it is not published (on at least one account)
     * @throws InvalidInput for a number of shares outside 1-{@value #MAX_SHARES}, or a last day already past
     */
    public Entry add(WorkspaceId workspace, PostId post, Limits limits) {
        if (limits.maxShares() != null && (limits.maxShares() < 1 || limits.maxShares() > MAX_SHARES)) {
            throw new InvalidInput("maxShares", "Share it at most 1 to " + MAX_SHARES + " times, or without a limit.");
        }
        LocalDate today = today(workspace);
        if (limits.until() != null && limits.until().isBefore(today)) {
            throw new InvalidInput(
                    "until",
                    "Its last day to be shared, " + limits.until() + ", is already past in the workspace's time zone ("
                            + today + " there); choose today or a later day, or none.");
        }
        Entry before = add(workspace, post);
        if (before.limits().equals(limits)) {
            return before;
        }
        tenants.run(workspace, () -> {
            jdbc.sql(
                            """
                            update post_evergreen set max_shares = :max, share_until = :until
                            where workspace_id = :workspace and post_id = :post""")
                    .param("max", limits.maxShares())
                    .param("until", limits.until() == null ? null : Date.valueOf(limits.until()))
                    .param("workspace", workspace.value())
                    .param("post", post.value())
                    .update();
            audit.record(
                    workspace,
                    "post.evergreen_limited",
                    "post",
                    post.toString(),
                    Map.of(
                            "max_shares",
                            limits.maxShares() == null ? "none" : String.valueOf(limits.maxShares()),
                            "until",
                            limits.until() == null ? "none" : limits.until().toString()));
        });
        return of(workspace, post).orElseThrow();
    }

    /**
     * Keeps a published post in the library; a post already there stays as it is.
     *
     * @throws NotFound when the workspace has no such post
     * @throws Conflict when it is not published (on at least one account)
     */
    public Entry add(WorkspaceId workspace, PostId post) {
        Post found = posts.get(workspace, post);
        if (found.status() != PostStatus.PUBLISHED && found.status() != PostStatus.PARTIALLY_FAILED) {
            throw new Conflict(
                    "status",
                    "Only a published post can be evergreen; this one is "
                            + found.status().value() + ".");
        }
        tenants.run(workspace, () -> {
            int added = jdbc.sql(
                            """
                            insert into post_evergreen (workspace_id, post_id) values (:workspace, :post)
                            on conflict do nothing""")
                    .param("workspace", workspace.value())
                    .param("post", post.value())
                    .update();
            if (added > 0) {
                audit.record(workspace, "post.evergreen_added", "post", post.toString(), Map.of());
            }
        });
        return of(workspace, post).orElseThrow();
    }

    /** Takes the post out of the library; its copies stay as they are. Nothing happens for a post not in it. */
    public void remove(WorkspaceId workspace, PostId post) {
        tenants.run(workspace, () -> {
            int removed = jdbc.sql("delete from post_evergreen where workspace_id = :workspace and post_id = :post")
                    .param("workspace", workspace.value())
                    .param("post", post.value())
                    .update();
            if (removed > 0) {
                audit.record(workspace, "post.evergreen_removed", "post", post.toString(), Map.of());
            }
        });
    }

    /** At most one share of a post every so many days, or null when the workspace does not refill its queue. */
    public @Nullable Integer every(WorkspaceId workspace) {
        return tenants.read(workspace, () -> jdbc.sql("select evergreen_every_days from workspaces where id = :id")
                .param("id", workspace.value())
                .query((rs, n) -> (Integer) rs.getObject(1))
                .optional()
                .orElse(null));
    }

    /**
     * Refills the queue from the library with at most one share of a post every {@code days} days, or stops (null).
     *
     * @throws InvalidInput for a number of days outside 1-365
     */
    public void every(WorkspaceId workspace, @Nullable Integer days) {
        if (days != null && (days < 1 || days > 365)) {
            throw new InvalidInput("evergreenEveryDays", "Share an evergreen post at most every 1 to 365 days.");
        }
        tenants.run(workspace, () -> {
            int changed = jdbc.sql(
                            """
                            update workspaces set evergreen_every_days = :days
                            where id = :id and evergreen_every_days is distinct from :days""")
                    .param("days", days)
                    .param("id", workspace.value())
                    .update();
            if (changed > 0) {
                audit.record(
                        workspace,
                        "workspace.evergreen_changed",
                        "workspace",
                        workspace.toString(),
                        Map.of("every_days", days == null ? "off" : String.valueOf(days)));
            }
        });
    }

    /** The workspace's zone, in which a post's last day to be shared is read. */
    ZoneId zone(WorkspaceId workspace) {
        return workspaces.require(workspace).timezone();
    }

    private LocalDate today(WorkspaceId workspace) {
        return LocalDate.now(clock.withZone(zone(workspace)));
    }

    static Entry entry(java.sql.ResultSet rs, LocalDate today) throws java.sql.SQLException {
        UUID copy = rs.getObject("last_copy_id", UUID.class);
        Date until = rs.getDate("share_until");
        var limits = new Limits((Integer) rs.getObject("max_shares"), until == null ? null : until.toLocalDate());
        int shares = rs.getInt("shares");
        boolean done = (limits.maxShares() != null && shares >= limits.maxShares())
                || (limits.until() != null && today.isAfter(limits.until()));
        return new Entry(
                new PostId(rs.getObject("post_id", UUID.class)),
                rs.getString("body"),
                rs.getTimestamp("added_at").toInstant(),
                shares,
                instant(rs, "last_shared_at"),
                copy == null ? null : new PostId(copy),
                rs.getString("last_problem"),
                limits,
                done);
    }
}
