package herald.publishing;

import static herald.database.SqlTimes.instant;

import herald.audit.AuditLog;
import herald.connections.ConnectionId;
import herald.database.TenantScope;
import herald.shared.Conflict;
import herald.shared.InvalidInput;
import herald.shared.LimitReached;
import herald.shared.NotFound;
import herald.shared.WorkspaceId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The workspace's evergreen library (docs/evergreen.md): published posts an editor keeps to share again. When the
 * workspace refills ({@link #every}), each {@link #fill} queues copies of them into the posting schedule's free slots
 * of the next day ({@link #AHEAD}): the post shared longest ago (or never) first, each at most every so many days,
 * on the accounts it was published to. A share is claimed on its row before its copy is made, so two fills at once
 * share a post once; a copy that cannot be made (an account gone, the day's posts used up) gives the claim back.
 */
@Component
public class Evergreen {

    private static final Logger log = LoggerFactory.getLogger(Evergreen.class);

    /** How far ahead a fill looks for free slots. */
    public static final Duration AHEAD = Duration.ofHours(24);

    /** The most copies one fill makes in a workspace. */
    static final int PER_FILL = 10;

    private final JdbcClient jdbc;
    private final TenantScope tenants;
    private final Posts posts;
    private final PostingSchedule schedule;
    private final AuditLog audit;
    private final Clock clock;

    Evergreen(
            JdbcClient jdbc, TenantScope tenants, Posts posts, PostingSchedule schedule, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.posts = posts;
        this.schedule = schedule;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * A post in the library.
     *
     * @param lastSharedAt when its last copy was queued; null before the first
     * @param lastCopy that copy, which may be deleted since
     * @param problem why the last fill could not share it, cleared by the next share; null when none
     */
    public record Entry(
            PostId post,
            String text,
            Instant addedAt,
            int shares,
            @Nullable Instant lastSharedAt,
            @Nullable PostId lastCopy,
            @Nullable String problem) {}

    /** The library, the post shared longest ago (or never) first: the order a fill takes them in. */
    public List<Entry> list(WorkspaceId workspace) {
        return tenants.read(workspace, () -> jdbc.sql(
                        """
                        select e.*, p.body from post_evergreen e
                        join posts p on p.workspace_id = e.workspace_id and p.id = e.post_id
                        where e.workspace_id = :workspace
                        order by e.last_shared_at nulls first, e.added_at, e.post_id""")
                .param("workspace", workspace.value())
                .query((rs, n) -> entry(rs))
                .list());
    }

    /** The post's place in the library, if it has one. */
    public Optional<Entry> of(WorkspaceId workspace, PostId post) {
        return tenants.read(workspace, () -> jdbc.sql(
                        """
                        select e.*, p.body from post_evergreen e
                        join posts p on p.workspace_id = e.workspace_id and p.id = e.post_id
                        where e.workspace_id = :workspace and e.post_id = :post""")
                .param("workspace", workspace.value())
                .param("post", post.value())
                .query((rs, n) -> entry(rs))
                .optional());
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

    /** The workspaces a fill round visits: those that refill and have an evergreen post, by id. */
    List<WorkspaceId> workspaces(int limit) {
        return jdbc.sql("select workspace_id from herald_evergreen_workspaces(:limit)")
                .param("limit", limit)
                .query((rs, n) -> new WorkspaceId(rs.getObject(1, UUID.class)))
                .list();
    }

    /**
     * Queues copies of the library's posts into the free slots of the next day, the post shared longest ago first,
     * each not shared in the workspace's number of days; the copies made.
     */
    public List<Post> fill(WorkspaceId workspace) {
        Integer days = every(workspace);
        if (days == null) {
            return List.of();
        }
        Instant now = clock.instant();
        Instant due = now.minus(Duration.ofDays(days));
        List<Entry> waiting = list(workspace).stream()
                .filter(e -> e.lastSharedAt() == null || !e.lastSharedAt().isAfter(due))
                .toList();
        List<Post> made = new java.util.ArrayList<>();
        for (Entry entry : waiting) {
            if (made.size() == PER_FILL) {
                break;
            }
            Post original;
            try {
                original = posts.get(workspace, entry.post());
            } catch (NotFound gone) {
                continue;
            }
            List<ConnectionId> accounts = original.targets().stream()
                    .filter(t -> t.status() == TargetStatus.PUBLISHED)
                    .map(Target::connection)
                    .distinct()
                    .toList();
            if (accounts.isEmpty()) {
                continue;
            }
            List<Instant> free = schedule.nextFree(workspace, accounts, 1);
            if (free.isEmpty() || free.getFirst().isAfter(now.plus(AHEAD))) {
                continue; // its accounts' queue is full for the day: the next fill looks again
            }
            if (!claim(workspace, entry, due, now)) {
                continue; // another fill shared it meanwhile
            }
            try {
                Post copy = posts.create(workspace, copyOf(original, accounts), provenance(original), false);
                tenants.run(workspace, () -> jdbc.sql(
                                """
                                update post_evergreen set shares = shares + 1, last_copy_id = :copy,
                                    last_problem = null, last_problem_at = null
                                where workspace_id = :workspace and post_id = :post""")
                        .param("copy", copy.id().value())
                        .param("workspace", workspace.value())
                        .param("post", entry.post().value())
                        .update());
                made.add(copy);
            } catch (InvalidInput | LimitReached e) {
                // An account is gone or paused past its rules, the slot was taken, the day's posts are used up: the
                // claim is given back, and the post waits for the next fill.
                giveBack(workspace, entry, e.getMessage(), now);
                log.info(
                        "Evergreen post {} of workspace {} was not shared: {}",
                        entry.post(),
                        workspace,
                        e.getMessage());
            }
        }
        return made;
    }

    /** Marks the entry shared now, unless another fill did since it was read. */
    private boolean claim(WorkspaceId workspace, Entry entry, Instant due, Instant now) {
        return tenants.call(workspace, () -> jdbc.sql(
                                """
                                update post_evergreen set last_shared_at = :now
                                where workspace_id = :workspace and post_id = :post
                                  and (last_shared_at is null or last_shared_at <= :due)""")
                        .param("now", Timestamp.from(now))
                        .param("workspace", workspace.value())
                        .param("post", entry.post().value())
                        .param("due", Timestamp.from(due))
                        .update())
                > 0;
    }

    private void giveBack(WorkspaceId workspace, Entry entry, String problem, Instant now) {
        tenants.run(workspace, () -> jdbc.sql(
                        """
                        update post_evergreen set last_shared_at = :before, last_problem = :problem,
                            last_problem_at = :now
                        where workspace_id = :workspace and post_id = :post""")
                .param("before", entry.lastSharedAt() == null ? null : Timestamp.from(entry.lastSharedAt()))
                .param("problem", problem.length() <= 1000 ? problem : problem.substring(0, 999) + "…")
                .param("now", Timestamp.from(now))
                .param("workspace", workspace.value())
                .param("post", entry.post().value())
                .update());
    }

    /** The original as a queued copy, on the accounts it was published to. */
    private static NewPost copyOf(Post original, List<ConnectionId> accounts) {
        NewPost copy = NewPost.queuedCopyOf(original);
        return new NewPost(
                copy.body(),
                copy.link(),
                copy.media(),
                copy.targets().stream()
                        .filter(t -> accounts.contains(t.connection()))
                        .toList(),
                copy.scheduledAt(),
                copy.timezone(),
                false,
                copy.tags(),
                copy.tagLinks(),
                copy.firstComment());
    }

    private static Provenance provenance(Post original) {
        return new Provenance(Provenance.Origin.SYSTEM, "system", original.id().toString(), "the evergreen library");
    }

    private static Entry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        UUID copy = rs.getObject("last_copy_id", UUID.class);
        return new Entry(
                new PostId(rs.getObject("post_id", UUID.class)),
                rs.getString("body"),
                rs.getTimestamp("added_at").toInstant(),
                rs.getInt("shares"),
                instant(rs, "last_shared_at"),
                copy == null ? null : new PostId(copy),
                rs.getString("last_problem"));
    }
}
