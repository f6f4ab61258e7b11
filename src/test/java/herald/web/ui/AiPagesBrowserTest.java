package herald.web.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import herald.content.ChatStub;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The AI pages in Chromium: an owner sets the workspace's own endpoint (an internal address refused, the key shown
 * only masked), tests it, sees the call counted on the usage page and logged with its prompts, and deletes it.
 */
class AiPagesBrowserTest extends BrowserTest {

    static final String KEY = "sk-proj-browser-0a9b8c7d6e5f4a3b2c1dQ7x8";
    static final ChatStub model = new ChatStub().start();

    @DynamicPropertySource
    static void allowTheStub(DynamicPropertyRegistry registry) {
        registry.add("herald.content.ai.allowed-hosts", () -> "localhost");
    }

    @AfterAll
    static void stop() {
        model.stop();
    }

    @Autowired
    UiFixtures fixtures;

    static com.microsoft.playwright.Locator tab(Page page, String name) {
        return page.locator("nav[aria-label=AI]")
                .getByRole(
                        com.microsoft.playwright.options.AriaRole.LINK,
                        new com.microsoft.playwright.Locator.GetByRoleOptions().setName(name));
    }

    @Test
    void anOwnerSetsTestsAndDeletesTheEndpointAndSeesTheCallCountedAndLogged() {
        model.answers("ready", 12, 1);
        var team = fixtures.team();
        Page page = person();
        signIn(page, team.owner().email());

        navLink(page, "AI").click();
        assertThat(heading(page)).hasText("AI usage");
        assertThat(page.locator("[data-test=ai-month-tokens]")).hasText("0");
        assertThat(page.locator("[data-test=ai-month-limit]")).hasText("50,000");
        assertThat(page.locator("[data-test=ai-usage-month]")).hasCount(12);
        assertThat(page.locator("[data-test=ai-unavailable]")).containsText("Template mode still works");

        tab(page, "Settings").click();
        assertThat(heading(page)).hasText("AI settings");
        page.getByLabel("Base URL").fill("http://169.254.169.254/v1");
        page.getByLabel("Model").fill("own-model");
        page.locator("#ai-key").fill(KEY);
        button(page, "Save AI settings").click();
        assertThat(page.locator("#baseUrl-error")).containsText("internal address");
        assertThat(page.locator("#ai-key")).hasValue("");

        page.getByLabel("Base URL").fill(model.baseUrl());
        page.locator("#ai-key").fill(KEY);
        button(page, "Save AI settings").click();
        assertThat(page.locator(".flash.success")).containsText("AI settings saved");
        assertThat(page.locator("[data-test=ai-key-hint]")).hasText("sk-…Q7x8");
        assertThat(page.locator("[data-test=ai-source]")).hasText("The workspace's own endpoint");

        button(page, "Test the endpoint").click();
        assertThat(page.locator("[data-test=ai-test-result]")).containsText("The endpoint answered in");
        assertThat(page.content()).doesNotContain(KEY);

        tab(page, "Usage").click();
        assertThat(page.locator("[data-test=ai-month-tokens]")).hasText("13");

        tab(page, "Generations").click();
        assertThat(page.locator("[data-test=ai-generation]")).hasCount(1);
        page.locator("[data-test=ai-generation] a").click();
        assertThat(page.locator("[data-test=ai-user-prompt]")).hasText("Reply with the word: ready");
        assertThat(page.locator("[data-test=ai-response]")).hasText("ready");
        assertThat(page.content()).doesNotContain(KEY);

        page.navigate(team.path() + "/ai/settings");
        button(page, "Delete the endpoint and key").click();
        assertThat(page.locator(".flash.success")).containsText("were deleted");
        assertThat(page.locator("[data-test=ai-own]")).hasCount(0);

        assertThat(browserErrors).isEmpty();
    }

    @Test
    void aViewerSeesUsageButNotTheSettings() {
        var team = fixtures.team();
        var viewer = fixtures.member(team, herald.tenancy.Role.VIEWER);
        Page page = person();
        signIn(page, viewer.email());

        page.navigate(team.path() + "/ai");
        assertThat(heading(page)).hasText("AI usage");
        assertThat(page.locator("nav[aria-label=AI] >> text=Settings")).hasCount(0);
        var settings = page.navigate(team.path() + "/ai/settings");
        assertThat(settings.status()).isEqualTo(403);
    }
}
