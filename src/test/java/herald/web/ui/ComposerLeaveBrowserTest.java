package herald.web.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Leaving the composer with text not saved asks first (the browser's "Leave site?"); an untouched composer, and one
 * whose post was saved, leave without asking.
 */
class ComposerLeaveBrowserTest extends BrowserTest {

    @Autowired
    UiFixtures fixtures;

    @Test
    void leavingUnsavedTextAsksFirstAndSavingDoesNot() {
        var team = fixtures.team();
        PostsFixtures.account(fixtures.tenants, fixtures.jdbc, team.workspace().id(), "krusty");
        Page page = person();
        signIn(page, team.owner().email());
        List<String> asked = new ArrayList<>();

        page.navigate(team.path() + "/compose");
        assertThat(page.locator("[data-composer][data-ready=true]")).hasCount(1);
        // The base page accepts every dialog (here: leaves); this one notes which were asked.
        page.onDialog(dialog -> asked.add(dialog.type()));
        page.locator("nav a", new Page.LocatorOptions().setHasText("Calendar"))
                .first()
                .click();
        page.waitForURL("**/calendar");
        assertThat(asked).as("an untouched composer leaves without asking").isEmpty();

        page.navigate(team.path() + "/compose");
        page.getByLabel("Text", new Page.GetByLabelOptions().setExact(true)).fill("Ten minutes of careful words");
        page.locator("nav a", new Page.LocatorOptions().setHasText("Calendar"))
                .first()
                .click();
        page.waitForURL("**/calendar");
        assertThat(asked).containsExactly("beforeunload");

        page.navigate(team.path() + "/compose");
        page.getByLabel("Text", new Page.GetByLabelOptions().setExact(true)).fill("Ten minutes of careful words");
        page.locator("label.account-choice").first().locator("input").check();
        button(page, "Save as draft").click();
        page.waitForURL("**/posts/*");
        assertThat(asked).as("saving leaves without asking").hasSize(1);
        assertThat(browserErrors).isEmpty();
    }
}
