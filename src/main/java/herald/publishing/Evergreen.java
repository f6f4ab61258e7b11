package herald.publishing;

import static herald.database.SqlTimes.instant;

import herald.audit.AuditLog;
import herald.database.TenantScope;
import herald.shared.Conflict;
import herald.shared.InvalidInput;
import herald.shared.NotFound;
import herald.shared.WorkspaceId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The workspace's evergreen library (docs/evergreen.md): published posts an editor keeps to share again, and how
 * often the queue is refilled from it ({@link #every}); {@link EvergreenFill} does the refilling.
 */
@Component
public class Evergreen {

    private final JdbcClient jdbc;
    private final TenantScope tenants;
    private final Posts posts;
    private final AuditLog audit;

    Evergreen(JdbcClient jdbc, TenantScope tenants, Posts posts, AuditLog audit) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.posts = posts;
        this.audit = audit;
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

    static Entry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
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
