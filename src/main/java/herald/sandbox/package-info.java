/**
 * The Sandbox: a small simulated social network (OAuth 2.0 authorization server, publish API, public feed, fault knobs)
 * served under {@code /sandbox}, whose HTTP contract is {@code docs/sandbox-api.md}. It is a separate platform that
 * happens to run in Herald's process: it depends on no Herald module and no module depends on it (docs/adr/0005).
 */
@ApplicationModule(allowedDependencies = {})
@NullMarked
package herald.sandbox;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
