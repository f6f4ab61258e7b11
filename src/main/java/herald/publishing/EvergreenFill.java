package herald.publishing;

import herald.connections.ConnectionId;
import herald.database.TenantScope;
import herald.shared.InvalidInput;
import herald.shared.LimitReached;
import herald.shared.NotFound;
import herald.shared.WorkspaceId;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Refilling the queue from the evergreen library ({@link Evergreen}, docs/evergreen.md): when the workspace refills,
 * each {@link #fill} queues copies of its posts into the posting schedule's free slots of the next day ({@link
 * #AHEAD}): the post shared longest ago (or never) first, each at most every so many days, on the accounts it was
 * published to, while its {@link Evergreen.Limits} allow (its number of shares, its last day). A share is claimed on
 * its row before its copy is made, so two fills at once share a post once; a copy that cannot be made (an account gone,
 * the day's posts used up) gives the claim back and keeps the reason.
 */
@Component
public class EvergreenFill {

    private static final Logger log = LoggerFactory.getLogger(EvergreenFill.class);

    /** How far ahead a fill looks for free slots. */
    public static final Duration AHEAD = Duration.ofHours(24);

    /** The most copies one fill makes in a workspace. */
    static final int PER_FILL = 10;

    private final JdbcClient jdbc;
    private final TenantScope tenants;
    private final Evergreen library;
    private final Posts posts;
    private final PostingSchedule schedule;
    private final Clock clock;

    EvergreenFill(
            JdbcClient jdbc,
            TenantScope tenants,
            Evergreen library,
            Posts posts,
            PostingSchedule schedule,
            Clock clock) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.library = library;
        this.posts = posts;
        this.schedule = schedule;
        this.clock = clock;
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
        Integer days = library.every(workspace);
        if (days == null) {
            return List.of();
        }
        Instant now = clock.instant();
        Instant due = now.minus(Duration.ofDays(days));
        ZoneId zone = library.zone(workspace);
        List<Evergreen.Entry> waiting = library.list(workspace).stream()
                .filter(e -> !e.done())
                .filter(e -> e.lastSharedAt() == null || !e.lastSharedAt().isAfter(due))
                .toList();
        List<Post> made = new java.util.ArrayList<>();
        for (Evergreen.Entry entry : waiting) {
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
            if (!entry.sharesOn(LocalDate.ofInstant(free.getFirst(), zone))) {
                continue; // the free slot is after its last day: the next fill finds it done
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
    private boolean claim(WorkspaceId workspace, Evergreen.Entry entry, Instant due, Instant now) {
        return tenants.call(workspace, () -> jdbc.sql(
                                """
                                update post_evergreen set last_shared_at = :now
                                where workspace_id = :workspace and post_id = :post
                                  and (last_shared_at is null or last_shared_at <= :due)
                                  and (max_shares is null or shares < max_shares)""")
                        .param("now", Timestamp.from(now))
                        .param("workspace", workspace.value())
                        .param("post", entry.post().value())
                        .param("due", Timestamp.from(due))
                        .update())
                > 0;
    }

    private void giveBack(WorkspaceId workspace, Evergreen.Entry entry, String problem, Instant now) {
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
                        copy.firstComment())
                .withThread(copy.threadContent())
                .inLanguage(copy.language());
    }

    private static Provenance provenance(Post original) {
        return new Provenance(Provenance.Origin.SYSTEM, "system", original.id().toString(), "the evergreen library");
    }
}
