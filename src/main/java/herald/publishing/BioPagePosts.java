package herald.publishing;

import herald.audit.AuditLog;
import herald.database.TenantScope;
import herald.shared.Conflict;
import herald.shared.NotFound;
import herald.shared.WorkspaceId;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where each post stands with its workspace's link-in-bio page ({@link BioPage}, docs/bio-page.md): whether it could
 * be there, whether an editor took it off or pinned it to the top, and those changes.
 */
@Component
public class BioPagePosts {

    private final JdbcClient jdbc;
    private final TenantScope tenants;
    private final AuditLog audit;

    BioPagePosts(JdbcClient jdbc, TenantScope tenants, AuditLog audit) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.audit = audit;
    }

    /**
     * Where the post stands with the workspace's page: whether it could show there at all (published, with a link),
     * whether an editor took it off, and whether one pinned it to the top.
     */
    public record Standing(boolean eligible, boolean hidden, boolean pinned) {

        /** Whether the page shows it now (when the page is up). */
        public boolean shown() {
            return eligible && !hidden;
        }
    }

    /**
     * The post's standing with the page.
     *
     * @throws NotFound when the workspace has no such post
     */
    public Standing standing(WorkspaceId workspace, PostId post) {
        return tenants.read(workspace, () -> read(workspace, post));
    }

    /** Inside the workspace's transaction. */
    private Standing read(WorkspaceId workspace, PostId post) {
        return jdbc.sql(
                        """
                        select status, link, body, bio_hidden, bio_pinned_at is not null as pinned from posts
                        where workspace_id = :workspace and id = :post""")
                .param("workspace", workspace.value())
                .param("post", post.value())
                .query((rs, n) -> new Standing(
                        List.of("published", "partially_failed").contains(rs.getString("status"))
                                && (rs.getString("link") != null || BioPage.firstLink(rs.getString("body")) != null),
                        rs.getBoolean("bio_hidden"),
                        rs.getBoolean("pinned")))
                .optional()
                .orElseThrow(() -> new NotFound("This workspace has no post " + post + "."));
    }

    /**
     * Pins the post to the top of the page (putting it back on the page if it was taken off), or unpins it; recorded
     * in the audit log when it changes anything. At most {@link BioPage#MAX_PINNED} posts are pinned at once.
     *
     * @throws NotFound when the workspace has no such post
     * @throws Conflict when pinning a post that cannot be on the page (not published, or without a link), or a
     *     {@value BioPage#MAX_PINNED}th-plus-one
     */
    public Standing pin(WorkspaceId workspace, PostId post, boolean pinned) {
        return tenants.call(workspace, () -> {
            // The workspace's row, locked: two editors pinning at once count each other's pins.
            jdbc.sql("select 1 from workspaces where id = :id for update")
                    .param("id", workspace.value())
                    .query(Integer.class)
                    .optional();
            Standing before = read(workspace, post);
            if (pinned == before.pinned()) {
                return before;
            }
            if (pinned) {
                if (!before.eligible()) {
                    throw new Conflict(
                            "pinned", "Only a published post with a link can be pinned to the link-in-bio page.");
                }
                long others = jdbc.sql(
                                "select count(*) from posts where workspace_id = :workspace and bio_pinned_at is not null")
                        .param("workspace", workspace.value())
                        .query(Long.class)
                        .single();
                if (others >= BioPage.MAX_PINNED) {
                    throw new Conflict(
                            "pinned",
                            "At most " + BioPage.MAX_PINNED + " posts can be pinned to the link-in-bio page; unpin one"
                                    + " first.");
                }
            }
            jdbc.sql(
                            """
                            update posts set bio_pinned_at = case when :pinned then now() end,
                                bio_hidden = bio_hidden and not :pinned
                            where workspace_id = :workspace and id = :post""")
                    .param("pinned", pinned)
                    .param("workspace", workspace.value())
                    .param("post", post.value())
                    .update();
            audit.record(
                    workspace,
                    pinned ? "post.bio_page_pinned" : "post.bio_page_unpinned",
                    "post",
                    post.toString(),
                    Map.of());
            return read(workspace, post);
        });
    }

    /**
     * Takes the post off the page (unpinning it), or puts it back; recorded in the audit log when it changes anything.
     *
     * @throws NotFound when the workspace has no such post
     */
    public Standing show(WorkspaceId workspace, PostId post, boolean shown) {
        return tenants.call(workspace, () -> {
            int changed = jdbc.sql("update posts set bio_hidden = :hidden, bio_pinned_at = case when :hidden then null"
                            + " else bio_pinned_at end where workspace_id = :workspace and id = :post"
                            + " and bio_hidden <> :hidden")
                    .param("hidden", !shown)
                    .param("workspace", workspace.value())
                    .param("post", post.value())
                    .update();
            if (changed > 0) {
                audit.record(
                        workspace,
                        shown ? "post.bio_page_shown" : "post.bio_page_hidden",
                        "post",
                        post.toString(),
                        Map.of());
            }
            return read(workspace, post);
        });
    }
}
