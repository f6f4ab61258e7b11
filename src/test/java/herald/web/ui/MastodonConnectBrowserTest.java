package herald.web.ui;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import herald.providers.WireMockPlatform;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Connecting a Mastodon account in Chromium: the person types their server into the Mastodon card, the consent opens
 * in a popup at that server (a WireMock Mastodon on this machine, which approves at once and sends the browser back to
 * Herald's callback), the popup reports back and closes, and the account is listed with its server in its handle.
 */
class MastodonConnectBrowserTest extends BrowserTest {

    static final int PORT = ConnectionsSandboxBrowserTest.freePort();

    /** The person's server, never stopped: the application context outlives the test class. */
    static final WireMockPlatform mastodon = new WireMockPlatform().running();

    @DynamicPropertySource
    static void publicUrl(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("herald.public-url", () -> "http://localhost:" + PORT);
    }

    @Autowired
    UiFixtures fixtures;

    @Test
    void aPersonNamesTheirServerConsentsThereInAPopupAndTheAccountIsListed() {
        String access = "access-" + UUID.randomUUID();
        mastodon.resetAll();
        mastodon.stubFor(get(urlPathEqualTo("/api/v2/instance"))
                .willReturn(okJson("{\"domain\":\"localhost\",\"version\":\"4.3.2\",\"configuration\":"
                        + "{\"statuses\":{\"max_characters\":500}}}")));
        mastodon.stubFor(post(urlPathEqualTo("/api/v1/apps"))
                .willReturn(okJson("{\"client_id\":\"herald-client\",\"client_secret\":\"herald-secret\"}")));
        // The server's consent, approved at once: back to the redirect URI with a code and the state.
        mastodon.stubFor(get(urlPathEqualTo("/oauth/authorize"))
                .willReturn(aResponse()
                        .withStatus(302)
                        .withHeader(
                                "Location",
                                "{{request.query.redirect_uri}}?code=granted&state={{urlEncode request.query.state}}")
                        .withTransformers("response-template")));
        mastodon.stubFor(post(urlPathEqualTo("/oauth/token"))
                .willReturn(okJson("{\"access_token\":\"" + access + "\",\"token_type\":\"Bearer\"}")));
        mastodon.stubFor(get(urlPathEqualTo("/api/v1/accounts/verify_credentials"))
                .withHeader("Authorization", equalTo("Bearer " + access))
                .willReturn(okJson("{\"id\":\"4242\",\"username\":\"krusty\",\"acct\":\"krusty\","
                        + "\"display_name\":\"Krusty on Mastodon\"}")));
        String server = "localhost:" + mastodon.port();
        UiFixtures.Team team = fixtures.team();
        Page page = person();
        signIn(page, team.owner().email());
        page.navigate(team.path() + "/connections");
        ConnectionsBrowserTest.scriptReady(page);

        page.getByLabel("Your server").fill("@krusty@" + server);
        Page popup = page.waitForPopup(() -> button(page, "Connect Mastodon").click());

        String handle = "krusty@" + server;
        assertThat(page.locator("[data-test=connect-outcome]")).hasText("Connected @" + handle + ".");
        page.waitForCondition(popup::isClosed);
        assertThat(page.locator("[data-connection='" + handle + "'] [data-test=connection-status]"))
                .hasText("Active");
        mastodon.verify(
                1,
                postRequestedFor(urlPathEqualTo("/oauth/token"))
                        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("code=granted")));
        assertThat(browserErrors).isEmpty();
    }
}
