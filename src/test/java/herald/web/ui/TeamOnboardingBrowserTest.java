package herald.web.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.net.URI;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The foundation's whole story in a browser: an owner signs up, invites a colleague by link, the colleague creates an
 * account through the link in another browser and joins, the owner creates an API key (shown once) and finds all of
 * it in the audit log.
 */
class TeamOnboardingBrowserTest extends BrowserTest {

    @Test
    void ownerInvitesColleagueCreatesKeyAndSeesItAllInTheAuditLog() {
        String workspace = "Krusty Pizza " + UUID.randomUUID().toString().substring(0, 6);
        String ownerEmail = uniqueEmail("krusty");
        String colleagueEmail = uniqueEmail("bart");

        Page owner = person();
        owner.navigate("/sign-up");
        assertThat(owner.getByLabel("Timezone")).hasValue("Europe/Berlin");
        owner.getByLabel("Work email").fill(ownerEmail);
        owner.getByLabel("Your name").fill("Krusty");
        owner.getByLabel("Password").fill("sideshow bob rakes");
        owner.getByLabel("Workspace name").fill(workspace);
        button(owner, "Create account").click();
        assertThat(heading(owner)).hasText(workspace);
        String slug = URI.create(owner.url()).getPath().substring("/w/".length());

        navLink(owner, "Members").click();
        owner.getByLabel("Email (optional)").fill(colleagueEmail);
        owner.getByLabel("Role", new Page.GetByLabelOptions().setExact(true)).selectOption("editor");
        button(owner, "Create invitation link").click();
        String link = owner.locator("[data-test=invitation-link]").inputValue();
        assertThat(link).contains("/invitations/");

        Page colleague = person();
        colleague.navigate(URI.create(link).getPath());
        assertThat(heading(colleague)).hasText("Join " + workspace);
        link(colleague, "Create an account to join").click();
        assertThat(colleague.locator(".callout")).containsText("You are joining " + workspace + " as editor");
        assertThat(colleague.getByLabel("Workspace name")).hasCount(0);
        assertThat(colleague.getByLabel("Work email")).hasValue(colleagueEmail);
        colleague.getByLabel("Your name").fill("Bart");
        colleague.getByLabel("Password").fill("eat my shorts man");
        button(colleague, "Create account").click();
        button(colleague, "Accept and join").click();
        assertThat(colleague).hasURL(Pattern.compile(".*/w/" + slug + "$"));
        assertThat(heading(colleague)).hasText(workspace);
        assertThat(navLink(colleague, "Members")).isVisible();
        assertThat(navLink(colleague, "API keys")).hasCount(0);

        owner.navigate("/w/" + slug + "/api-keys");
        owner.getByLabel("Name").fill("Zapier");
        owner.getByLabel("Write").check();
        button(owner, "Create key").click();
        String token = owner.locator("[data-test=api-key-token]").inputValue();
        assertThat(token).startsWith("hk_");
        assertThat(owner.locator("[data-test=issued-key]")).containsText("shown only this once");

        owner.navigate("/w/" + slug + "/api-keys");
        assertThat(owner.locator("[data-test=api-key-token]")).hasCount(0);
        assertThat(owner.content()).doesNotContain(token);
        String prefix = owner.locator("[data-test=api-keys] tbody tr code")
                .first()
                .innerText()
                .replace("_…", "");
        assertThat(token).startsWith(prefix + "_");

        navLink(owner, "Audit log").click();
        var entries = owner.locator("[data-test=audit-entries] tbody tr");
        for (String action : new String[] {"user.signed_up", "member.invited", "member.joined", "api_key.created"}) {
            assertThat(entries.and(owner.locator("[data-action='" + action + "']")))
                    .hasCount(1);
        }
        assertThat(owner.locator("[data-action='member.joined']")).containsText("Bart");
        button(owner, "Verify chain").click();
        assertThat(owner.locator("[data-test=verification]")).containsText("Chain intact");

        owner.navigate("/w/" + slug + "/api-keys");
        button(owner, "Revoke Zapier").click();
        assertThat(owner.locator("[data-test=key-status]").first()).hasText("Revoked");
        assertThat(button(owner, "Revoke Zapier")).hasCount(0);

        assertThat(browserErrors).isEmpty();
    }
}
