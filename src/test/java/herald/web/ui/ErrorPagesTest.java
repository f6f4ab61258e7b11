package herald.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import herald.tenancy.Role;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The error pages as a browser gets them (through the servlet container's error dispatch): clear, and no traces. */
@UiTest
class ErrorPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    UiFixtures fixtures;

    @Test
    void anotherWorkspacesPageIsTheSameNotFoundPageAsAMissingOne() {
        var mine = fixtures.team();
        var theirs = fixtures.team();
        var browser = new WebClient(port);
        browser.signIn(mine.owner().email(), UiFixtures.PASSWORD);

        HttpResponse<String> other = browser.get(theirs.path() + "/settings");
        HttpResponse<String> missing = browser.get("/w/nothing-here-" + UiFixtures.tag() + "/settings");

        assertThat(other.statusCode()).isEqualTo(404);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(other.body())
                .contains("<h1>Not found</h1>")
                .doesNotContain(theirs.workspace().name());
        assertThat(strip(other.body())).isEqualTo(strip(missing.body()));
    }

    @Test
    void aRoleThatIsTooLowGetsAForbiddenPageNamingTheRole() {
        var team = fixtures.team();
        var editor = fixtures.member(team, Role.EDITOR);
        var browser = new WebClient(port);
        browser.signIn(editor.email(), UiFixtures.PASSWORD);

        HttpResponse<String> page = browser.get(team.path() + "/api-keys");

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body())
                .contains("This needs the <strong>admin</strong> role")
                .contains("Your role there is <strong>editor</strong>");
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedWithAnExplanation() {
        var team = fixtures.team();
        var browser = new WebClient(port);
        browser.signIn(team.owner().email(), UiFixtures.PASSWORD);

        HttpResponse<String> page =
                browser.postRaw(team.path() + "/settings", Map.of("name", "Hijacked", "timezone", "UTC"));

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("your session may have expired").doesNotContain("Exception");
        assertThat(browser.get(team.path() + "/settings").body()).doesNotContain("Hijacked");
    }

    @Test
    void malformedIdsAndWrongMethodsShowAPageWithoutAStackTrace() {
        var team = fixtures.team();
        var browser = new WebClient(port);
        browser.signIn(team.owner().email(), UiFixtures.PASSWORD);
        browser.get(team.path() + "/api-keys");

        HttpResponse<String> badId = browser.post(team.path() + "/api-keys/not-a-uuid/revoke", Map.of());
        HttpResponse<String> wrongMethod =
                browser.get(team.path() + "/api-keys/" + java.util.UUID.randomUUID() + "/revoke");
        HttpResponse<String> unknownKey =
                browser.post(team.path() + "/api-keys/" + java.util.UUID.randomUUID() + "/revoke", Map.of());

        assertThat(badId.statusCode()).isEqualTo(404);
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(unknownKey.statusCode()).isEqualTo(404);
        assertThat(badId.body()).contains("<h1>Not found</h1>");
        assertThat(unknownKey.body()).contains("<h1>Not found</h1>");
        // A wrong method never comes from Herald's own pages; Spring answers it with a problem document.
        for (var page : new HttpResponse<?>[] {badId, wrongMethod, unknownKey}) {
            assertThat((String) page.body())
                    .doesNotContain("Exception")
                    .doesNotContain("at herald.")
                    .doesNotContain("at org.springframework");
        }
    }

    /** The page without what legitimately differs between two requests (the CSRF token). */
    private static String strip(String html) {
        return html.replaceAll("value=\"[^\"]*\"", "").replaceAll("content=\"[^\"]*\"", "");
    }
}
