package herald.web.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Bulk scheduling in Chromium: from the posts list to the import page, a file with a past date previewed with its
 * error in red and nothing created, the fixed file previewed clean and scheduled, and the posts in the list.
 */
class BulkImportBrowserTest extends BrowserTest {

    @Autowired
    UiFixtures fixtures;

    static FilePayload file(String csv) {
        return new FilePayload("posts.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    long posts(UiFixtures.Team team) {
        return fixtures.tenants.call(team.workspace().id(), () -> fixtures.jdbc
                .sql("select count(*) from posts")
                .query(Long.class)
                .single());
    }

    @Test
    void previewsAFileWithAnErrorThenSchedulesTheFixedFile() throws IOException {
        var team = fixtures.team();
        PostsFixtures.account(fixtures.tenants, fixtures.jdbc, team.workspace().id(), "krusty");
        String w = team.path();
        Page page = person();
        signIn(page, team.owner().email());

        page.navigate(w + "/posts");
        link(page, "Import CSV").click();
        page.waitForURL("**/posts/import");
        assertThat(heading(page)).hasText("Import posts from CSV");
        PageFitness.check(page, "import-desktop");

        Download download =
                page.waitForDownload(() -> link(page, "Download the template").click());
        String template = Files.readString(download.path(), StandardCharsets.UTF_8);
        assertThat(template)
                .startsWith("date,text,link,accounts,media")
                .contains("@krusty")
                .contains("queue,");

        page.getByLabel("krusty @krusty").check();
        page.getByLabel("CSV file")
                .setInputFiles(
                        file(
                                """
                date,text,accounts
                2099-06-01 09:00,"Pizza night, with friends",
                2020-01-01 09:00,Long gone,@krusty
                queue,Queued pasta,
                """));
        button(page, "Preview").click();

        var preview = page.locator("[data-test=import-preview]");
        assertThat(preview.locator("[data-test=preview-problems]"))
                .hasText("1 row has a problem. Fix it in your file and upload it again; nothing was created.");
        assertThat(preview.locator("tr[data-row='3'] [data-test=row-problems]"))
                .containsText("date: 2020-01-01 09:00 has already passed in Europe/Berlin");
        assertThat(preview.locator("tr[data-row='2']")).containsText("1 Jun 2099, 09:00");
        assertThat(preview.locator("tr[data-row='2']")).containsText("Sandbox @krusty");
        assertThat(preview.locator("tr[data-row='4']")).containsText("Queue: ");
        assertThat(page.locator("button[value=schedule]")).hasCount(0);
        PageFitness.check(page, "import-preview-errors-desktop");
        assertThat(posts(team)).isZero();

        // The account stays chosen; the fixed file goes up again.
        assertThat(page.getByLabel("krusty @krusty")).isChecked();
        page.getByLabel("CSV file")
                .setInputFiles(
                        file(
                                """
                date,text,accounts
                2099-06-01 09:00,"Pizza night, with friends",
                2099-06-02 18:30,"Pasta night
                on two lines",@krusty
                queue,Queued pasta,
                """));
        button(page, "Preview").click();
        assertThat(page.locator("[data-test=preview-ready]")).hasText("All 3 rows are ready.");
        assertThat(page.locator("tr[data-row='3']")).containsText("2 Jun 2099, 18:30");
        assertThat(posts(team)).isZero();

        button(page, "Schedule 3 posts").click();
        page.waitForURL("**" + w + "/posts");
        assertThat(page.locator(".flash.success")).hasText("3 posts scheduled.");
        assertThat(page.locator("table")).containsText("Pizza night, with friends");
        assertThat(page.locator("table")).containsText("Pasta night");
        assertThat(page.locator("table")).containsText("Queued pasta");
        assertThat(posts(team)).isEqualTo(3);
        assertThat(browserErrors).isEmpty();
    }
}
