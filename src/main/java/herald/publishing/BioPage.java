package herald.publishing;

import com.twitter.twittertext.Extractor;
import herald.assets.AssetId;
import herald.database.TenantScope;
import herald.shared.WorkspaceId;
import herald.tenancy.Workspaces;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A workspace's link-in-bio page (docs/bio-page.md): the one address a business puts in its Instagram profile, since
 * Instagram makes no link in a caption clickable. It shows the workspace's most recent published posts that have a
 * link (their link field, else the first http(s) link of their text), newest first, each leading to its link through a
 * short link of its own, so that the page's clicks count with the post's ({@link ShortLinks}); the posts an editor
 * pinned come first ({@link BioPagePosts#pin}). Off until an owner or admin turns it on; while off, the page does not
 * exist.
 */
@Component
public class BioPage {

    /** The most tiles a page shows. */
    public static final int MAX_TILES = 24;

    /**
     * How many of the workspace's latest published targets a page looks through (by the index of published targets),
     * so that a page costs the same however many posts the workspace has published.
     */
    static final int SCAN = 500;

    /** The most posts pinned to the top of a page at once. */
    public static final int MAX_PINNED = 3;

    /** Where the page lives under Herald's public address: {@code /bio/<slug>}. */
    public static final String PATH = "/bio/";

    private final JdbcClient jdbc;
    private final TenantScope tenants;
    private final Workspaces workspaces;
    private final ShortLinks links;

    BioPage(JdbcClient jdbc, TenantScope tenants, Workspaces workspaces, ShortLinks links) {
        this.jdbc = jdbc;
        this.tenants = tenants;
        this.workspaces = workspaces;
        this.links = links;
    }

    /**
     * A post on the page.
     *
     * @param address the short link the tile leads through
     * @param url where it leads
     * @param image the post's first image, to show as the tile; null for a tile of text
     * @param pinned whether an editor pinned it to the top
     */
    public record Tile(
            PostId post,
            String text,
            String url,
            String address,
            @Nullable AssetId image,
            Instant publishedAt,
            boolean pinned) {}

    /** The page as a reader sees it: the workspace's name, its own words (null for none) and its tiles. */
    public record Page(WorkspaceId workspace, String name, @Nullable String text, List<Tile> tiles) {}

    /** The page of the workspace with this slug, or empty when there is none or it is off. */
    public Optional<Page> of(String slug) {
        return workspaces
                .idOf(slug)
                .flatMap(workspace -> tenants.call(workspace, () -> jdbc.sql(
                                "select name, bio_page_text from workspaces where id = :id and bio_page")
                        .param("id", workspace.value())
                        .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                        .optional()
                        .map(row -> new Page(workspace, row[0], row[1], tiles(workspace)))));
    }

    /** A post that may become a tile, and the published target its short link is written on. */
    private record Candidate(
            PostId post,
            String body,
            @Nullable String link,
            List<AssetId> media,
            TargetId target,
            Instant at,
            boolean pinned) {}

    /**
     * Inside the workspace's transaction: the tiles, the pinned ones first, their short links written the first time
     * they are shown.
     */
    private List<Tile> tiles(WorkspaceId workspace) {
        // The pinned posts, whatever their age; the target that leads is the Instagram one when the post went there
        // (the page is for Instagram's readers).
        List<Candidate> candidates = new ArrayList<>(jdbc.sql(
                        """
                        select p.id, p.body, p.link, p.media_ids, t.id as target_id, t.published_at, true as pinned
                        from posts p
                        join lateral (
                            select t.id, t.published_at from post_targets t
                            where t.workspace_id = p.workspace_id and t.post_id = p.id and t.status = 'published'
                            order by (t.provider = 'instagram') desc, t.published_at desc
                            limit 1) t on true
                        where p.workspace_id = :workspace and p.bio_pinned_at is not null
                          and p.status in ('published', 'partially_failed')
                          and not p.bio_hidden and (p.link is not null or p.body ~* 'https?://')
                        order by p.bio_pinned_at desc, p.id
                        limit :limit""")
                .param("workspace", workspace.value())
                .param("limit", MAX_PINNED)
                .query((rs, n) -> candidate(rs))
                .list());
        // Then the newest, among the workspace's latest published targets.
        candidates.addAll(jdbc.sql(
                        """
                        select p.id, p.body, p.link, p.media_ids, t.id as target_id, t.published_at, false as pinned
                        from (
                            select distinct on (r.post_id) r.post_id, r.id, r.published_at
                            from (
                                select t.post_id, t.id, t.published_at, t.provider from post_targets t
                                where t.workspace_id = :workspace and t.status = 'published'
                                order by t.published_at desc
                                limit :scan) r
                            order by r.post_id, (r.provider = 'instagram') desc, r.published_at desc) t
                        join posts p on p.workspace_id = :workspace and p.id = t.post_id
                        where p.status in ('published', 'partially_failed') and p.bio_pinned_at is null
                          and not p.bio_hidden and (p.link is not null or p.body ~* 'https?://')
                        order by t.published_at desc, p.id
                        limit :limit""")
                .param("workspace", workspace.value())
                .param("limit", MAX_TILES * 2)
                .param("scan", SCAN)
                .query((rs, n) -> candidate(rs))
                .list());
        Map<PostId, String> written = new HashMap<>();
        if (!candidates.isEmpty()) {
            // A tile whose link was turned off is left off the page: it would lead nowhere.
            jdbc.sql("select post_id, case when turned_off_at is null then code end from short_links"
                            + " where workspace_id = :workspace and part = 'bio' and post_id in (:posts)")
                    .param("workspace", workspace.value())
                    .param(
                            "posts",
                            candidates.stream().map(c -> c.post().value()).toList())
                    .query((rs, n) -> written.put(new PostId(rs.getObject("post_id", UUID.class)), rs.getString(2)))
                    .list();
        }
        List<Tile> tiles = new ArrayList<>();
        for (Candidate c : candidates) {
            if (tiles.size() == MAX_TILES) {
                break;
            }
            String url = c.link() != null ? c.link() : firstLink(c.body());
            if (url == null) {
                continue;
            }
            if (written.containsKey(c.post()) && written.get(c.post()) == null) {
                continue;
            }
            String code = written.get(c.post());
            if (code == null) {
                code = links.store(workspace, c.post(), c.target(), ShortLinks.Part.BIO, url);
            }
            tiles.add(new Tile(
                    c.post(),
                    c.body(),
                    url,
                    links.address(code),
                    c.media().isEmpty() ? null : c.media().getFirst(),
                    c.at(),
                    c.pinned()));
        }
        return tiles;
    }

    private static Candidate candidate(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Candidate(
                new PostId(rs.getObject("id", UUID.class)),
                rs.getString("body"),
                rs.getString("link"),
                PostMapping.assetIds(rs, "media_ids"),
                new TargetId(rs.getObject("target_id", UUID.class)),
                rs.getTimestamp("published_at").toInstant(),
                rs.getBoolean("pinned"));
    }

    /** The first http(s) link twitter-text finds in {@code text}, or null. */
    static @Nullable String firstLink(String text) {
        Extractor extractor = new Extractor();
        extractor.setExtractURLWithoutProtocol(false);
        for (String url : extractor.extractURLs(text)) {
            String lower = url.toLowerCase(Locale.ROOT);
            if ((lower.startsWith("http://") || lower.startsWith("https://")) && url.length() <= ShortLinks.MAX_URL) {
                return url;
            }
        }
        return null;
    }
}
