/**
 * Link cards: what a page says about itself (its Open Graph title, description, image and site; else its {@code
 * <title>} and meta description), read by Herald from public addresses only (SSRF) and kept per workspace, for the
 * composer's preview of a post's link and for the platforms that show a link as a card Herald fills in (Bluesky,
 * LinkedIn). See docs/link-cards.md.
 *
 * <p>The module's API: {@link herald.links.LinkCards} and {@link herald.links.LinkCard}.
 */
@ApplicationModule(allowedDependencies = {"shared", "database"})
@NullMarked
package herald.links;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
