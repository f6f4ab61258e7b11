package herald.web.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two-factor sign-in as a person does it: turn it on from the account menu by typing the key shown as text into "an
 * authenticator app" (the test computes the code with the same library), keep the recovery codes, sign out, and sign
 * in again with the password and then a code, reaching the workspace. The QR code must load under the strict CSP.
 */
class TwoFactorBrowserTest extends BrowserTest {

    @Autowired
    UiFixtures fixtures;

    @Test
    void turnsTwoFactorOnSignsOutAndSignsInWithPasswordAndCode() {
        var team = fixtures.team();
        Page page = person();
        page.navigate("/sign-in");
        page.getByLabel("Email").fill(team.owner().email());
        page.getByLabel("Password").fill(UiFixtures.PASSWORD);
        button(page, "Sign in").click();
        page.waitForURL("**" + team.path());

        page.locator("summary.avatar-button").click();
        link(page, "Sign-in security").click();
        assertThat(heading(page)).hasText("Sign-in security");
        assertThat(page.locator("[data-test=two-factor-status]")).hasText("Off");
        link(page, "Set up two-factor sign-in").click();

        var qr = page.locator("[data-test=two-factor-qr]");
        assertThat(qr).isVisible();
        assertThat(((Number) qr.evaluate("img => img.naturalWidth")).intValue())
                .as("the QR code's data: URI loaded")
                .isPositive();
        String key = page.locator("[data-test=two-factor-key]").innerText().strip();
        assertThat(key).matches("[A-Z2-7]{32}");
        TotpForTests.awaitStepWithTimeLeft(Duration.ofSeconds(20));
        // The previous step's code turns it on, leaving the current step's code for signing in.
        page.getByLabel("6-digit code")
                .fill(TotpForTests.code(key, Instant.now().minusSeconds(30)));
        button(page, "Turn on two-factor sign-in").click();

        assertThat(heading(page)).hasText("Two-factor sign-in is on");
        assertThat(page.locator("[data-test=recovery-codes] li")).hasCount(10);
        link(page, "I have saved them").click();
        assertThat(page.locator("[data-test=two-factor-status]")).hasText("On");

        page.locator("summary.avatar-button").click();
        button(page, "Sign out").click();
        page.waitForURL("**/sign-in?signed-out");
        page.getByLabel("Email").fill(team.owner().email());
        page.getByLabel("Password").fill(UiFixtures.PASSWORD);
        button(page, "Sign in").click();

        assertThat(page).hasURL(Pattern.compile(".*/sign-in/two-factor.*"));
        assertThat(heading(page)).hasText("Two-factor sign-in");
        PageFitness.check(page, "two-factor-code");
        page.navigate(team.path());
        // The workspace waits for the code.
        assertThat(page).hasURL(Pattern.compile(".*/sign-in/two-factor.*"));
        page.getByLabel("Code").fill(TotpForTests.code(key, Instant.now()));
        button(page, "Verify and sign in").click();

        assertThat(page).hasURL(Pattern.compile(".*" + team.path() + "$"));
        assertThat(heading(page)).hasText(team.workspace().name());
        assertThat(browserErrors).isEmpty();
    }
}
