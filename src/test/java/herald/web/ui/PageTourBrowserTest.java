package herald.web.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import herald.identity.ApiKeyScope;
import herald.identity.ApiKeys;
import herald.identity.User;
import herald.shared.WorkspaceId;
import herald.tenancy.Invitations;
import herald.tenancy.Role;
import herald.tenancy.SignUp;
import herald.tenancy.Workspace;
import herald.tenancy.Workspaces;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Visits every main page at desktop and phone width, as an agency owner in many workspaces. Each page must have one
 * {@code h1} in its {@code main} landmark, a label for every form control, and no sideways scrolling on a phone. The
 * screenshots (in {@code target/playwright-screenshots/tour}) are kept for people to look at.
 */
class PageTourBrowserTest extends BrowserTest {

    static final Path TOUR = PageFitness.TOUR;
    static final String PASSWORD = "agency staff rule";

    @Autowired
    SignUp signUp;

    @Autowired
    Workspaces workspaces;

    @Autowired
    Invitations invitations;

    @Autowired
    ApiKeys apiKeys;

    @Test
    void everyMainPageIsLabelledAndFitsDesktopAndPhone() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String email = uniqueEmail("agency");
        var result = signUp.signUp(
                new SignUp.Form(email, PASSWORD, "Ada Agency", "Hults Cafe " + suffix, "Europe/Berlin"), "free");
        User owner = result.user();
        Workspace cafe = result.workspace().orElseThrow();
        for (String client : List.of(
                "Acme Bakery",
                "Bistro Nord",
                "Cycle Works",
                "Dental Care",
                "Evergreen Gardens",
                "Fjord Travel",
                "Green Grocers",
                "Harbour Fitness",
                "Ink & Paper")) {
            workspaces.create(
                    WorkspaceId.random(),
                    new Workspaces.Details(client + " " + suffix, "America/New_York", ""),
                    "free",
                    owner.id());
        }
        var colleague = signUp.signUp(
                new SignUp.Form(uniqueEmail("bart"), "eat my shorts man", "Bart Simpson", null, "UTC"), "free");
        invitations.accept(
                invitations.invite(cafe.id(), null, Role.EDITOR, owner.id()).token(),
                colleague.user().id());
        apiKeys.create(cafe.id(), "Caption agent", Set.of(ApiKeyScope.READ, ApiKeyScope.WRITE), null, owner.id());
        String pending = invitations
                .invite(cafe.id(), "lisa@example.com", Role.VIEWER, owner.id())
                .token();
        String w = "/w/" + cafe.slug();

        for (var size : List.of(new int[] {1280, 900}, new int[] {390, 844})) {
            String device = size[0] > 800 ? "desktop" : "phone";
            Page anonymous = person(size[0], size[1]);
            visit(anonymous, "/sign-in", "sign-in-" + device);
            visit(anonymous, "/sign-up", "sign-up-" + device);
            button(anonymous, "Create account").click();
            assertThat(anonymous.locator(".field-error").first()).isVisible();
            check(anonymous, "sign-up-errors-" + device);
            visit(anonymous, "/invitations/" + pending, "invitation-" + device);
            visit(anonymous, "/invitations/not-a-real-token", "invitation-unusable-" + device);

            Page page = person(size[0], size[1]);
            page.navigate("/sign-in");
            page.getByLabel("Email").fill(email);
            page.getByLabel("Password").fill(PASSWORD);
            button(page, "Sign in").click();
            // Someone in many workspaces starts on all of them.
            page.waitForURL("**/workspaces");
            assertThat(heading(page)).hasText("All workspaces");
            visit(page, w, "overview-" + device);
            page.locator(".switcher summary").click();
            assertThat(page.getByLabel("Find a workspace")).isFocused();
            check(page, "switcher-" + device);
            page.getByLabel("Find a workspace").fill("fjord");
            assertThat(page.locator("[data-switcher-list] > li:visible")).hasCount(1);
            page.keyboard().press("Escape");
            visit(page, w + "/members", "members-" + device);
            page.getByLabel("Email (optional)").fill("marge@example.com");
            button(page, "Create invitation link").click();
            assertThat(page.locator("[data-test=invitation-link]")).isVisible();
            check(page, "members-invited-" + device);
            visit(page, w + "/api-keys", "api-keys-" + device);
            page.getByLabel("Name").fill("Zapier");
            button(page, "Create key").click();
            assertThat(page.locator("[data-test=api-key-token]")).isVisible();
            check(page, "api-keys-created-" + device);
            // The last link of the navigation, below the fold of a short screen's side list. (Before the full-page
            // screenshot, which makes the window as tall as the page for a moment and so scrolls the list back.)
            page.navigate(w + "/webhooks");
            currentLinkInView(page);
            check(page, "webhooks-" + device);
            visit(page, w + "/notifications", "notifications-" + device);
            visit(page, w + "/feeds", "feeds-" + device);
            visit(page, w + "/inbox", "inbox-" + device);
            assertThat(page.locator("[data-test=bell]")).isVisible();
            visit(page, w + "/audit", "audit-" + device);
            visit(page, w + "/analytics/report", "monthly-report-" + device);
            page.navigate(w + "/settings");
            if (device.equals("desktop")) {
                assertThat(page.locator("#nav-workspace + ul a[aria-current=page]"))
                        .hasText("Settings");
                assertThat(page.locator(".nav-heading"))
                        .hasText(
                                new String[] {"Publish", "Content", "Engage", "Insights", "Workspace", "Integrations"});
            } else {
                assertThat(page.locator(".nav-heading").first()).isHidden();
            }
            // Settings is near the end of the phone's scrolling row of links: the page brings it into view.
            currentLinkInView(page);
            check(page, "settings-" + device);
            visit(page, "/workspaces", "all-workspaces-" + device);
            visit(page, "/workspaces/new", "new-workspace-" + device);
            visit(page, "/account/security", "account-security-" + device);
            visit(page, "/account/security/two-factor", "two-factor-setup-" + device);
            visit(page, "/w/no-such-workspace", "not-found-" + device);
        }
        assertThat(browserErrors).isEmpty();
    }

    /** The current page's link is within the navigation's visible box, however far the list had to scroll. */
    private static void currentLinkInView(Page page) {
        var list = page.locator(".sidenav > ul").boundingBox();
        var current = page.locator(".sidenav a[aria-current=page]").boundingBox();
        double slack = 1; // the last link, scrolled as far as the list goes, may end a fraction of a pixel past it
        org.assertj.core.api.Assertions.assertThat(current.x).isGreaterThanOrEqualTo(list.x - slack);
        org.assertj.core.api.Assertions.assertThat(current.x + current.width)
                .isLessThanOrEqualTo(list.x + list.width + slack);
        org.assertj.core.api.Assertions.assertThat(current.y).isGreaterThanOrEqualTo(list.y - slack);
        org.assertj.core.api.Assertions.assertThat(current.y + current.height)
                .isLessThanOrEqualTo(list.y + list.height + slack);
    }

    private void visit(Page page, String path, String name) {
        page.navigate(path);
        check(page, name);
    }

    private static void check(Page page, String name) {
        PageFitness.check(page, name);
    }
}
