/**
 * Demo data for a first run: the demo owner {@code demo@herald.local} and two workspaces, "Krusty Pizza" and "Hults
 * Cafe", created once at start-up when {@code HERALD_DEMO_ENABLED} is true (the default), each with a Sandbox account
 * connected through the same OAuth flow a person uses.
 */
@ApplicationModule(allowedDependencies = {"shared", "audit", "identity", "tenancy", "connections", "publishing"})
@NullMarked
package herald.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
