package herald.web.ui;

import static herald.web.ui.UiFixtures.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import herald.publishing.Evergreen;
import herald.publishing.Post;
import herald.publishing.Posts;
import herald.tenancy.Role;
import java.time.Instant;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The evergreen library's pages: an editor keeps a published post from its page (not a scheduled one), every member
 * sees the library, and only owners and admins turn refilling on.
 */
@UiTest
class EvergreenPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UiFixtures fixtures;

    @Autowired
    Posts posts;

    @Autowired
    Evergreen evergreen;

    @Test
    void anEditorKeepsAPublishedPostAndAnAdminTurnsRefillingOn() throws Exception {
        var team = fixtures.team();
        var w = team.workspace().id();
        var krusty = PostsFixtures.account(fixtures.tenants, fixtures.jdbc, w, "krusty");
        Post classic = PostsFixtures.scheduled(posts, w, krusty, "Our margherita, since 2009", "2099-05-01T12:00");
        PostsFixtures.published(
                fixtures.tenants, fixtures.jdbc, classic, Instant.now().minusSeconds(3600), "{}", 0, 0);
        Post soon = PostsFixtures.scheduled(posts, w, krusty, "Not out yet", "2099-05-02T12:00");
        var editor = fixtures.member(team, Role.EDITOR);
        var viewer = fixtures.member(team, Role.VIEWER);
        String keep = team.path() + "/posts/" + classic.id() + "/evergreen";

        mvc.perform(get(team.path() + "/posts/" + classic.id()).with(as(viewer)))
                .andExpect(content().string(containsString("data-test=\"post-evergreen\"")))
                .andExpect(content().string(not(containsString("data-test=\"evergreen-toggle\""))));
        mvc.perform(post(keep).with(csrf()).with(as(viewer)).param("kept", "true"))
                .andExpect(status().isForbidden());
        mvc.perform(post(keep).with(csrf()).with(as(editor)).param("kept", "true"))
                .andExpect(redirectedUrl(team.path() + "/posts/" + classic.id() + "#evergreen"))
                .andExpect(flash().attribute("notice", containsString("Turn on refilling")));
        mvc.perform(post(team.path() + "/posts/" + soon.id() + "/evergreen")
                        .with(csrf())
                        .with(as(editor))
                        .param("kept", "true"))
                .andExpect(flash().attribute("problem", containsString("Only a published post")));
        mvc.perform(get(team.path() + "/posts/" + classic.id()).with(as(editor)))
                .andExpect(content().string(containsString("data-test=\"evergreen-kept\"")))
                .andExpect(content().string(containsString("Take out of the library")));

        mvc.perform(get(team.path() + "/evergreen").with(as(viewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-test=\"evergreen-off\"")))
                .andExpect(content().string(containsString("Our margherita, since 2009")))
                .andExpect(content().string(not(containsString("Not out yet"))))
                .andExpect(content().string(not(containsString("evergreen/refill"))));
        mvc.perform(post(team.path() + "/evergreen/refill")
                        .with(csrf())
                        .with(as(editor))
                        .param("every", "30"))
                .andExpect(status().isForbidden());
        mvc.perform(post(team.path() + "/evergreen/refill")
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("every", "30"))
                .andExpect(flash().attribute("notice", containsString("at most every 30 days")))
                .andExpect(flash().attribute("notice", containsString("1 copy was queued just now.")));
        Assertions.assertThat(evergreen.every(w)).isEqualTo(30);
        mvc.perform(get(team.path() + "/evergreen").with(as(team.owner())))
                .andExpect(content().string(containsString("data-test=\"evergreen-on\"")));
        mvc.perform(get(team.path() + "/queue").with(as(viewer)))
                .andExpect(content().string(containsString("data-test=\"evergreen-link\"")));

        fixtures.tenants.run(w, () -> fixtures.jdbc
                .sql(
                        "update post_evergreen set last_problem = 'Sandbox @krusty: reconnect it.' where workspace_id = :w")
                .param("w", w.value())
                .update());
        mvc.perform(get(team.path() + "/evergreen").with(as(viewer)))
                .andExpect(content().string(containsString("data-test=\"evergreen-problem\"")))
                .andExpect(content().string(containsString("Sandbox @krusty: reconnect it.")))
                .andExpect(content().string(containsString("data-test=\"evergreen-shares\"")));

        mvc.perform(post(keep + "/limits").with(csrf()).with(as(viewer)).param("maxShares", "1"))
                .andExpect(status().isForbidden());
        mvc.perform(post(keep + "/limits")
                        .with(csrf())
                        .with(as(editor))
                        .param("maxShares", "0")
                        .param("until", ""))
                .andExpect(redirectedUrl(team.path() + "/evergreen"))
                .andExpect(flash().attribute("problem", containsString("at most 1 to 1000 times")));
        mvc.perform(post(keep + "/limits")
                        .with(csrf())
                        .with(as(editor))
                        .param("maxShares", "1")
                        .param("until", "2099-03-31"))
                .andExpect(flash().attribute("notice", containsString("at most 1 time, until 31 Mar 2099")))
                .andExpect(flash().attribute("notice", containsString("It has reached them")));
        mvc.perform(get(team.path() + "/evergreen").with(as(viewer)))
                .andExpect(content().string(containsString("Shared at most 1 time, until 31 Mar 2099")))
                .andExpect(content().string(containsString("data-test=\"evergreen-done\"")))
                .andExpect(content().string(not(containsString("data-test=\"evergreen-limits-form\""))))
                .andExpect(content().string(not(containsString("data-test=\"evergreen-problem\""))));
        mvc.perform(get(team.path() + "/evergreen").with(as(editor)))
                .andExpect(content().string(containsString("data-test=\"evergreen-limits-form\"")))
                .andExpect(content().string(containsString("value=\"2099-03-31\"")));

        mvc.perform(post(keep).with(csrf()).with(as(editor)).param("kept", "false"))
                .andExpect(flash().attribute("notice", containsString("Taken out")));
        Assertions.assertThat(evergreen.list(w)).isEmpty();
        var other = fixtures.team();
        mvc.perform(get(other.path() + "/evergreen").with(as(other.owner())))
                .andExpect(content().string(not(containsString("Our margherita"))));
    }
}
