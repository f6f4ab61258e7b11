package herald.web.ui;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import herald.connections.SandboxStub;
import herald.connections.SandboxStub.Account;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Connecting in a real browser: the Connect button opens the platform in a popup (WireMock plays the consent page and
 * redirects straight back), the callback reports to the opener through postMessage to Herald's exact origin and
 * closes, and the list shows the account. Herald runs on a port chosen here, so its public URL is its real address.
 */
class ConnectionsBrowserTest extends BrowserTest {

    static final int PORT = freePort();

    @DynamicPropertySource
    static void publicUrl(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("herald.public-url", () -> "http://localhost:" + PORT);
        registry.add("herald.providers.sandbox.base-url", SandboxStub::baseUrl);
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

    /** The consent page approves at once: back to the redirect URI with a code and the state it was given. */
    static void consentApproves(String code) {
        SandboxStub.server.stubFor(get(urlPathEqualTo("/sandbox/oauth/authorize"))
                .willReturn(aResponse()
                        .withStatus(302)
                        .withHeader(
                                "Location",
                                "{{request.query.redirect_uri}}?code=" + code + "&state={{request.query.state}}")
                        .withTransformers("response-template")));
    }

    static void consentDenied() {
        SandboxStub.server.stubFor(get(urlPathEqualTo("/sandbox/oauth/authorize"))
                .willReturn(aResponse()
                        .withStatus(302)
                        .withHeader(
                                "Location",
                                "{{request.query.redirect_uri}}?error=access_denied&state={{request.query.state}}")
                        .withTransformers("response-template")));
    }

    /** The page's script has taken over the Connect buttons (before that they post the form, which works too). */
    static void scriptReady(Page page) {
        assertThat(page.locator("[data-connections][data-ready=true]")).hasCount(1);
    }

    /**
     * Connects a new Sandbox account named {@code prefix} and a random tail through its consent popup, as a person
     * would, from the team's connections page; its handle, once the page shows it active.
     */
    static String connectSandbox(Page page, UiFixtures.Team team, String prefix) {
        page.navigate(team.path() + "/connections");
        scriptReady(page);
        String handle =
                prefix + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Page popup = page.waitForPopup(() -> button(page, "Connect Sandbox").click());
        popup.getByLabel("Or create an account").fill(handle);
        popup.waitForClose(() -> button(popup, "Approve").click());
        assertThat(page.locator("[data-connection=" + handle + "] [data-test=connection-status]"))
                .hasText("Active");
        return handle;
    }

    Page signedIn(UiFixtures.Team team) {
        Page page = person();
        signIn(page, team.owner().email());
        return page;
    }

    @Test
    void connectsInAPopupThatReportsBackAndCloses() {
        assertThat(base()).isEqualTo("http://localhost:" + PORT);
        UiFixtures.Team team = fixtures.team();
        Page page = signedIn(team);
        navLink(page, "Connections").click();
        assertThat(heading(page)).hasText("Connections");
        assertThat(page.locator("[data-test=no-connections]")).isVisible();
        scriptReady(page);
        String code = "code-" + UUID.randomUUID();
        consentApproves(code);
        SandboxStub.consent(code, Account.fresh("krusty"));

        Page popup = page.waitForPopup(() -> button(page, "Connect Sandbox").click());
        popup.waitForClose(() -> {});

        assertThat(page.locator("[data-test=connect-outcome]")).hasText("Connected @krusty.");
        assertThat(page.locator("[data-connection=krusty] [data-test=connection-status]"))
                .hasText("Active");
        assertThat(page.locator("[data-connection=krusty] [data-test=connection-platform]"))
                .hasText("Sandbox");
        assertThat(browserErrors).isEmpty();
    }

    @Test
    void aRefusalIsShownAndNothingIsListed() {
        UiFixtures.Team team = fixtures.team();
        Page page = signedIn(team);
        page.navigate(team.path() + "/connections");
        scriptReady(page);
        consentDenied();

        Page popup = page.waitForPopup(() -> button(page, "Connect Sandbox").click());
        popup.waitForClose(() -> {});

        assertThat(page.locator("[data-test=connect-outcome]")).containsText("You declined on Sandbox");
        assertThat(page.locator("[data-test=no-connections]")).isVisible();
    }

    @Test
    void withThePopupBlockedTheWholeWindowGoesAndComesBack() {
        UiFixtures.Team team = fixtures.team();
        Page page = signedIn(team);
        page.navigate(team.path() + "/connections");
        scriptReady(page);
        page.evaluate("window.open = function () { return null; }");
        String code = "code-" + UUID.randomUUID();
        consentApproves(code);
        SandboxStub.consent(code, Account.fresh("hults"));

        button(page, "Connect Sandbox").click();

        page.waitForURL("**/connections?connect=done");
        assertThat(page.locator(".flash.success")).hasText("Connected @hults.");
        assertThat(page.locator("[data-connection=hults] [data-test=connection-status]"))
                .hasText("Active");
        page.reload();
        assertThat(page.locator(".flash.success")).hasCount(0);
    }

    @Test
    void aConnectionThatNeedsAReconnectShowsABannerAndReconnects() {
        UiFixtures.Team team = fixtures.team();
        Page page = signedIn(team);
        page.navigate(team.path() + "/connections");
        scriptReady(page);
        Account account = Account.fresh("sideshow");
        String code = "code-" + UUID.randomUUID();
        consentApproves(code);
        SandboxStub.consent(code, account);
        page.waitForPopup(() -> button(page, "Connect Sandbox").click()).waitForClose(() -> {});
        assertThat(page.locator("[data-connection=sideshow] [data-test=connection-status]"))
                .hasText("Active");
        fixtures.tenants.run(team.workspace().id(), () -> fixtures.jdbc
                .sql("update connections set status = 'needs_reconnect', status_reason = 'The Sandbox refused the"
                        + " grant (invalid_grant).' where workspace_id = ?")
                .param(team.workspace().id().value())
                .update());
        page.reload();
        assertThat(page.locator("[data-test=needs-reconnect]")).containsText("1 account needs a reconnect");
        scriptReady(page);

        String again = "code-" + UUID.randomUUID();
        consentApproves(again);
        SandboxStub.consent(again, new Account(account.id(), "sideshow", "at-again-" + again, "rt-again", 7200));
        page.waitForPopup(() -> button(page, "Reconnect @sideshow").click()).waitForClose(() -> {});

        assertThat(page.locator("[data-connection=sideshow] [data-test=connection-status]"))
                .hasText("Active");
        assertThat(page.locator("[data-test=needs-reconnect]")).hasCount(0);

        SandboxStub.revokeAccepted();
        button(page, "Disconnect @sideshow").click();
        assertThat(page.locator(".flash.success")).containsText("Disconnected @sideshow");
        assertThat(page.locator("[data-connection=sideshow] [data-test=connection-status]"))
                .hasText("Disconnected");
        assertThat(browserErrors).isEmpty();
    }
}
