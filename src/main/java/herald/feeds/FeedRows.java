package herald.feeds;

import static herald.database.SqlTimes.instant;

import herald.connections.ConnectionId;
import herald.shared.WorkspaceId;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of feeds (their items: {@link FeedItemRows}); every method runs inside the caller's tenant transaction. */
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

    private static UUID[] uuids(Array array) throws SQLException {
        return (UUID[]) array.getArray();
    }
}
