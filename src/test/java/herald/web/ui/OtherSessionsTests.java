package herald.web.ui;

import static org.assertj.core.api.Assertions.assertThat;

import herald.audit.AuditLog;
import herald.audit.AuditQuery;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * "Sign out everywhere else", over real HTTP with real sessions in Spring Session's table: two browsers signed in as
 * one person, one ends the other's session and stays signed in, and the workspace's audit log says so.
 */
@UiTest
class OtherSessionsTests {

    @LocalServerPort
    int port;

    @Autowired
    UiFixtures fixtures;

    @Autowired
    AuditLog audit;

    @Test
    void oneBrowserSignsTheOthersOutAndStaysSignedIn() {
        var team = fixtures.team();
        var laptop = new WebClient(port);
        var phone = new WebClient(port);
        laptop.signIn(team.owner().email(), UiFixtures.PASSWORD);
        phone.signIn(team.owner().email(), UiFixtures.PASSWORD);
        // Someone else's session is none of theirs.
        var colleague = fixtures.member(team, herald.tenancy.Role.EDITOR);
        var theirs = new WebClient(port);
        theirs.signIn(colleague.email(), UiFixtures.PASSWORD);

        assertThat(laptop.get("/account/security").body()).contains("In this browser and 1 other.");
        assertThat(phone.get(team.path()).statusCode()).isEqualTo(200);

        HttpResponse<String> ended = laptop.post("/account/security/sessions/end", Map.of());
        assertThat(ended.statusCode()).isEqualTo(302);
        assertThat(laptop.get("/account/security").body())
                .contains("Signed out of 1 other browser.")
                .contains("Only in this browser.");

        HttpResponse<String> signedOut = phone.get(team.path());
        assertThat(signedOut.statusCode()).isEqualTo(302);
        assertThat(WebClient.location(signedOut)).contains("/sign-in");
        assertThat(laptop.get(team.path()).statusCode())
                .as("this browser stays")
                .isEqualTo(200);
        assertThat(theirs.get(team.path()).statusCode())
                .as("another person's session")
                .isEqualTo(200);
        assertThat(audit.find(team.workspace().id(), AuditQuery.latest(50)))
                .filteredOn(e -> e.action().equals("user.other_sessions_ended"))
                .singleElement()
                .satisfies(e -> assertThat(e.details()).containsEntry("sessions", "1"));
    }
}
