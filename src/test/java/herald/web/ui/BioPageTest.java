package herald.web.ui;

import static herald.web.ui.UiFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import herald.assets.Assets;
import herald.assets.Folders;
import herald.assets.SampleMedia;
import herald.assets.Upload;
import herald.publishing.NewPost;
import herald.publishing.Post;
import herald.publishing.Posts;
import herald.publishing.ShortLinks;
import herald.tenancy.Role;
import herald.tenancy.WorkspaceRules;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The link-in-bio page: up only when an admin puts it up, for anyone signed in or not, with the workspace's published
 * posts that have a link (newest first, an image post as its thumbnail), each leading through a short link that counts
 * its clicks with the post's; drafts, scheduled posts, posts without a link and other workspaces' posts never show.
 */
@UiTest
class BioPageTest {

    static final Pattern TILE =
            Pattern.compile("href=\"(http://localhost:8080/l/([0-9A-Za-z]{10}))\"[^>]*data-test=\"bio-tile\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    UiFixtures fixtures;

    @Autowired
    Posts posts;

    @Autowired
    WorkspaceRules workspaceRules;

    @Autowired
    ShortLinks shortLinks;

    @Autowired
    herald.publishing.ShortLinkClicks clicks;

    @Autowired
    Assets assets;

    @Autowired
    Folders folders;

    @Autowired
    herald.publishing.BioPagePosts bioPages;

    @Test
    void anAdminPutsThePageUpAndReadersFollowItsPostsLinksThroughShortLinksThatCount() throws Exception {
        var team = fixtures.team();
        var w = team.workspace().id();
        var krusty = PostsFixtures.account(fixtures.tenants, fixtures.jdbc, w, "krusty");
        String bio = "/bio/" + team.workspace().slug();
        mvc.perform(get(bio)).andExpect(status().isNotFound());

        var image = assets.upload(
                w,
                folders.all(w).getFirst().id(),
                new ByteArrayInputStream(SampleMedia.png(8, 8)),
                Upload.named("pie.png"));
        Post older = published(
                PostsFixtures.scheduled(
                        posts, w, krusty, "Menu at https://krusty.example.com/menu today", "2099-05-01T12:00"),
                7200);
        Post newer = published(
                posts.create(
                        w,
                        new NewPost(
                                "Slice of the week\nhot honey",
                                "https://krusty.example.com/slice",
                                List.of(image.id()),
                                List.of(new NewPost.NewTarget(krusty, null)),
                                "2099-05-02T12:00",
                                "Europe/Berlin",
                                false,
                                List.of(),
                                null,
                                null)),
                60);
        published(PostsFixtures.scheduled(posts, w, krusty, "No link at all", "2099-05-03T12:00"), 30);
        PostsFixtures.scheduled(posts, w, krusty, "Not yet https://krusty.example.com/soon", "2099-05-04T12:00");

        var viewer = fixtures.member(team, Role.VIEWER);
        var editor = fixtures.member(team, Role.EDITOR);
        mvc.perform(post(team.path() + "/settings/bio-page")
                        .with(csrf())
                        .with(as(editor))
                        .param("shown", "true"))
                .andExpect(status().isForbidden());
        mvc.perform(post(team.path() + "/settings/bio-page")
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("shown", "true"))
                .andExpect(flash().attribute("notice", "Link-in-bio page up at http://localhost:8080" + bio + "."));

        mvc.perform(post(team.path() + "/settings/bio-page-text")
                        .with(csrf())
                        .with(as(editor))
                        .param("text", "Nope"))
                .andExpect(status().isForbidden());
        mvc.perform(post(team.path() + "/settings/bio-page-text")
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("text", "y".repeat(301)))
                .andExpect(flash().attribute("problem", org.hamcrest.Matchers.containsString("at most 300")));
        mvc.perform(post(team.path() + "/settings/bio-page-text")
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("text", "Wood-fired pizza in Brooklyn <since> 2009."))
                .andExpect(flash().attribute("notice", org.hamcrest.Matchers.containsString("text is saved")));
        String page = mvc.perform(get(bio))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("<title>" + team.workspace().name() + "</title>")
                .contains("data-test=\"bio-text\">Wood-fired pizza in Brooklyn &lt;since&gt; 2009.<")
                .contains("data-post=\"" + newer.id() + "\"", "data-post=\"" + older.id() + "\"")
                .contains("alt=\"Slice of the week\"", "/media/" + w + "/" + image.id() + "/thumbnail?")
                .contains(">Menu at today<")
                .doesNotContain("No link at all", "Not yet");
        assertThat(page.indexOf(newer.id().toString()))
                .as("newest first")
                .isLessThan(page.indexOf(older.id().toString()));
        List<String> codes = TILE.matcher(page).results().map(m -> m.group(2)).toList();
        assertThat(codes).hasSize(2).doesNotHaveDuplicates();
        assertThat(shortLinks.follow(codes.get(0), true)).hasValue("https://krusty.example.com/slice");
        assertThat(shortLinks.follow(codes.get(1), true)).hasValue("https://krusty.example.com/menu");
        // Shown again: the same short links, not new ones.
        String again = mvc.perform(get(bio)).andReturn().getResponse().getContentAsString();
        assertThat(TILE.matcher(again)
                        .results()
                        .map(java.util.regex.MatchResult::group)
                        .toList())
                .containsExactlyElementsOf(TILE.matcher(page)
                        .results()
                        .map(java.util.regex.MatchResult::group)
                        .toList());

        mvc.perform(get(team.path() + "/posts/" + newer.id()).with(as(editor)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("(link in bio)")));
        assertThat(clicks.of(w, newer.id())).singleElement().satisfies(link -> {
            assertThat(link.part()).isEqualTo("bio");
            assertThat(link.clicks()).isEqualTo(1);
        });

        // An editor takes the newer post off the page from its own page, and puts it back.
        mvc.perform(get(team.path() + "/posts/" + newer.id()).with(as(editor)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("data-test=\"bio-page-shown\"")));
        mvc.perform(post(team.path() + "/posts/" + newer.id() + "/bio-page")
                        .with(csrf())
                        .with(as(viewer))
                        .param("shown", "false"))
                .andExpect(status().isForbidden());
        mvc.perform(post(team.path() + "/posts/" + newer.id() + "/bio-page")
                        .with(csrf())
                        .with(as(editor))
                        .param("shown", "false"))
                .andExpect(flash().attribute("notice", org.hamcrest.Matchers.startsWith("Taken off")));
        assertThat(mvc.perform(get(bio)).andReturn().getResponse().getContentAsString())
                .doesNotContain(newer.id().toString())
                .contains(older.id().toString());
        mvc.perform(get(team.path() + "/posts/" + newer.id()).with(as(editor)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("data-test=\"bio-page-hidden\"")));
        assertThat(bioPages.show(w, newer.id(), true).shown()).isTrue();
        assertThat(mvc.perform(get(bio)).andReturn().getResponse().getContentAsString())
                .contains(newer.id().toString());

        var other = fixtures.team();
        workspaceRules.showBioPage(other.workspace().id(), true);
        mvc.perform(post(other.path() + "/posts/" + newer.id() + "/bio-page")
                        .with(csrf())
                        .with(as(other.owner()))
                        .param("shown", "false"))
                .andExpect(status().isNotFound());
        assertThat(mvc.perform(get("/bio/" + other.workspace().slug()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("data-test=\"bio-empty\"")
                .doesNotContain("krusty.example.com");
        mvc.perform(post(team.path() + "/settings/bio-page")
                .with(csrf())
                .with(as(team.owner()))
                .param("shown", "false"));
        mvc.perform(get(bio)).andExpect(status().isNotFound());
        mvc.perform(get("/bio/no-such-workspace")).andExpect(status().isNotFound());
        assertThat(shortLinks.follow(codes.get(0), false))
                .as("published links outlive the page")
                .hasValue("https://krusty.example.com/slice");
    }

    @Test
    void anEditorPinsUpToThreePostsAboveTheNewestAndTakingOneOffThePageUnpinsIt() throws Exception {
        var team = fixtures.team();
        var w = team.workspace().id();
        var krusty = PostsFixtures.account(fixtures.tenants, fixtures.jdbc, w, "krusty");
        workspaceRules.showBioPage(w, true);
        List<Post> byAge = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            byAge.add(published(
                    PostsFixtures.scheduled(
                            posts,
                            w,
                            krusty,
                            "Offer " + i + " https://krusty.example.com/offer/" + i,
                            "2099-05-0" + (i + 1) + "T12:00"),
                    3600L * (10 - i)));
        }
        Post oldest = byAge.getFirst();
        Post newest = byAge.getLast();
        Post scheduled =
                PostsFixtures.scheduled(posts, w, krusty, "Soon https://krusty.example.com/soon", "2099-06-01T12:00");
        var editor = fixtures.member(team, Role.EDITOR);
        var viewer = fixtures.member(team, Role.VIEWER);
        String bio = "/bio/" + team.workspace().slug();

        mvc.perform(post(team.path() + "/posts/" + oldest.id() + "/bio-page/pin")
                        .with(csrf())
                        .with(as(viewer))
                        .param("pinned", "true"))
                .andExpect(status().isForbidden());
        mvc.perform(post(team.path() + "/posts/" + oldest.id() + "/bio-page/pin")
                        .with(csrf())
                        .with(as(editor))
                        .param("pinned", "true"))
                .andExpect(flash().attribute("notice", org.hamcrest.Matchers.startsWith("Pinned to the top")));
        String page = mvc.perform(get(bio)).andReturn().getResponse().getContentAsString();
        assertThat(page.indexOf(oldest.id().toString()))
                .as("the pinned post above the newest")
                .isLessThan(page.indexOf(newest.id().toString()));
        assertThat(page).containsOnlyOnce("data-test=\"bio-pinned\"");
        mvc.perform(get(team.path() + "/posts/" + oldest.id()).with(as(editor)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("data-test=\"bio-page-pinned\"")));

        bioPages.pin(w, byAge.get(1).id(), true);
        bioPages.pin(w, byAge.get(2).id(), true);
        mvc.perform(post(team.path() + "/posts/" + newest.id() + "/bio-page/pin")
                        .with(csrf())
                        .with(as(editor))
                        .param("pinned", "true"))
                .andExpect(flash().attribute("problem", org.hamcrest.Matchers.containsString("At most 3 posts")));
        mvc.perform(post(team.path() + "/posts/" + scheduled.id() + "/bio-page/pin")
                        .with(csrf())
                        .with(as(editor))
                        .param("pinned", "true"))
                .andExpect(flash().attribute("problem", org.hamcrest.Matchers.containsString("Only a published post")));
        String three = mvc.perform(get(bio)).andReturn().getResponse().getContentAsString();
        assertThat(three.indexOf(byAge.get(2).id().toString()))
                .as("the latest pinned first, all pinned above the newest")
                .isLessThan(three.indexOf(byAge.get(1).id().toString()));
        assertThat(three.indexOf(oldest.id().toString()))
                .isLessThan(three.indexOf(newest.id().toString()));

        assertThat(bioPages.show(w, oldest.id(), false).pinned()).isFalse();
        assertThat(bioPages.show(w, oldest.id(), true).pinned())
                .as("put back, it takes its place among the newest")
                .isFalse();
        String after = mvc.perform(get(bio)).andReturn().getResponse().getContentAsString();
        assertThat(after.indexOf(oldest.id().toString()))
                .isGreaterThan(after.indexOf(newest.id().toString()));
        assertThat(bioPages.pin(w, newest.id(), true).pinned())
                .as("a place came free")
                .isTrue();
    }

    /** The post as published {@code secondsAgo}, as the dispatcher leaves it. */
    private Post published(Post post, long secondsAgo) {
        PostsFixtures.published(
                fixtures.tenants, fixtures.jdbc, post, Instant.now().minusSeconds(secondsAgo), "{}", 0, 0);
        return post;
    }
}
