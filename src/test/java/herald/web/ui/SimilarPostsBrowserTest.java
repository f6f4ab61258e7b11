package herald.web.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import herald.publishing.Post;
import herald.publishing.Posts;
import herald.shared.WorkspaceId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "Find similar" on the posts list with the real embedding model: the search box swaps in the matching posts with their
 * similarity and links to them, a blank search says what to do, and a post's page shows its similar posts.
 */
class SimilarPostsBrowserTest extends BrowserTest {

    @Autowired
    UiFixtures fixtures;

    @Autowired
    Posts posts;

    long vectors(WorkspaceId workspace) {
        return fixtures.tenants.call(workspace, () -> fixtures.jdbc
                .sql("select count(*) from post_vectors")
                .query(Long.class)
                .single());
    }

    @Test
    void theSearchBoxFindsSimilarPostsAndAPostShowsItsOwn() throws InterruptedException {
        var team = fixtures.team();
        WorkspaceId id = team.workspace().id();
        var krusty = PostsFixtures.account(fixtures.tenants, fixtures.jdbc, id, "krusty");
        Post pizza = PostsFixtures.scheduled(
                posts,
                id,
                krusty,
                "Our wood-fired margherita is back this weekend with fresh basil from the garden!",
                "2099-05-14T10:00");
        Post pizzaAgain = PostsFixtures.scheduled(
                posts,
                id,
                krusty,
                "The wood-fired margherita returns this weekend, topped with basil from our garden!",
                "2099-05-15T10:00");
        Post taxes = PostsFixtures.scheduled(
                posts,
                id,
                krusty,
                "Quarterly tax prepayments are due on the tenth: keep your receipts in order.",
                "2099-05-16T10:00");
        for (int i = 0; i < 300 && vectors(id) < 3; i++) {
            Thread.sleep(100);
        }
        assertThat(vectors(id)).isEqualTo(3);

        Page page = person();
        signIn(page, team.owner().email());
        page.navigate(team.path() + "/posts");
        page.waitForLoadState(LoadState.NETWORKIDLE);

        // A blank search explains itself, in place.
        button(page, "Find similar").click();
        assertThat(page.locator("[data-test=similar-error]")).containsText("Type or paste some text");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/posts$"));

        page.getByLabel("Find similar").fill("Margherita from the wood-fired oven, with garden basil, this weekend");
        button(page, "Find similar").click();
        var hits = page.locator("[data-test=similar-results] .similar-hit");
        assertThat(hits).hasCount(2);
        assertThat(hits.first()).containsText("%");
        assertThat(page.locator("[data-test=similar-results]")).containsText("margherita");
        assertThat(page.locator("[data-test=similar-results]")).not().containsText("tax prepayments");
        assertThat(page.locator("[data-test=similar-results] [data-post='" + taxes.id() + "']"))
                .hasCount(0);
        int percent = Integer.parseInt(hits.first().getAttribute("data-similarity"));
        assertThat(percent).isBetween(50, 100);
        // Still on the list page: the results were swapped in.
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/posts$"));

        // A hit links to its post, whose page lists the other pizza post as similar (and not itself).
        page.locator("[data-test=similar-results] [data-post='" + pizza.id() + "'] a")
                .click();
        page.waitForURL("**/posts/" + pizza.id());
        var similar = page.locator("[data-test=similar-results] .similar-hit");
        assertThat(similar).hasCount(1);
        assertThat(similar.first()).hasAttribute("data-post", pizzaAgain.id().toString());
        assertThat(similar.first().locator(".similarity")).hasClass(java.util.regex.Pattern.compile("is-repeat"));
        assertThat(browserErrors).isEmpty();
    }
}
