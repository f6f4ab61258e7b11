package herald.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import herald.identity.ApiKeyScope;
import herald.identity.ApiKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An address nothing answers, over real HTTP (the error page comes from the container's error dispatch, which MockMvc
 * does not run): a signed-in person's browser gets the 404 page, the API its problem document.
 */
@UiTest
class UnknownPagesTests {

    @LocalServerPort
    int port;

    @Autowired
    UiFixtures fixtures;

    @Autowired
    ApiKeys apiKeys;

    @Test
    void aMistypedAddressShowsTheNotFoundPageInTheBrowser() {
        var team = fixtures.team();
        var browser = new WebClient(port);
        browser.signIn(team.owner().email(), UiFixtures.PASSWORD);

        HttpResponse<String> missing = browser.get("/acount");
        HttpResponse<String> missingInWorkspace = browser.get(team.path() + "/no-such-page");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(missing.body()).contains("<h1>Not found</h1>").doesNotContain("No static resource");
        assertThat(missingInWorkspace.statusCode()).isEqualTo(404);
        assertThat(missingInWorkspace.body()).contains("<h1>Not found</h1>");
    }

    @Test
    void anUnknownApiRouteIsStillAProblemDocument() throws Exception {
        var team = fixtures.team();
        String key = apiKeys.create(
                        team.workspace().id(),
                        "unknown routes",
                        Set.of(ApiKeyScope.READ),
                        null,
                        team.owner().id())
                .token();

        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/no-such-route"))
                                .header("Authorization", "Bearer " + key)
                                .header("Accept", "text/html")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("There is no API route GET /api/v1/no-such-route");
    }
}
