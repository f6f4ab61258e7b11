package herald.feeds;

import herald.connections.ConnectionId;
import herald.publishing.PostId;
import herald.shared.WorkspaceId;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of feeds and their items; every method runs inside the caller's tenant transaction. */
@Component
class FeedRows {

    private final JdbcClient jdbc;

    FeedRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The validators and state a check starts from. */
    record CheckState(
            boolean enabled, @Nullable Instant lastCheckedAt, @Nullable String etag, @Nullable String lastModified) {}

    void insert(
            WorkspaceId workspace,
            FeedId id,
            String url,
            String title,
            List<ConnectionId> accounts,
            FeedMode mode,
            String template,
            List<String> tags,
            String createdBy,
            Instant now) {
        jdbc.sql(
                        """
                        insert into feeds (workspace_id, id, url, title, connection_ids, mode, template, tags,
                            next_check_at, created_by, created_at, updated_at)
                        values (:workspace, :id, :url, :title, :accounts, :mode, :template, :tags, :now, :by, :now,
                            :now)""")
                .param("workspace", workspace.value())
                .param("id", id.value())
                .param("url", url)
                .param("title", title)
                .param("accounts", accounts.stream().map(ConnectionId::value).toArray(UUID[]::new))
                .param("mode", mode.value())
                .param("template", template)
                .param("tags", tags.toArray(String[]::new))
                .param("by", createdBy)
                .param("now", Timestamp.from(now))
                .update();
    }

    int count(WorkspaceId workspace) {
        return jdbc.sql("select count(*) from feeds where workspace_id = :workspace")
                .param("workspace", workspace.value())
                .query(Integer.class)
                .single();
    }

    List<Feed> all(WorkspaceId workspace) {
        return jdbc.sql("select * from feeds where workspace_id = :workspace order by created_at, id")
                .param("workspace", workspace.value())
                .query(FeedRows::feed)
                .list();
    }

    Optional<Feed> find(WorkspaceId workspace, FeedId id) {
        return jdbc.sql("select * from feeds where workspace_id = :workspace and id = :id")
                .param("workspace", workspace.value())
                .param("id", id.value())
                .query(FeedRows::feed)
                .optional();
    }

    Optional<CheckState> checkState(WorkspaceId workspace, FeedId id) {
        return jdbc.sql("select enabled, last_checked_at, etag, last_modified from feeds"
                        + " where workspace_id = :workspace and id = :id")
                .param("workspace", workspace.value())
                .param("id", id.value())
                .query((rs, n) -> new CheckState(
                        rs.getBoolean("enabled"),
                        instant(rs, "last_checked_at"),
                        rs.getString("etag"),
                        rs.getString("last_modified")))
                .optional();
    }

    int update(
            WorkspaceId workspace,
            FeedId id,
            List<ConnectionId> accounts,
            FeedMode mode,
            String template,
            List<String> tags,
            Instant now) {
        return jdbc.sql(
                        """
                        update feeds set connection_ids = :accounts, mode = :mode, template = :template, tags = :tags,
                            updated_at = :now
                        where workspace_id = :workspace and id = :id""")
                .param("workspace", workspace.value())
                .param("id", id.value())
                .param("accounts", accounts.stream().map(ConnectionId::value).toArray(UUID[]::new))
                .param("mode", mode.value())
                .param("template", template)
                .param("tags", tags.toArray(String[]::new))
                .param("now", Timestamp.from(now))
                .update();
    }

    /** Pauses, or resumes with a clean slate: no failures counted, checked at once. */
    void setEnabled(WorkspaceId workspace, FeedId id, boolean enabled, Instant now) {
        jdbc.sql(
                        """
                        update feeds set enabled = :enabled, updated_at = :now,
                            failures = case when :enabled then 0 else failures end,
                            last_error = case when :enabled then null else last_error end,
                            next_check_at = case when :enabled then :now else next_check_at end
                        where workspace_id = :workspace and id = :id""")
                .param("workspace", workspace.value())
                .param("id", id.value())
                .param("enabled", enabled)
                .param("now", Timestamp.from(now))
                .update();
    }

    void delete(WorkspaceId workspace, FeedId id) {
        jdbc.sql("delete from feeds where workspace_id = :workspace and id = :id")
                .param("workspace", workspace.value())
                .param("id", id.value())
                .update();
    }

    /** A good check: the feed's title and validators (kept when a 304 brought none), failures forgotten. */
    void checked(
            WorkspaceId workspace,
            FeedId id,
            @Nullable String title,
            @Nullable String etag,
            @Nullable String lastModified,
            Instant now,
            Instant next) {
        jdbc.sql(
                        """
                        update feeds set title = coalesce(:title, title), etag = coalesce(:etag, etag),
                            last_modified = coalesce(:modified, last_modified), last_checked_at = :now,
                            next_check_at = :next, failures = 0, last_error = null
                        where workspace_id = :workspace and id = :id""")
                .param("workspace", workspace.value())
                .param("id", id.value())
                .param("title", title)
                .param("etag", etag)
                .param("modified", lastModified)
                .param("now", Timestamp.from(now))
                .param("next", Timestamp.from(next))
                .update();
    }

    /** A failed check: counted, with its reason; {@code pause} turns the feed off. Returns the failures in a row. */
    int failed(
            WorkspaceId workspace,
            FeedId id,
            String error,
            Instant now,
            int maxFailures,
            java.util.function.IntFunction<Instant> next) {
        Integer failures = jdbc.sql(
                        """
                        update feeds set failures = failures + 1, last_error = :error, last_checked_at = :now
                        where workspace_id = :workspace and id = :id returning failures""")
                .param("workspace", workspace.value())
                .param("id", id.value())
                .param("error", error.length() > 500 ? error.substring(0, 499) + "…" : error)
                .param("now", Timestamp.from(now))
                .query(Integer.class)
                .optional()
                .orElse(0);
        jdbc.sql(
                        """
                        update feeds set next_check_at = :next, enabled = enabled and :keep
                        where workspace_id = :workspace and id = :id""")
                .param("workspace", workspace.value())
                .param("id", id.value())
                .param("next", Timestamp.from(next.apply(failures)))
                .param("keep", failures < maxFailures)
                .update();
        return failures;
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
                .query(FeedRows::item)
                .list();
    }

    private static Feed feed(ResultSet rs, int n) throws SQLException {
        return new Feed(
                new FeedId(rs.getObject("id", UUID.class)),
                rs.getString("url"),
                rs.getString("title"),
                Arrays.stream(uuids(rs.getArray("connection_ids")))
                        .map(ConnectionId::new)
                        .toList(),
                FeedMode.of(rs.getString("mode")),
                rs.getString("template"),
                List.of((String[]) rs.getArray("tags").getArray()),
                rs.getBoolean("enabled"),
                instant(rs, "last_checked_at"),
                instant(rs, "next_check_at"),
                rs.getString("last_error"),
                rs.getInt("failures"),
                rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
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

    private static UUID[] uuids(Array array) throws SQLException {
        return (UUID[]) array.getArray();
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
