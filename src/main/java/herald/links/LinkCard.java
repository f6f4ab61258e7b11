package herald.links;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * What a page says about itself, as a card shows it: each part null where the page names none.
 *
 * @param url the page's address, as the post links to it
 * @param title its Open Graph title, else its {@code <title>}
 * @param description its Open Graph description, else its meta description
 * @param image the absolute http(s) address of its Open Graph image
 * @param siteName its Open Graph site name
 */
public record LinkCard(
        URI url, @Nullable String title, @Nullable String description, @Nullable URI image, @Nullable String siteName) {

    /** Whether the page named anything a card could show. */
    public boolean named() {
        return title != null || description != null;
    }
}
