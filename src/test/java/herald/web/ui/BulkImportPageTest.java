package herald.web.ui;

import static herald.web.ui.UiFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import herald.tenancy.Role;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** The import page's guards: editors only, CSRF, a readable refusal of an unusable file, and the template. */
@UiTest
class BulkImportPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UiFixtures fixtures;

    static MockMultipartFile file(String csv) {
        return new MockMultipartFile("file", "posts.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    long posts(UiFixtures.Team team) {
        return fixtures.tenants.call(team.workspace().id(), () -> fixtures.jdbc
                .sql("select count(*) from posts")
                .query(Long.class)
                .single());
    }

    @Test
    void viewersCannotImportAndNothingIsCreatedWithoutCsrf() throws Exception {
        var team = fixtures.team();
        var krusty = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, team.workspace().id(), "krusty");
        var viewer = fixtures.member(team, Role.VIEWER);
        String csv = "date,text\n2099-06-01 09:00,Hello\n";

        mvc.perform(get(team.path() + "/posts/import").with(as(viewer))).andExpect(status().isForbidden());
        mvc.perform(multipart(team.path() + "/posts/import")
                        .file(file(csv))
                        .param("accounts", krusty.value().toString())
                        .param("action", "schedule")
                        .with(csrf())
                        .with(as(viewer)))
                .andExpect(status().isForbidden());
        mvc.perform(multipart(team.path() + "/posts/import")
                        .file(file(csv))
                        .param("accounts", krusty.value().toString())
                        .param("action", "schedule")
                        .with(as(team.owner())))
                .andExpect(status().isForbidden());
        assertThat(posts(team)).isZero();

        mvc.perform(multipart(team.path() + "/posts/import")
                        .file(file(csv))
                        .param("accounts", krusty.value().toString())
                        .param("action", "schedule")
                        .with(csrf())
                        .with(as(team.owner())))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", team.path() + "/posts"));
        assertThat(posts(team)).isEqualTo(1);
    }

    @Test
    void refusesAnUnusableFileInPlainWordsAndOffersATemplate() throws Exception {
        var team = fixtures.team();
        mvc.perform(multipart(team.path() + "/posts/import")
                        .file(file("when,text,colour\n,Hi,red\n"))
                        .with(csrf())
                        .with(as(team.owner())))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Nothing was created.")))
                .andExpect(content().string(containsString("Row 1: Unknown columns &#39;when&#39;, &#39;colour&#39;")));
        mvc.perform(multipart(team.path() + "/posts/import").with(csrf()).with(as(team.owner())))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Choose a CSV file to upload.")));

        mvc.perform(get(team.path() + "/posts/import/template.csv").with(as(team.owner())))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", containsString("text/csv")))
                .andExpect(header().string("Content-Disposition", containsString("herald-posts-template.csv")))
                .andExpect(content().string(containsString("date,text,link,accounts,media,tags")));
        assertThat(posts(team)).isZero();
    }
}
