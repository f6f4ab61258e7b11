package herald.content;

import herald.assets.Asset;
import herald.assets.AssetQuery;
import herald.assets.Assets;
import herald.tenancy.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * What a month's posts can be about: the workspace's images (their description, alt text and tags; a product showcase
 * shows the image itself) and the workspace as a whole (its description).
 */
@Component
class CalendarItems {

    /** Enough variety for a month; the newest assets are the likeliest to be current. */
    private static final int MOST_ASSETS = 60;

    private final Assets assets;

    CalendarItems(Assets assets) {
        this.assets = assets;
    }

    List<CalendarPlan.Item> of(Workspace workspace) {
        List<CalendarPlan.Item> items = new ArrayList<>();
        for (Asset asset :
                assets.search(workspace.id(), new AssetQuery(null, null, "image", null, null, MOST_ASSETS))) {
            items.add(item(asset));
        }
        items.add(new CalendarPlan.Item(workspace.name(), workspace.description(), null));
        return items;
    }

    static CalendarPlan.Item item(Asset asset) {
        String alt = asset.altText().strip();
        String name = !alt.isEmpty() && alt.length() <= 60 ? alt : fromFilename(asset.filename());
        List<String> about = new ArrayList<>();
        if (!asset.description().isBlank()) {
            about.add(asset.description().strip());
        }
        if (!alt.isEmpty() && !alt.equals(name)) {
            about.add(alt);
        }
        if (!asset.tags().isEmpty()) {
            about.add("Tags: " + String.join(", ", asset.tags()) + ".");
        }
        return new CalendarPlan.Item(name, String.join(" ", about), asset.id());
    }

    /** {@code margherita_pizza-02.jpg} → {@code Margherita pizza 02}. */
    static String fromFilename(String filename) {
        int dot = filename.lastIndexOf('.');
        String base = (dot > 0 ? filename.substring(0, dot) : filename)
                .replaceAll("[_\\-.]+", " ")
                .strip();
        if (base.isEmpty()) {
            return "Our latest";
        }
        return base.substring(0, 1).toUpperCase(Locale.ROOT) + base.substring(1);
    }
}
