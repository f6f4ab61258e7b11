package herald.web.ui;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Browser tests whose posts must really publish through the Sandbox inside Herald: one application context for all of
 * them, on a port of its own with its public URL there, whose node dispatches, so that a post publishes (or fails)
 * whether or not another test's context is alive.
 */
abstract class DispatchingBrowserTest extends BrowserTest {

    static final int PORT = ConnectionsSandboxBrowserTest.freePort();

    @DynamicPropertySource
    static void publicUrl(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("herald.public-url", () -> "http://localhost:" + PORT);
        registry.add("herald.publishing.dispatch", () -> true);
    }

    @Autowired
    UiFixtures fixtures;
}
