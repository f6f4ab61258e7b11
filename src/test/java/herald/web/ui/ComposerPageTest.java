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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import herald.publishing.PostQuery;
import herald.publishing.PostStatus;
import herald.publishing.Posts;
import herald.tenancy.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@UiTest
class ComposerPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UiFixtures fixtures;

    @Autowired
    Posts posts;

    @Test
    void showsActiveAccountsWithTheirPlatformRulesToEditorsButNotToViewers() throws Exception {
        var team = fixtures.team();
        var krusty = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, team.workspace().id(), "krusty");
        var viewer = fixtures.member(team, Role.VIEWER);
        var editor = fixtures.member(team, Role.EDITOR);

        mvc.perform(get(team.path() + "/compose").with(as(editor)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + krusty.value() + "\"")))
                .andExpect(content().string(containsString("data-max-length=\"")))
                .andExpect(content().string(containsString("@krusty")))
                .andExpect(content().string(containsString("aria-live=\"polite\" data-counters")))
                .andExpect(content().string(containsString(">Compose</a>")));
        mvc.perform(get(team.path() + "/compose").with(as(viewer))).andExpect(status().isForbidden());
        mvc.perform(post(team.path() + "/compose")
                        .with(csrf())
                        .with(as(viewer))
                        .param("accounts", krusty.value().toString())
                        .param("body", "Hi"))
                .andExpect(status().isForbidden());
        mvc.perform(get(team.path() + "/posts").with(as(viewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(">Compose</a>"))));
    }

    @Test
    void schedulesAPostInTheWorkspaceTimezoneAndOpensIt() throws Exception {
        var team = fixtures.team();
        var krusty = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, team.workspace().id(), "krusty");

        mvc.perform(post(team.path() + "/compose")
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("accounts", krusty.value().toString())
                        .param("body", "Two for one on Tuesdays")
                        .param("override-" + krusty.value(), "Krusty's own words")
                        .param("when", "later")
                        .param("scheduledAt", "2099-03-01T09:30"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern(team.path() + "/posts/*"))
                .andExpect(flash().attribute("notice", "Scheduled for 1 account."));

        var created = posts.list(team.workspace().id(), new PostQuery(null, null, null, null, null, null, 10));
        assertThat(created).singleElement().satisfies(p -> {
            assertThat(p.status()).isEqualTo(PostStatus.SCHEDULED);
            assertThat(p.scheduledAt()).hasToString("2099-03-01T08:30:00Z");
            assertThat(p.targets().getFirst().body()).isEqualTo("Krusty's own words");
        });
    }

    @Test
    void showsEachTargetsProblemInPlainWordsAndCreatesNothing() throws Exception {
        var team = fixtures.team();
        var krusty = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, team.workspace().id(), "krusty");

        mvc.perform(post(team.path() + "/compose")
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("accounts", krusty.value().toString())
                        .param("body", "x".repeat(5000)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Nothing was created.")))
                .andExpect(content().string(containsString("id=\"errors-" + krusty.value() + "\"")))
                .andExpect(content().string(containsString("Sandbox @krusty: 5000 of")));
        mvc.perform(post(team.path() + "/compose")
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("body", "To nobody"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Nothing was created.")));
        mvc.perform(post(team.path() + "/compose")
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("accounts", krusty.value().toString())
                        .param("body", "When?")
                        .param("when", "later"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("Choose the date and time")));

        assertThat(posts.list(team.workspace().id(), new PostQuery(null, null, null, null, null, null, 10)))
                .isEmpty();
    }

    @Test
    void savesADraftWithoutScheduling() throws Exception {
        var team = fixtures.team();
        var krusty = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, team.workspace().id(), "krusty");

        mvc.perform(post(team.path() + "/compose")
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("accounts", krusty.value().toString())
                        .param("body", "x".repeat(5000))
                        .param("action", "draft"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", containsString("draft")));
        assertThat(posts.list(team.workspace().id(), new PostQuery(null, null, null, null, null, null, 10)))
                .singleElement()
                .satisfies(p -> assertThat(p.status()).isEqualTo(PostStatus.DRAFT));
    }
}
