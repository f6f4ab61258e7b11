package herald.web.ui;

import static herald.web.ui.UiFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import herald.content.Snippets;
import herald.tenancy.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The snippets page, and the composer's snippet picker. */
@UiTest
class SnippetsPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UiFixtures fixtures;

    @Autowired
    Snippets snippets;

    @Test
    void editorsSaveChangeAndDeleteSnippetsWhichTheComposerOffers() throws Exception {
        var team = fixtures.team();
        var viewer = fixtures.member(team, Role.VIEWER);
        var editor = fixtures.member(team, Role.EDITOR);
        PostsFixtures.account(fixtures.tenants, fixtures.jdbc, team.workspace().id(), "krusty");

        mvc.perform(post(team.path() + "/snippets")
                        .param("name", "Tags")
                        .param("body", "#x")
                        .with(csrf())
                        .with(as(viewer)))
                .andExpect(status().isForbidden());
        mvc.perform(post(team.path() + "/snippets")
                        .param("name", "Pizza tags")
                        .param("body", "#pizza #napoli")
                        .with(csrf())
                        .with(as(editor)))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "Snippet “Pizza tags” saved."));
        mvc.perform(post(team.path() + "/snippets")
                        .param("name", "pizza TAGS")
                        .param("body", "#again")
                        .with(csrf())
                        .with(as(editor)))
                .andExpect(flash().attribute("problem", containsString("choose another name")))
                .andExpect(flash().attribute("draftBody", "#again"));

        var saved = snippets.all(team.workspace().id()).getFirst();
        mvc.perform(get(team.path() + "/snippets").with(as(viewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("#pizza #napoli")))
                .andExpect(content().string(not(containsString("Save snippet"))));
        mvc.perform(get(team.path() + "/compose").with(as(editor)))
                .andExpect(content().string(containsString("<option value=\"#pizza #napoli\">Pizza tags</option>")));

        mvc.perform(post(team.path() + "/snippets")
                        .param("id", saved.id().toString())
                        .param("name", "Pizza tags")
                        .param("body", "#pizza #margherita")
                        .with(csrf())
                        .with(as(editor)))
                .andExpect(flash().attribute("notice", "Snippet “Pizza tags” saved."));
        assertThat(snippets.require(team.workspace().id(), saved.id()).body()).isEqualTo("#pizza #margherita");

        mvc.perform(post(team.path() + "/snippets/" + saved.id() + "/delete")
                        .with(csrf())
                        .with(as(editor)))
                .andExpect(flash().attribute("notice", "Snippet “Pizza tags” deleted."));
        assertThat(snippets.all(team.workspace().id())).isEmpty();

        var other = fixtures.team();
        var theirs = snippets.create(other.workspace().id(), "Theirs", "#theirs");
        mvc.perform(get(team.path() + "/snippets?edit=" + theirs.id()).with(as(editor)))
                .andExpect(status().isNotFound());
    }
}
