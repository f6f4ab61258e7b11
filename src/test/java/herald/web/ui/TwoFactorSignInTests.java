package herald.web.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import herald.audit.AuditLog;
import herald.audit.AuditQuery;
import herald.identity.ApiKeyScope;
import herald.identity.ApiKeys;
import herald.identity.RequestOrigin;
import herald.identity.SignedInUser;
import herald.identity.TwoFactor;
import herald.identity.User;
import herald.tenancy.Role;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Signing in with two-factor on, over real HTTP (forwards, cookies and the session id as a browser sees them): the
 * password alone opens nothing but the code page; a code, or a recovery code once, completes the sign-in with a new
 * session id; wrong codes and slowness end the half sign-in. People without two-factor and API keys are unaffected.
 */
@UiTest
class TwoFactorSignInTests {

    static final String CODE_PAGE = "/sign-in/two-factor";
    static final String SESSION = "HERALD_SESSION";

    @LocalServerPort
    int port;

    @Autowired
    UiFixtures fixtures;

    @Autowired
    TwoFactor twoFactor;

    @Autowired
    AuditLog audit;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    WebClient browser;
    UiFixtures.Team team;
    String key;
    List<String> recoveryCodes;

    @BeforeEach
    void anOwnerWithTwoFactorOn() {
        browser = new WebClient(port);
        team = fixtures.team();
        var owner = signedIn(team.owner());
        key = twoFactor.enrolment(owner).orElseThrow().key();
        TotpForTests.awaitStepWithTimeLeft(Duration.ofSeconds(15));
        // The previous step's code turns it on, so the current step's code is still unused for signing in.
        recoveryCodes = twoFactor.enable(
                owner, TotpForTests.code(key, Instant.now().minusSeconds(30)), new RequestOrigin(null, null));
    }

    static SignedInUser signedIn(User user) {
        return new SignedInUser(user.id(), user.email(), user.displayName());
    }

    long signIns() {
        return audit.find(team.workspace().id(), AuditQuery.latest(100)).stream()
                .filter(e -> e.action().equals("user.signed_in"))
                .count();
    }

    HttpResponse<String> typeCode(String code) {
        browser.get(CODE_PAGE);
        return browser.post(CODE_PAGE, Map.of("code", code));
    }

    @Test
    void thePasswordAloneOpensNothingButTheCodePage() {
        long before = signIns();

        HttpResponse<String> password = browser.signIn(team.owner().email(), UiFixtures.PASSWORD);

        assertThat(password.statusCode()).isEqualTo(302);
        assertThat(WebClient.location(password)).endsWith(CODE_PAGE);
        for (String page : List.of(
                "/",
                team.path(),
                team.path() + "/members",
                team.path() + "/settings",
                team.path() + "/posts",
                "/account/security",
                "/workspaces/new",
                "/invitations/not-a-real-token",
                "/sign-up")) {
            HttpResponse<String> response = browser.get(page);
            assertThat(response.statusCode()).as(page).isEqualTo(302);
            assertThat(WebClient.location(response)).as(page).contains(CODE_PAGE);
        }
        browser.get(CODE_PAGE);
        HttpResponse<String> leave = browser.post(team.path() + "/members/leave", Map.of());
        assertThat(WebClient.location(leave)).as("a form post").contains(CODE_PAGE);
        assertThat(browser.get(CODE_PAGE).body()).contains("Two-factor sign-in", "name=\"code\"");
        assertThat(signIns()).as("the password alone is not a sign-in").isEqualTo(before);
    }

    @Test
    void aCodeCompletesTheSignInWithANewSessionId() {
        long before = signIns();
        browser.signIn(team.owner().email(), UiFixtures.PASSWORD);
        String halfway = browser.cookie(SESSION);

        HttpResponse<String> done = typeCode(TotpForTests.code(key, Instant.now()));

        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(WebClient.location(done)).doesNotContain("sign-in");
        assertThat(browser.cookie(SESSION)).isNotBlank().isNotEqualTo(halfway);
        assertThat(browser.get(team.path()).statusCode()).isEqualTo(200);
        assertThat(browser.get(team.path() + "/members").statusCode()).isEqualTo(200);
        assertThat(signIns()).isEqualTo(before + 1);
    }

    @Test
    void returnsToThePageThatAskedForSignInAfterTheCode() {
        browser.get(team.path() + "/members");
        browser.signIn(team.owner().email(), UiFixtures.PASSWORD);

        HttpResponse<String> done = typeCode(TotpForTests.code(key, Instant.now()));

        assertThat(WebClient.location(done)).endsWith(team.path() + "/members");
    }

