/**
 * Feeds: a workspace's RSS and Atom feeds (a blog, a shop), checked every few minutes, each new item turned into a
 * post for the feed's accounts, as a draft to review or queued in the posting schedule. Fetched only from public
 * addresses (SSRF) and parsed without DOCTYPEs (XXE). See docs/feeds.md.
 *
 * <p>The module's API: {@link herald.feeds.Feeds} (add, change, check, delete, read feeds and their items).
 */
@ApplicationModule(allowedDependencies = {"shared", "database", "audit", "publishing", "connections", "providers"})
@NullMarked
package herald.feeds;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
