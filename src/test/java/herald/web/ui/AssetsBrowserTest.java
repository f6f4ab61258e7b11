package herald.web.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import herald.assets.SampleMedia;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The asset library in a browser: files dropped on the drop zone upload with a progress bar each, a refused file says
 * why, the grid shows thumbnails, and its multi-select moves, tags and deletes.
 */
class AssetsBrowserTest extends BrowserTest {

    @Autowired
    UiFixtures fixtures;

    private Page signIn(UiFixtures.Team team) {
        Page page = person();
        page.navigate("/sign-in");
        page.getByLabel("Email").fill(team.owner().email());
        page.getByLabel("Password").fill(UiFixtures.PASSWORD);
        button(page, "Sign in").click();
        page.navigate(team.path());
        return page;
    }

    @Test
    void uploadsDroppedFilesWithProgressAndManagesThemInTheGrid() {
        var team = fixtures.team();
        Page page = signIn(team);
        navLink(page, "Assets").click();
        assertThat(heading(page)).hasText("Assets");
        page.locator("[data-test=folder-tree]").getByText("Food").click();
        // Files chosen before the folder's page loaded (and its script listened) would go nowhere: wait for both.
        page.waitForURL("**/assets?folder=**");
        assertThat(page.locator("[data-drop-zone][data-ready=true]")).hasCount(1);

        // Drop two good files and a disguised one: each gets its own progress bar, the bad one its reason.
        page.locator("[data-drop-zone] input[type=file]").setInputFiles(new FilePayload[] {
            new FilePayload("margherita.jpg", "image/jpeg", SampleMedia.jpeg(320, 240)),
            new FilePayload("logo.png", "image/png", SampleMedia.png(64, 64)),
            new FilePayload("menu.jpg", "image/jpeg", SampleMedia.html())
        });
        var list = page.locator("[data-upload-list]");
        assertThat(list.locator("li")).hasCount(3);
        assertThat(list.locator("progress")).hasCount(3);
        assertThat(page.locator("[data-drop-zone]")).hasAttribute("data-uploads-finished", "3");
        assertThat(list.locator("[data-upload='margherita.jpg']")).hasAttribute("data-state", "done");
        assertThat(list.locator("[data-upload='margherita.jpg'] progress")).hasAttribute("value", "100");
        assertThat(list.locator("[data-upload='menu.jpg'] .upload-error")).containsText("not an image or a video");

        // The grid, after a reload, shows both with thumbnails that load.
        page.reload();
        var grid = page.locator("[data-test=asset-grid]");
        assertThat(grid.locator("li")).hasCount(2);
        var thumbnail = grid.locator("[data-asset='margherita.jpg'] img");
        assertThat(thumbnail).isVisible();
        page.waitForFunction("img => img.complete && img.naturalWidth > 0", thumbnail.elementHandle());
        assertThat(page.locator("[data-drop-zone][data-ready=true]")).hasCount(1);

        // Drop through a real drop event (DataTransfer), as a person dragging from the desktop does.
        page.evaluate(
                """
                async () => {
                  const zone = document.querySelector('[data-drop-zone]');
                  const bytes = Uint8Array.from(atob('%s'), c => c.charCodeAt(0));
                  const transfer = new DataTransfer();
                  transfer.items.add(new File([bytes], 'pixel.webp', {type: 'image/webp'}));
                  zone.dispatchEvent(new DragEvent('drop', {dataTransfer: transfer, bubbles: true, cancelable: true}));
                }"""
                        .formatted(java.util.Base64.getEncoder().encodeToString(SampleMedia.webp())));
        page.waitForURL(url -> true);
        assertThat(page.locator("[data-test=asset-grid] li")).hasCount(3);

        // Alt text, description and tags of one asset.
        var card = grid.locator("[data-asset='margherita.jpg']");
        card.getByText("Edit").click();
        card.getByLabel("Alt text").fill("A margherita fresh from the oven");
        card.getByLabel("Description").fill("Hero shot for the summer menu");
        card.getByRole(
                        com.microsoft.playwright.options.AriaRole.BUTTON,
                        new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Save"))
                .click();
        assertThat(page.locator(".flash.success")).containsText("margherita.jpg saved");
        assertThat(grid.locator("[data-asset='margherita.jpg'] img"))
                .hasAttribute("alt", "A margherita fresh from the oven");

        // Multi-select: tag two, move one, delete one.
        grid.locator("[data-asset='margherita.jpg'] input[type=checkbox]").check();
        grid.locator("[data-asset='logo.png'] input[type=checkbox]").check();
        assertThat(page.locator("[data-selection-count]")).hasText("2 selected");
        page.locator("#bulk-tags").fill("summer");
        button(page, "Add tags").click();
        assertThat(page.locator(".flash.success")).containsText("2 assets tagged");
        assertThat(grid.locator("[data-asset='logo.png'] .tag")).hasText("summer");

        grid.locator("[data-asset='logo.png'] input[type=checkbox]").check();
        page.locator("#bulk-target")
                .selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Drinks"));
        page.locator("[data-asset-grid] button[value=move]").click();
        assertThat(page.locator(".flash.success")).containsText("1 asset moved");
        assertThat(grid.locator("li")).hasCount(2);

        grid.locator("[data-asset='pixel.webp'] input[type=checkbox]").check();
        page.locator("[data-asset-grid] button[value=delete]").click();
        assertThat(page.locator(".flash.success")).containsText("1 asset deleted");
        assertThat(grid.locator("li")).hasCount(1);

        // Search by tag across folders.
        page.navigate(team.path() + "/assets?tag=summer");
        assertThat(page.locator("[data-test=asset-grid] li")).hasCount(2);
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(ScreenshotOnFailure.FOLDER.resolve("assets").resolve("library.png"))
                .setFullPage(true));
        assertThat(browserErrors).isEmpty();
    }
}