    @Test
    void aRecoveryCodeSignsInOnce() {
        browser.signIn(team.owner().email(), UiFixtures.PASSWORD);
        HttpResponse<String> first = typeCode(recoveryCodes.get(5));
        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(browser.get(team.path()).statusCode()).isEqualTo(200);
        browser.post("/sign-out", Map.of());

        var again = new WebClient(port);
        again.signIn(team.owner().email(), UiFixtures.PASSWORD);
        again.get(CODE_PAGE);
        HttpResponse<String> second = again.post(CODE_PAGE, Map.of("code", recoveryCodes.get(5)));

        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.body()).contains("That code is not right.");
        assertThat(WebClient.location(again.get(team.path()))).contains(CODE_PAGE);
        assertThat(audit.find(team.workspace().id(), AuditQuery.latest(20)))
                .extracting(e -> e.action())
                .contains("user.recovery_code_used", "user.second_step_failed");
    }

    @Test
    void wrongCodesAreShownAndTheFifthEndsTheHalfSignIn() {
        browser.signIn(team.owner().email(), UiFixtures.PASSWORD);
        String right = TotpForTests.code(key, Instant.now());
        String wrong = right.equals("123456") ? "654321" : "123456";
        List<HttpResponse<String>> refused = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            refused.add(typeCode(wrong));
        }
        assertThat(refused).allSatisfy(page -> {
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("That code is not right.").doesNotContain(wrong);
        });
        assertThat(refused.getLast().body()).contains("1 tries left");

        HttpResponse<String> fifth = typeCode(wrong);

        assertThat(fifth.statusCode()).isEqualTo(302);
        assertThat(WebClient.location(fifth)).endsWith("/sign-in?second-step=too-many");
        assertThat(browser.get("/sign-in?second-step=too-many").body()).contains("Too many wrong codes.");
        HttpResponse<String> after = browser.get(team.path());
        assertThat(WebClient.location(after))
                .as("the half sign-in is gone: back to the password, not the code page")
                .contains("/sign-in")
                .doesNotContain(CODE_PAGE);
        browser.get("/sign-in");
        browser.post(CODE_PAGE, Map.of("code", right));
        assertThat(browser.get(team.path()).statusCode())
                .as("the right code without a password first opens nothing")
                .isEqualTo(302);
    }

    @Test
    void theHalfSignInLastsFiveMinutes() throws Exception {
        var owner = signedIn(team.owner());
        var stale = UsernamePasswordAuthenticationToken.authenticated(
                owner,
                null,
                List.<GrantedAuthority>of(
                        new SimpleGrantedAuthority("ROLE_USER"),
                        FactorGrantedAuthority.withAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY)
                                .issuedAt(Instant.now()
                                        .minus(Duration.ofMinutes(5))
                                        .minusSeconds(1))
                                .build(),
                        new SimpleGrantedAuthority(TwoFactor.REQUIRED)));

        mvc.perform(get(CODE_PAGE).with(authentication(stale)))
                .andExpect(redirectedUrl("/sign-in?second-step=expired"));
        mvc.perform(post(CODE_PAGE)
                        .param("code", TotpForTests.code(key, Instant.now()))
                        .with(authentication(stale))
                        .with(csrf()))
                .andExpect(redirectedUrl("/sign-in?second-step=expired"));

        browser.signIn(team.owner().email(), UiFixtures.PASSWORD);
        assertThat(idleTimeoutOfTheSession())
                .as("an idle half sign-in ends after 5 minutes")
                .isEqualTo(300);
        typeCode(TotpForTests.code(key, Instant.now()));
        assertThat(idleTimeoutOfTheSession())
                .as("the full sign-in gets the usual idle timeout back")
                .isEqualTo((int) Duration.ofHours(8).toSeconds());
    }

    int idleTimeoutOfTheSession() {
        String id = new String(java.util.Base64.getDecoder().decode(browser.cookie(SESSION)));
        return jdbc.sql("select max_inactive_interval from spring_session where session_id = :id")
                .param("id", id)
                .query(Integer.class)
                .single();
    }

    @Test
    void aMemberWithoutTwoFactorSignsInWithThePasswordAsBefore() {
        User editor = fixtures.member(team, Role.EDITOR);

        HttpResponse<String> response = browser.signIn(editor.email(), UiFixtures.PASSWORD);

        assertThat(WebClient.location(response)).endsWith("/");
        assertThat(browser.get(team.path()).statusCode()).isEqualTo(200);
    }

    @Test
    void apiKeysAreUnaffected() throws Exception {
        var issued = apiKeys.create(
                team.workspace().id(),
                "two-factor test",
                Set.of(ApiKeyScope.READ),
                null,
                team.owner().id());

        var response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/workspaces"))
                                .header("Authorization", "Bearer " + issued.token())
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains(team.workspace().id().toString());
    }

    @Test
    void aSignedInPersonIsSentHomeFromTheCodePage() throws Exception {
        mvc.perform(get(CODE_PAGE).with(UiFixtures.as(team.owner()))).andExpect(redirectedUrl("/"));
        mvc.perform(get(CODE_PAGE)).andExpect(redirectedUrl("/sign-in"));
    }
}
