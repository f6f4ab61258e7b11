package herald.web.ui;

import herald.assets.Asset;
import herald.assets.AssetQuery;
import herald.assets.Assets;
import herald.assets.Folder;
import herald.assets.FolderId;
import herald.assets.Folders;
import herald.assets.MediaLinks;
import herald.web.CurrentWorkspace;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** The model of the asset library page: the folder tree, the grid of the search, and the storage used. */
@Component
class AssetsPage {

    static final int GRID_SIZE = 120;

    private final Folders folders;
    private final Assets assets;
    private final MediaLinks links;

    AssetsPage(Folders folders, Assets assets, MediaLinks links) {
        this.folders = folders;
        this.assets = assets;
        this.links = links;
    }

    /** A folder in the tree as the page lists it, with its depth for indentation. */
    record Node(Folder folder, int depth, String path) {}

    /** One card of the grid. */
    record Card(Asset asset, String url, String thumbnailUrl, String size, String folderName) {

        public boolean video() {
            return asset.type().kind() == herald.assets.AssetType.Kind.VIDEO;
        }
    }

    /** The search as the form sends it. */
    record Search(@Nullable String folder, @Nullable String q, @Nullable String tag, @Nullable String type) {

        boolean any() {
            return present(q) || present(tag) || present(type);
        }

        static boolean present(@Nullable String value) {
            return value != null && !value.isBlank();
        }
    }

    String render(CurrentWorkspace current, Model model, Search search) {
        List<Node> tree = tree(folders.all(current.id()));
        Map<FolderId, String> names =
                tree.stream().collect(Collectors.toMap(n -> n.folder().id(), Node::path));
        Folder selected = null;
        if (Search.present(search.folder())) {
            selected = folders.require(current.id(), FolderId.of(search.folder()));
        }
        var query = new AssetQuery(
                blankToNull(search.q()),
                blankToNull(search.tag()),
                blankToNull(search.type()),
                selected == null ? null : selected.id(),
                null,
                GRID_SIZE);
        List<Card> cards = assets.search(current.id(), query).stream()
                .map(asset -> {
                    var pageLinks = links.pageLinks(current.id(), asset);
                    return new Card(
                            asset,
                            pageLinks.url().toString(),
                            pageLinks.thumbnailUrl().toString(),
                            human(asset.sizeBytes()),
                            names.getOrDefault(asset.folder(), ""));
                })
                .toList();
        var usage = assets.usage(current.id());
        model.addAttribute("section", "assets");
        model.addAttribute("tree", tree);
        model.addAttribute("selected", selected);
        model.addAttribute("selectedPath", selected == null ? null : names.get(selected.id()));
        model.addAttribute("cards", cards);
        model.addAttribute("search", search);
        model.addAttribute("usedStorage", human(usage.usedBytes()));
        model.addAttribute("quota", human(usage.quotaBytes()));
        model.addAttribute(
                "usedPercent",
                usage.quotaBytes() == 0 ? 100 : Math.min(100, usage.usedBytes() * 100 / usage.quotaBytes()));
        return "assets/library";
    }

    /** The folders depth-first, siblings by name, each with its path like {@code Food / Pizza}. */
    static List<Node> tree(List<Folder> all) {
        var result = new ArrayList<Node>();
        add(all, null, 0, "", result);
        return result;
    }

    private static void add(List<Folder> all, @Nullable FolderId parent, int depth, String prefix, List<Node> into) {
        all.stream()
                .filter(f -> parent == null ? f.parent() == null : parent.equals(f.parent()))
                .sorted(Comparator.comparing(f -> f.name().toLowerCase(Locale.ROOT)))
                .forEach(f -> {
                    String path = prefix.isEmpty() ? f.name() : prefix + " / " + f.name();
                    into.add(new Node(f, depth, path));
                    add(all, f.id(), depth + 1, path, into);
                });
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return Search.present(value) ? value.strip() : null;
    }

    static String human(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0);
        }
        if (bytes < 1024L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
        }
        return String.format(Locale.ROOT, "%.1f GB", bytes / (1024.0 * 1024 * 1024));
    }
}
