package herald.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import herald.audit.AuditLog;
import herald.audit.AuditQuery;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Sign-in and sign-out over real HTTP: failures are forwarded back to the form, which MockMvc cannot follow. */
@UiTest
class SignInPageTest {

    @LocalServerPort
    int port;

    @Autowired
    UiFixtures fixtures;

    @Autowired
    AuditLog audit;

    WebClient browser;

    @BeforeEach
    void newBrowser() {
        browser = new WebClient(port);
    }

    @Test
    void showsTheReasonForAWrongPasswordAndKeepsTheEmailButNotThePassword() {
        var team = fixtures.team();

        HttpResponse<String> page = browser.signIn(team.owner().email(), "not my password at all");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("The email or password is not right.")
                .contains("value=\"" + team.owner().email() + "\"")
                .doesNotContain("not my password at all");
        assertThat(browser.get(team.path()).statusCode()).isEqualTo(302);
    }

    @Test
    void showsTheThrottlingMessageAfterRepeatedFailures() {
        var team = fixtures.team();
        String shown = "";
        for (int attempt = 0; attempt < 8 && !shown.contains("Too many failed sign-ins"); attempt++) {
            shown = browser.signIn(team.owner().email(), "wrong guess number " + attempt)
                    .body();
        }
        assertThat(shown).contains("Too many failed sign-ins.");
        assertThat(audit.find(team.workspace().id(), AuditQuery.latest(20)))
                .extracting(e -> e.action())
                .contains("user.sign_in_failed");
    }

    @Test
    void signsInAndGoesHome() {
        var team = fixtures.team();

        HttpResponse<String> response = browser.signIn(team.owner().email(), UiFixtures.PASSWORD);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(WebClient.location(response)).endsWith("/");
        assertThat(WebClient.location(browser.get("/"))).endsWith(team.path());
        assertThat(browser.get(team.path()).statusCode()).isEqualTo(200);
        assertThat(audit.find(team.workspace().id(), AuditQuery.latest(5)))
                .extracting(e -> e.action())
                .contains("user.signed_in");
    }

    @Test
    void returnsToASameSitePathGivenAsContinue() {
        var team = fixtures.team();
        browser.get("/sign-in?continue=" + team.path() + "/members");

        HttpResponse<String> response = browser.post(
                "/sign-in",
                Map.of(
                        "email",
                        team.owner().email(),
                        "password",
                        UiFixtures.PASSWORD,
                        "continue",
                        team.path() + "/members"));

        assertThat(WebClient.location(response)).endsWith(team.path() + "/members");
    }

    @Test
    void neverRedirectsToAnotherSite() {
        var team = fixtures.team();
        for (String evil :
                new String[] {"https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)"}) {
            var client = new WebClient(port);
            client.get("/sign-in");
            HttpResponse<String> response = client.post(
                    "/sign-in",
                    Map.of("email", team.owner().email(), "password", UiFixtures.PASSWORD, "continue", evil));
            assertThat(WebClient.location(response))
                    .as(evil)
                    .doesNotContain("evil")
                    .endsWith("/");
        }
    }

    @Test
    void redirectsAnAnonymousVisitorToSignInAndBackAfterwards() {
        var team = fixtures.team();

        HttpResponse<String> refused = browser.get(team.path() + "/members");
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(WebClient.location(refused)).endsWith("/sign-in");

        HttpResponse<String> signedIn = browser.signIn(team.owner().email(), UiFixtures.PASSWORD);
        assertThat(WebClient.location(signedIn)).endsWith(team.path() + "/members");
    }

    @Test
    void signOutNeedsTheCsrfTokenIsAuditedAndEndsTheSession() {
        var team = fixtures.team();
        browser.signIn(team.owner().email(), UiFixtures.PASSWORD);
        browser.get(team.path());

        assertThat(browser.postRaw("/sign-out", Map.of()).statusCode()).isEqualTo(403);
        assertThat(browser.get(team.path()).statusCode()).isEqualTo(200);

        HttpResponse<String> out = browser.post("/sign-out", Map.of());
        assertThat(out.statusCode()).isEqualTo(302);
        assertThat(WebClient.location(out)).endsWith("/sign-in?signed-out");
        assertThat(browser.get("/sign-in?signed-out").body()).contains("You are signed out.");
        assertThat(browser.get(team.path()).statusCode()).isEqualTo(302);
        assertThat(audit.find(team.workspace().id(), AuditQuery.latest(5)))
                .extracting(e -> e.action())
                .contains("user.signed_out");
    }
}
