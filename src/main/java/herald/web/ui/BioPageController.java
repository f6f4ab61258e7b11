package herald.web.ui;

import herald.assets.Assets;
import herald.assets.MediaLinks;
import herald.publishing.BioPage;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * A workspace's link-in-bio page ({@link BioPage}, docs/bio-page.md), for anyone, signed in or not: its recent posts
 * with a link as a grid of tiles, each leading through its short link. A workspace without one, or with it off, is a
 * plain 404 page, the same for both.
 */
@Controller
class BioPageController {

    private final BioPage pages;
    private final Assets assets;
    private final MediaLinks media;

    BioPageController(BioPage pages, Assets assets, MediaLinks media) {
        this.pages = pages;
        this.assets = assets;
        this.media = media;
    }

    /** A tile as the page shows it: its image's thumbnail (a signed link), or its text alone. */
    record Shown(BioPage.Tile tile, @Nullable String thumbnail, String caption) {}

    @GetMapping(BioPage.PATH + "{slug}")
    ModelAndView show(@PathVariable String slug) {
        var page = pages.of(slug).orElse(null);
        if (page == null) {
            return ShortLinkController.notFound(
                    "bio-unknown",
                    "There is no page here",
                    "Check the address, or ask whoever shared it for the link again.");
        }
        List<Shown> tiles = page.tiles().stream()
                .map(tile -> new Shown(
                        tile,
                        tile.image() == null
                                ? null
                                : assets.find(page.workspace(), tile.image())
                                        .filter(a ->
                                                "image".equals(a.type().kind().value()))
                                        .map(a -> media.pageLinks(page.workspace(), a)
                                                .thumbnailUrl()
                                                .toString())
                                        .orElse(null),
                        caption(tile.text(), tile.url())))
                .toList();
        var model = new java.util.HashMap<String, Object>();
        model.put("name", page.name());
        model.put("text", page.text());
        model.put("tiles", tiles);
        return new ModelAndView("bio/page", model);
    }

    /**
     * The first line of the post's text without its links (the tile is the link), at most 120 characters; the link's
     * host when nothing else is left.
     */
    static String caption(String text, String url) {
        String line = text.strip()
                .lines()
                .map(l ->
                        LINKS.matcher(l).replaceAll("").replaceAll("\\s+", " ").strip())
                .filter(l -> !l.isEmpty())
                .findFirst()
                .orElse("");
        if (line.isEmpty()) {
            String host = java.net.URI.create(url).getHost();
            return host == null ? url : host;
        }
        return line.length() <= 120 ? line : line.substring(0, 119).stripTrailing() + "…";
    }

    private static final java.util.regex.Pattern LINKS = java.util.regex.Pattern.compile("https?://\\S+");
}
