/**
 * Tiny values shared by every module: ids, errors, and the one rule for which hosts a URL given by a user may reach
 * ({@link herald.shared.PublicHosts}), which the AI endpoints, webhooks and the Sandbox's media fetching all apply.
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package herald.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
