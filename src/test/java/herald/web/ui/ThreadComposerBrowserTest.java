package herald.web.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import herald.assets.Assets;
import herald.assets.Folders;
import herald.assets.SampleMedia;
import herald.assets.Upload;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A thread written in Chromium: parts added and removed in the composer, the server's check naming a part that is
 * too long, a part's own image staying with it when a part before it is removed, then the post published now to the
 * real Sandbox and each part following it as a reply, with its image, as the post's page shows.
 */
class ThreadComposerBrowserTest extends DispatchingBrowserTest {

    @Autowired
    Assets assets;

    @Autowired
    Folders folders;

    @Test
    void writesAThreadInTheComposerAndEachPartIsPublishedAfterThePost() {
        UiFixtures.Team team = fixtures.team();
        var photo = assets.upload(
                team.workspace().id(),
                folders.all(team.workspace().id()).getFirst().id(),
                new ByteArrayInputStream(SampleMedia.png(16, 16)),
                Upload.named("oven.png"));
        Page page = person();
        signIn(page, team.owner().email());
        String handle = ConnectionsBrowserTest.connectSandbox(page, team, "thr_");

        navLink(page, "Compose").click();
        assertThat(page.locator("[data-composer][data-ready=true]")).hasCount(1);
        page.getByLabel("Text", new Page.GetByLabelOptions().setExact(true)).fill("How we make pizza, " + handle);
        page.locator("label.account-choice", new Page.LocatorOptions().setHasText("@" + handle))
                .locator("input")
                .check();
        page.getByLabel("Part 2 of the thread").fill("First, the dough rests for 48 hours.");
        button(page, "Add a part").click();
        page.getByLabel("Part 3 of the thread").fill("x".repeat(501));
        // The click below leaves the field, whose change event re-counts: the counters keep their height meanwhile,
        // so the button does not move under the pointer.
        assertThat(page.locator("[data-counters]")).containsText("Part 3 of the thread is 501 of 500 characters");
        button(page, "Add a part").click();
        page.getByLabel("Part 4 of the thread").fill("Then it bakes at 450 degrees.");
        var fourth = page.locator("[data-thread-list] > li").nth(2);
        fourth.locator("summary").click();
        fourth.getByLabel("oven.png").check();
        assertThat(fourth.locator("[data-part-media-count]")).hasText("(1)");
        // The long part goes: the one after it is part 3 now.
        page.locator("[data-thread-list] > li")
                .nth(1)
                .locator("[data-thread-remove]")
                .click();
        assertThat(page.getByLabel("Part 3 of the thread")).hasValue("Then it bakes at 450 degrees.");
        assertThat(page.locator("[data-part-media-box]:checked")).hasCount(1);
        assertThat(page.locator("[data-part-media-box]:checked")).hasValue("1:" + photo.id());
        assertThat(page.locator("[data-part-media-label]").nth(1)).hasText("Media of part 3");
        assertThat(page.locator("[data-counters]")).not().containsText("of the thread is");
        // The preview shows the parts under the post, as the replies they become.
        assertThat(page.locator("[data-previews] .preview-thread-part"))
                .hasText(new String[] {"First, the dough rests for 48 hours.", "Then it bakes at 450 degrees."});
        assertThat(page.locator("[data-previews] .preview-thread-part").nth(1).locator("img.preview-media"))
                .hasCount(1);

        page.getByLabel("Publish now").check();
        button(page, "Publish").click();
        page.waitForURL("**/posts/*");
        assertThat(page.locator("[data-test=post-thread-part]")).hasCount(2);
        assertThat(page.locator("[data-test=post-thread-part]").nth(1).locator("[data-test=post-thread-media] img"))
                .hasAttribute("alt", "oven.png");

        var parts = page.locator("[data-test=target-thread] [data-part]");
        long deadline = System.currentTimeMillis() + 60_000;
        while (!"posted".equals(parts.nth(1).getAttribute("data-part-status"))
                && System.currentTimeMillis() < deadline) {
            page.waitForTimeout(1_000);
            page.reload();
        }
        assertThat(parts).hasCount(2);
        assertThat(parts.nth(0).locator("[data-test=thread-part-status]")).hasText("Posted");
        assertThat(parts.nth(1).locator("[data-test=thread-part-status]")).hasText("Posted");
        assertThat(parts.nth(1).locator("[data-test=thread-part-url]").getAttribute("href"))
                .contains("/sandbox/@" + handle + "#post-");
        assertThat(browserErrors).isEmpty();
    }
}
