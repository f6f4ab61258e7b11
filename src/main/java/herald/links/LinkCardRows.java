package herald.links;

import herald.shared.WorkspaceId;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of {@code link_cards} (V162). Called inside the workspace's scope. */
@Component
class LinkCardRows {

    /** A kept read of a page: its card, or why there is none, and when it was read. */
    record Kept(@Nullable LinkCard card, @Nullable String failure, Instant fetchedAt) {}

    private final JdbcClient jdbc;

    LinkCardRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Kept> find(WorkspaceId workspace, URI url) {
        return jdbc.sql(
                        """
                        select url, title, description, image_url, site_name, failure, fetched_at from link_cards
                        where workspace_id = :workspace and url = :url""")
                .param("workspace", workspace.value())
                .param("url", url.toString())
                .query(LinkCardRows::kept)
                .optional();
    }

    /**
     * Forgets the workspace's cards read before {@code before}: called as a card is kept, so the table holds what the
     * workspace linked to lately, whatever it linked to once.
     */
    int forget(WorkspaceId workspace, Instant before) {
        return jdbc.sql("delete from link_cards where workspace_id = :workspace and fetched_at < :before")
                .param("workspace", workspace.value())
                .param("before", Timestamp.from(before))
                .update();
    }

    void keep(WorkspaceId workspace, URI url, @Nullable LinkCard card, @Nullable String failure, Instant at) {
        jdbc.sql(
                        """
                        insert into link_cards (workspace_id, url, title, description, image_url, site_name, failure,
                            fetched_at)
                        values (:workspace, :url, :title, :description, :image, :site, :failure, :at)
                        on conflict (workspace_id, url) do update set title = excluded.title,
                            description = excluded.description, image_url = excluded.image_url,
                            site_name = excluded.site_name, failure = excluded.failure, fetched_at = excluded.fetched_at""")
                .param("workspace", workspace.value())
                .param("url", url.toString())
                .param("title", card == null ? null : card.title())
                .param("description", card == null ? null : card.description())
                .param(
                        "image",
                        card == null || card.image() == null
                                ? null
                                : card.image().toString())
                .param("site", card == null ? null : card.siteName())
                .param("failure", failure == null ? null : LinkCardFetcher.clip(failure, 300))
                .param("at", Timestamp.from(at))
                .update();
    }

    private static Kept kept(ResultSet rs, int row) throws SQLException {
        Instant at = rs.getTimestamp("fetched_at").toInstant();
        String failure = rs.getString("failure");
        if (failure != null) {
            return new Kept(null, failure, at);
        }
        String image = rs.getString("image_url");
        return new Kept(
                new LinkCard(
                        URI.create(rs.getString("url")),
                        rs.getString("title"),
                        rs.getString("description"),
                        image == null ? null : URI.create(image),
                        rs.getString("site_name")),
                null,
                at);
    }
}
