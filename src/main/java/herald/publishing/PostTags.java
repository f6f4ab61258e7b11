package herald.publishing;

import herald.audit.AuditLog;
import herald.database.TenantScope;
import herald.shared.InvalidInput;
import herald.shared.WorkspaceId;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A workspace's own labels on its posts (a campaign, a product line, a content pillar), to find, filter and count posts
 * by. A tag is spelled as first written and matched in any case; a post's tags change in any status, a published post's
 * included, since tagging is how a team files what went out.
 */
@Component
public class PostTags {

    public static final int MAX_PER_POST = 10;
    public static final int MAX_LENGTH = 40;

    /** A tag and how many of the workspace's posts carry it. */
    public record Count(String tag, int posts) {}

    private final JdbcClient jdbc;
    private final TenantScope tenants;
    private final PostRows rows;
    private final AuditLog audit;
    private final Clock clock;

    PostTags(JdbcClient jdbc, TenantScope tenants, PostRows rows, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.rows = rows;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Tags as written by a person or a program: trimmed, inner spaces collapsed, a leading {@code #} dropped, and each
     * kept once whatever its case (the first spelling wins).
     *
     * @throws InvalidInput on {@code tags} for more than {@value #MAX_PER_POST}, one longer than {@value #MAX_LENGTH}
     *     characters, or one with a comma (which separates tags in forms and files)
     */
    public static List<String> read(@Nullable List<String> written) {
        List<String> tags = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String raw : written == null ? List.<String>of() : written) {
            String tag = raw == null ? "" : raw.strip().replaceAll("\\s+", " ");
            while (tag.startsWith("#")) {
                tag = tag.substring(1).strip();
            }
            if (tag.isEmpty()) {
                continue;
            }
            if (tag.contains(",")) {
                throw new InvalidInput("tags", "A tag has no commas: '" + tag + "' would be several tags.");
            }
            if (tag.length() > MAX_LENGTH) {
                throw new InvalidInput(
                        "tags",
                        "'" + tag + "' has " + tag.length() + " characters; a tag has at most " + MAX_LENGTH + ".");
            }
            if (seen.add(tag.toLowerCase(Locale.ROOT))) {
                tags.add(tag);
            }
        }
        if (tags.size() > MAX_PER_POST) {
            throw new InvalidInput(
                    "tags", "A post has at most " + MAX_PER_POST + " tags; this has " + tags.size() + ".");
        }
        return List.copyOf(tags);
    }

    /** Tags written as one line: separated by commas. */
    public static List<String> read(@Nullable String line) {
        return line == null || line.isBlank() ? List.of() : read(List.of(line.split(",")));
    }

    /**
     * Replaces a post's tags, whatever its status.
     *
     * @throws herald.shared.NotFound when the workspace has no such post
     * @throws InvalidInput as {@link #read(List)}
     */
    public List<String> replace(WorkspaceId workspace, PostId post, @Nullable List<String> written) {
        List<String> tags = read(written);
        tenants.run(workspace, () -> {
            rows.lock(workspace, post).orElseThrow(() -> PostRefusals.notFound(post));
            jdbc.sql("update posts set tags = :tags, updated_at = :now where workspace_id = :workspace and id = :id")
                    .param("tags", tags.toArray(String[]::new))
                    .param("now", Timestamp.from(clock.instant()))
                    .param("workspace", workspace.value())
                    .param("id", post.value())
                    .update();
            audit.record(workspace, "post.tagged", "post", post.toString(), Map.of("tags", String.join(", ", tags)));
        });
        return tags;
    }

    /**
     * Adds {@code tag} to each of {@code posts} that does not carry it yet (in any case) and has room for it, or with
     * {@code remove} takes it off each that carries it; in one transaction, whatever their status.
     *
     * @return how many posts changed
     * @throws InvalidInput as {@link #read(List)}, or when no tag is given
     */
    public int tagAll(WorkspaceId workspace, List<PostId> posts, @Nullable String tag, boolean remove) {
        List<String> read = read(tag == null ? List.of() : List.of(tag));
        if (read.size() != 1) {
            throw new InvalidInput("tag", "Give the tag to " + (remove ? "remove." : "add."));
        }
        String one = read.getFirst();
        java.util.UUID[] ids = posts.stream().map(PostId::value).toArray(java.util.UUID[]::new);
        return tenants.call(workspace, () -> {
            List<java.util.UUID> changed = jdbc.sql(
                            remove
                                    ? """
                              update posts set tags = array(select t from unnest(tags) as t where lower(t) <> lower(:tag)),
                                  updated_at = :now
                              where workspace_id = :workspace and id = any(:ids)
                                and exists (select 1 from unnest(tags) as t where lower(t) = lower(:tag))
                              returning id"""
                                    : """
                              update posts set tags = tags || cast(:tag as text), updated_at = :now
                              where workspace_id = :workspace and id = any(:ids) and cardinality(tags) < :most
                                and not exists (select 1 from unnest(tags) as t where lower(t) = lower(:tag))
                              returning id""")
                    .param("tag", one)
                    .param("now", Timestamp.from(clock.instant()))
                    .param("workspace", workspace.value())
                    .param("ids", ids)
                    .param("most", MAX_PER_POST)
                    .query(java.util.UUID.class)
                    .list();
            for (java.util.UUID id : changed) {
                audit.record(
                        workspace, "post.tagged", "post", id.toString(), Map.of(remove ? "removed" : "added", one));
            }
            return changed.size();
        });
    }

    /** The workspace's tags, the most used first, each counted once whatever its case (shown as most often spelled). */
    public List<Count> all(WorkspaceId workspace) {
        return tenants.read(workspace, () -> jdbc.sql(
                        """
                        select mode() within group (order by tag) as tag, count(*) as posts
                        from posts p, unnest(p.tags) as tag
                        where p.workspace_id = :workspace and p.status <> 'cancelled'
                        group by lower(tag) order by count(*) desc, lower(tag) limit 500""")
                .param("workspace", workspace.value())
                .query((rs, n) -> new Count(rs.getString("tag"), rs.getInt("posts")))
                .list());
    }
}
