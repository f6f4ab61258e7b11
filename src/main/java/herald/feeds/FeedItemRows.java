package herald.feeds;

import static herald.database.SqlTimes.instant;

import herald.publishing.PostId;
import herald.shared.WorkspaceId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of the items a feed's checks saw, each once, with what became of it; every method runs inside the caller's
 * tenant transaction.
 */
@Component
class FeedItemRows {

    private final JdbcClient jdbc;

    FeedItemRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Which of these item keys the feed has seen. */
    Set<String> known(WorkspaceId workspace, FeedId feed, List<String> keys) {
        if (keys.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql(
                        """
                        select item_key from feed_items
                        where workspace_id = :workspace and feed_id = :feed and item_key = any(:keys)""")
                .param("workspace", workspace.value())
                .param("feed", feed.value())
                .param("keys", keys.toArray(String[]::new))
                .query(String.class)
                .list());
    }

    /**
     * Records an item unless the feed has it already; returns whether this call recorded it. A concurrent insert of the
     * same item waits on the unique index until the other transaction ends, then finds it (or, when that rolled back,
     * records it itself).
     */
    boolean record(
            WorkspaceId workspace,
            FeedId feed,
            UUID id,
            FeedDocument.Item item,
            String outcome,
            @Nullable String reason,
            Instant now) {
        return jdbc.sql(
                                """
                        insert into feed_items (workspace_id, feed_id, id, item_key, title, link, published_at,
                            outcome, reason, seen_at)
                        values (:workspace, :feed, :id, :key, :title, :link, :published, :outcome, :reason, :now)
                        on conflict (workspace_id, feed_id, item_key) do nothing""")
                        .param("workspace", workspace.value())
                        .param("feed", feed.value())
                        .param("id", id)
                        .param("key", item.key())
                        .param("title", item.title())
                        .param("link", item.link())
                        .param("published", item.published() == null ? null : Timestamp.from(item.published()))
                        .param("outcome", outcome)
                        .param(
                                "reason",
                                reason == null || reason.length() <= 1000 ? reason : reason.substring(0, 999) + "…")
                        .param("now", Timestamp.from(now))
                        .update()
                == 1;
    }

    void madePost(WorkspaceId workspace, UUID item, PostId post) {
        jdbc.sql("update feed_items set post_id = :post where workspace_id = :workspace and id = :id")
                .param("workspace", workspace.value())
                .param("id", item)
                .param("post", post.value())
                .update();
    }

    List<FeedItem> recent(WorkspaceId workspace, FeedId feed, int limit) {
        return jdbc.sql(
                        """
                        select * from feed_items where workspace_id = :workspace and feed_id = :feed
                        order by seen_at desc, published_at desc nulls last, id limit :limit""")
                .param("workspace", workspace.value())
                .param("feed", feed.value())
                .param("limit", limit)
                .query(FeedItemRows::item)
                .list();
    }

    private static FeedItem item(ResultSet rs, int n) throws SQLException {
        UUID post = rs.getObject("post_id", UUID.class);
        return new FeedItem(
                rs.getObject("id", UUID.class),
                new FeedId(rs.getObject("feed_id", UUID.class)),
                rs.getString("title"),
                rs.getString("link"),
                instant(rs, "published_at"),
                rs.getString("outcome"),
                post == null ? null : new PostId(post),
                rs.getString("reason"),
                rs.getTimestamp("seen_at").toInstant());
    }
}
