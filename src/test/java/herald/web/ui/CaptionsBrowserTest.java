package herald.web.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import herald.database.TenantScope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * In Chromium: an editor gives the workspace a persona on the personas page and makes it the default, then generates
 * captions in the composer (template mode), uses one as the post's text and regenerates.
 */
class CaptionsBrowserTest extends BrowserTest {

    @Autowired
    UiFixtures fixtures;

    @Autowired
    TenantScope tenants;

    @Autowired
    JdbcClient jdbc;

    @Test
    void createsAPersonaThenGeneratesUsesAndRegeneratesCaptionsInTheComposer() {
        UiFixtures.Team team = fixtures.team();
        PostsFixtures.account(tenants, jdbc, team.workspace().id(), "captions_" + UiFixtures.tag());
        Page page = person();
        signIn(page, team.owner().email());

        navLink(page, "Personas").click();
        assertThat(heading(page)).hasText("Personas");
        assertThat(page.locator("[data-persona='House voice'] [data-test=default-badge]"))
                .hasCount(1);
        page.getByLabel("Name").fill("Nonna Rosa");
        page.getByLabel("Tone").selectOption("humorous");
        page.getByLabel("Voice guidelines").fill("Speak like family.");
        page.getByLabel("Words to use").fill("homemade, fresh");
        page.getByLabel("Words to avoid").fill("cheap");
        button(page, "Create persona").click();
        assertThat(page.locator(".flash.success")).hasText("The persona “Nonna Rosa” was created.");
        button(page, "Make default Nonna Rosa").click();
        assertThat(page.locator(".flash.success")).hasText("“Nonna Rosa” is now the default persona.");
        assertThat(page.locator("[data-persona='Nonna Rosa'] [data-test=default-badge]"))
                .hasCount(1);
        button(page, "Delete House voice").click();
        assertThat(page.locator(".flash.success")).hasText("The persona “House voice” was deleted.");
        assertThat(page.locator("[data-persona]")).hasCount(1);

        navLink(page, "Compose").click();
        assertThat(page.locator("[data-composer][data-ready=true]")).hasCount(1);
        page.locator("[data-caption-generator] summary").click();
        assertThat(page.getByLabel("Persona"))
                .hasValue(page.locator("#caption-persona option", new Page.LocatorOptions().setHasText("Nonna Rosa"))
                        .getAttribute("value"));
        page.getByLabel("Item", new Page.GetByLabelOptions().setExact(true)).fill("Truffle tagliatelle");
        page.getByLabel("Item description").fill("Hand-cut pasta with black truffle.");
        page.getByLabel("Context").fill("Friday only");
        page.getByLabel("Variants").selectOption("2");
        page.getByLabel("Written by").selectOption("template");
        button(page, "Generate captions").click();

        Locator variants = page.locator("[data-caption-variant]");
        assertThat(variants).hasCount(2);
        assertThat(page.locator("[data-test=caption-mode]")).containsText("Written from templates");
        assertThat(variants.first().locator("[data-test=caption-similarity]")).containsText("Similarity");
        String first = variants.first().locator("[data-caption-text]").textContent();
        String second = variants.nth(1).locator("[data-caption-text]").textContent();
        assertThat(first).contains("Truffle tagliatelle").isNotEqualTo(second).doesNotContainIgnoringCase("cheap");

        variants.first()
                .getByRole(com.microsoft.playwright.options.AriaRole.BUTTON)
                .click();
        assertThat(page.locator("#body")).hasValue(first);

        button(page, "Regenerate").click();
        assertThat(page.locator("[data-caption-variant] [data-caption-text]").first())
                .not()
                .hasText(first);
        assertThat(page.locator("[data-caption-variant]")).hasCount(2);
        assertThat(browserErrors).isEmpty();
    }
}
