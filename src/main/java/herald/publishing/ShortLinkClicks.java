package herald.publishing;

import static herald.database.SqlTimes.instant;

import herald.connections.ConnectionId;
import herald.database.TenantScope;
import herald.shared.WorkspaceId;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the short links ({@link ShortLinks}) of a workspace's posts were clicked: each post's links, and the clicks by
 * post, by target and by day, for the post's page, the analytics, the report and the figures of the API.
 */
@Component
public class ShortLinkClicks {

    private final JdbcClient jdbc;
    private final TenantScope tenants;
    private final ShortLinks links;

    ShortLinkClicks(JdbcClient jdbc, TenantScope tenants, ShortLinks links) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.links = links;
    }

    /** A post's short links, by account and part, with their clicks. */
    public List<ShortLink> of(WorkspaceId workspace, PostId post) {
        return tenants.read(workspace, () -> jdbc.sql(
                        """
                        select s.*, t.account from short_links s
                        left join post_targets t on t.workspace_id = s.workspace_id and t.id = s.target_id
                        where s.workspace_id = :workspace and s.post_id = :post
                        order by t.account nulls last, s.target_id, s.part desc, s.created_at, s.code""")
                .param("workspace", workspace.value())
                .param("post", post.value())
                .query((rs, n) -> new ShortLink(
                        rs.getString("code"),
                        links.address(rs.getString("code")),
                        rs.getString("url"),
                        new TargetId(rs.getObject("target_id", UUID.class)),
                        rs.getString("account"),
                        rs.getString("part"),
                        rs.getLong("clicks"),
                        rs.getTimestamp("created_at").toInstant(),
                        instant(rs, "last_clicked_at"),
                        instant(rs, "turned_off_at")))
                .list());
    }

    /** The clicks on the short links of each of the post's targets; targets without any are left out. */
    public Map<TargetId, Long> clicksByTarget(WorkspaceId workspace, PostId post) {
        return clicksByTarget(workspace, List.of(post));
    }

    /** The clicks on the short links of each target of these posts; targets without any are left out. */
    public Map<TargetId, Long> clicksByTarget(WorkspaceId workspace, Collection<PostId> posts) {
        return sums(workspace, posts, "target_id", TargetId::new);
    }

    /** The clicks on the short links of each of these posts; posts without any are left out. */
    public Map<PostId, Long> clicks(WorkspaceId workspace, Collection<PostId> posts) {
        return sums(workspace, posts, "post_id", PostId::new);
    }

    /** The clicks of these posts' short links summed by {@code column} ({@code post_id} or {@code target_id}). */
    private <K> Map<K, Long> sums(
            WorkspaceId workspace, Collection<PostId> posts, String column, java.util.function.Function<UUID, K> key) {
        if (posts.isEmpty()) {
            return Map.of();
        }
        Map<K, Long> clicks = new HashMap<>();
        tenants.read(workspace, () -> jdbc.sql("select " + column + ", sum(clicks) from short_links"
                        + " where workspace_id = :workspace and post_id in (:posts) group by " + column)
                .param("workspace", workspace.value())
                .param("posts", posts.stream().map(PostId::value).toList())
                .query((rs, n) -> clicks.put(key.apply(rs.getObject(1, UUID.class)), rs.getLong(2)))
                .list());
        return clicks;
    }

    /**
     * The clicks on the workspace's short links from one day to another (both included), days as UTC counts them;
     * only those of links published on {@code account}, and of posts tagged {@code tag} (in any case), when they are
     * not null.
     */
    public long clicksBetween(
            WorkspaceId workspace, LocalDate from, LocalDate to, @Nullable ConnectionId account, @Nullable String tag) {
        return byDay(workspace, from, to, account, tag).values().stream()
                .mapToLong(Long::longValue)
                .sum();
    }

    /** {@link #clicksBetween} day by day; days without a click are left out. */
    public Map<LocalDate, Long> byDay(
            WorkspaceId workspace, LocalDate from, LocalDate to, @Nullable ConnectionId account, @Nullable String tag) {
        Map<LocalDate, Long> days = new HashMap<>();
        tenants.read(workspace, () -> jdbc.sql(
                        """
                        select d.day, sum(d.clicks) from short_link_days d
                        join short_links s on s.code = d.code
                        where d.workspace_id = :workspace and d.day between :from and :to
                          and (cast(:account as uuid) is null or exists (
                              select 1 from post_targets t
                              where t.workspace_id = s.workspace_id and t.id = s.target_id
                                and t.connection_id = cast(:account as uuid)))
                          and (cast(:tag as text) is null or exists (
                              select 1 from posts p, unnest(p.tags) as tag
                              where p.workspace_id = s.workspace_id and p.id = s.post_id
                                and lower(tag) = lower(cast(:tag as text))))
                        group by d.day""")
                .param("workspace", workspace.value())
                .param("from", from)
                .param("to", to)
                .param("account", account == null ? null : account.value())
                .param("tag", tag)
                .query((rs, n) -> days.put(rs.getObject(1, LocalDate.class), rs.getLong(2)))
                .list());
        return days;
    }
}
