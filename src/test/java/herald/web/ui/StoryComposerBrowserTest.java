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
 * A story written in Chromium: an account set to "a story" previews the post's one image alone, the live check says
 * what a story needs, and once published now the real Sandbox has the image as a story without the text, as the
 * post's page shows.
 */
class StoryComposerBrowserTest extends DispatchingBrowserTest {

    @Autowired
    Assets assets;

    @Autowired
    Folders folders;

    @Test
    void anAccountSetToAStoryGetsTheImageAloneAsAStory() {
        UiFixtures.Team team = fixtures.team();
        assets.upload(
                team.workspace().id(),
                folders.all(team.workspace().id()).getFirst().id(),
                new ByteArrayInputStream(SampleMedia.png(16, 16)),
                Upload.named("tonight.png"));
        Page page = person();
        signIn(page, team.owner().email());
        String handle = ConnectionsBrowserTest.connectSandbox(page, team, "sto_");

        navLink(page, "Compose").click();
        assertThat(page.locator("[data-composer][data-ready=true]")).hasCount(1);
        page.getByLabel("Text", new Page.GetByLabelOptions().setExact(true)).fill("Tonight: two-for-one slices");
        page.locator("label.account-choice", new Page.LocatorOptions().setHasText("@" + handle))
                .locator("input")
                .check();
        page.getByLabel("Post to @" + handle + " as").selectOption("story");
        // Without a medium the check says what a story needs, and the preview says so too.
        assertThat(page.locator("[data-counters]"))
                .containsText("A story is one image or video; this post has 0 media");
        assertThat(page.locator("[data-previews] .preview-story")).containsText("Choose one image or video");
        page.locator(".media-picker label.media-choice", new Page.LocatorOptions().setHasText("tonight.png"))
                .locator("input")
                .check();
        assertThat(page.locator("[data-previews] .preview-story img.preview-media"))
                .hasCount(1);
        assertThat(page.locator("[data-previews] .preview-story .preview-text")).hasCount(0);
        assertThat(page.locator("[data-counters]")).not().containsText("A story is one image");
        assertThat(page.locator("[data-counters] [data-counter]").first()).containsText("@" + handle + ": a story");

        page.getByLabel("Publish now").check();
        button(page, "Publish").click();
        page.waitForURL("**/posts/*");
        assertThat(page.locator("[data-test=target-story]")).hasText("Story");

        var target = page.locator("[data-target-status]").first();
        long deadline = System.currentTimeMillis() + 60_000;
        while (!"published".equals(target.getAttribute("data-target-status"))
                && System.currentTimeMillis() < deadline) {
            page.waitForTimeout(1_000);
            page.reload();
        }
        assertThat(target).hasAttribute("data-target-status", "published");
        navLink(page, "Posts").click();
        assertThat(page.locator("[data-test=story-mark]")).hasText("▯ story");
        page.navigate(base() + "/sandbox/@" + handle);
        assertThat(page.locator("[data-test=sandbox-story]")).hasCount(1);
        assertThat(page.locator("body")).not().containsText("two-for-one");
        assertThat(browserErrors).isEmpty();
    }
}
