package herald.web.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole connect in Chromium against the real Sandbox inside Herald: the popup shows the Sandbox's consent page, the
 * person creates an account there and approves, the popup reports back and closes, and the account is listed.
 */
class ConnectionsSandboxBrowserTest extends BrowserTest {

    static final int PORT = freePort();

    @DynamicPropertySource
    static void publicUrl(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("herald.public-url", () -> "http://localhost:" + PORT);
    }

    @Autowired
    UiFixtures fixtures;

    static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void connectsThroughTheSandboxConsentPageInAPopup() {
        assertThat(base()).isEqualTo("http://localhost:" + PORT);
        UiFixtures.Team team = fixtures.team();
        Page page = person();
        signIn(page, team.owner().email());
        page.navigate(team.path() + "/connections");
        ConnectionsBrowserTest.scriptReady(page);
        String handle = "pop_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

        Page popup = page.waitForPopup(() -> button(page, "Connect Sandbox").click());
        popup.getByLabel("Or create an account").fill(handle);
        popup.waitForClose(() -> button(popup, "Approve").click());

        assertThat(page.locator("[data-test=connect-outcome]")).hasText("Connected @" + handle + ".");
        assertThat(page.locator("[data-connection=" + handle + "] [data-test=connection-status]"))
                .hasText("Active");
        assertThat(browserErrors).isEmpty();
    }
}
