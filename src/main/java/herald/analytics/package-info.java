/**
 * Analytics: what the platforms count about each published post (views, likes, comments, shares), read again at steps
 * after publishing as the numbers settle, and the workspace's reports over a period (totals, by account, by day, the
 * posts that did best). A recurring sweep finds newly published targets itself and reads the due ones through each
 * platform's {@link herald.providers.SocialProvider#metrics}, with the connection's token; nothing runs on the publish
 * path. See docs/analytics.md.
 *
 * <p>The module's API: {@link herald.analytics.Analytics}.
 */
@ApplicationModule(allowedDependencies = {"shared", "database", "publishing", "connections", "providers", "vault"})
@NullMarked
package herald.analytics;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
