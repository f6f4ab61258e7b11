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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import herald.publishing.Posts;
import herald.tenancy.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@UiTest
class CalendarPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UiFixtures fixtures;

    @Autowired
    Posts posts;

    @Autowired
    herald.publishing.PostTags tags;

    @Test
    void showsScheduledPostsOnTheirDayInMonthAndWeekViews() throws Exception {
        var team = fixtures.team();
        var krusty = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, team.workspace().id(), "krusty");
        var post = PostsFixtures.scheduled(posts, team.workspace().id(), krusty, "Calendar pizza", "2099-05-14T23:30");
        var viewer = fixtures.member(team, Role.VIEWER);

        mvc.perform(get(team.path() + "/calendar?date=2099-05-01").with(as(viewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("May 2099")))
                .andExpect(content().string(containsString("data-entry=\"" + post.id() + "\" draggable=\"false\"")))
                .andExpect(content().string(containsString("23:30")));
        mvc.perform(get(team.path() + "/calendar?view=week&date=2099-05-14").with(as(team.owner())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Week of 11 May 2099")))
                .andExpect(content().string(containsString("data-entry=\"" + post.id() + "\" draggable=\"true\"")))
                .andExpect(content().string(containsString("aria-label=\"Previous week\"")))
                .andExpect(content()
                        .string(containsString("?view=week&amp;date=2099-05-14\" aria-current=\"page\">Week</a>")))
                .andExpect(content().string(containsString("?view=month&amp;date=2099-05-11\">Month</a>")));
        mvc.perform(get(team.path() + "/calendar?date=2099-06-01").with(as(viewer)))
                .andExpect(content().string(not(containsString("Calendar pizza"))));
    }

    @Test
    void anAccountThatGetsTheStoryIsMarkedSo(
            @Autowired herald.assets.Assets assets, @Autowired herald.assets.Folders folders) throws Exception {
        var team = fixtures.team();
        var w = team.workspace().id();
        var krusty = PostsFixtures.account(fixtures.tenants, fixtures.jdbc, w, "krusty");
        var photo = assets.upload(
                w,
                folders.all(w).getFirst().id(),
                new java.io.ByteArrayInputStream(herald.assets.SampleMedia.png(8, 8)),
                herald.assets.Upload.named("story.png"));
        posts.create(
                w,
                new herald.publishing.NewPost(
                        "Tonight",
                        null,
                        java.util.List.of(photo.id()),
                        java.util.List.of(new herald.publishing.NewPost.NewTarget(
                                krusty, null, null, herald.providers.PostFormat.STORY)),
                        "2099-05-14T20:00",
                        "Europe/Berlin",
                        false));

        mvc.perform(get(team.path() + "/calendar?date=2099-05-01").with(as(team.owner())))
                .andExpect(content().string(containsString("@krusty (story)")));
    }

    @Test
    void dragToAnotherDayKeepsTheTimeAndViewersCannotMove() throws Exception {
        var team = fixtures.team();
        var krusty = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, team.workspace().id(), "krusty");
        var post = PostsFixtures.scheduled(posts, team.workspace().id(), krusty, "Drag me", "2099-05-14T10:00");
        var viewer = fixtures.member(team, Role.VIEWER);
        String move = team.path() + "/calendar/" + post.id() + "/move";

        mvc.perform(post(move).with(csrf()).with(as(viewer)).param("date", "2099-05-20"))
                .andExpect(status().isForbidden());
        mvc.perform(post(move).with(csrf()).with(as(team.owner())).param("date", "2099-05-20"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.message").value("Moved to 2099-05-20 at 10:00."));
        assertThat(posts.get(team.workspace().id(), post.id()).scheduledAt()).hasToString("2099-05-20T08:00:00Z");

        posts.cancel(team.workspace().id(), post.id());
        mvc.perform(post(move).with(csrf()).with(as(team.owner())).param("date", "2099-05-21"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.message", containsString("can no longer move")));
    }

    @Test
    void anotherWorkspacesPostCannotBeMoved() throws Exception {
        var team = fixtures.team();
        var other = fixtures.team();
        var krusty = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, other.workspace().id(), "krusty");
        var theirs = PostsFixtures.scheduled(posts, other.workspace().id(), krusty, "Theirs", "2099-05-14T10:00");

        mvc.perform(post(team.path() + "/calendar/" + theirs.id() + "/move")
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("date", "2099-05-20"))
                .andExpect(status().isNotFound());
    }

    @Test
    void movesAPostToAnotherDayAndTimeWithoutDraggingAndComesBackToTheSameView() throws Exception {
        var team = fixtures.team();
        var krusty = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, team.workspace().id(), "krusty");
        var post = PostsFixtures.scheduled(posts, team.workspace().id(), krusty, "Keyboard me", "2099-05-14T10:00");
        var viewer = fixtures.member(team, Role.VIEWER);
        String reschedule = team.path() + "/calendar/reschedule";

        mvc.perform(get(team.path() + "/calendar?view=week&date=2099-05-14").with(as(team.owner())))
                .andExpect(content().string(containsString("data-entry-move")))
                .andExpect(content().string(containsString("data-at=\"2099-05-14T10:00\"")))
                .andExpect(content().string(containsString("data-move-dialog")))
                .andExpect(content().string(containsString("name=\"date\" value=\"2099-05-14\"")));
        mvc.perform(get(team.path() + "/calendar?view=week&date=2099-05-14").with(as(viewer)))
                .andExpect(content().string(not(containsString("data-entry-move"))))
                .andExpect(content().string(not(containsString("data-move-dialog"))));

        mvc.perform(post(reschedule)
                        .with(csrf())
                        .with(as(viewer))
                        .param("post", post.id().toString())
                        .param("scheduledAt", "2099-05-20T18:45"))
                .andExpect(status().isForbidden());
        mvc.perform(post(reschedule)
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("post", post.id().toString())
                        .param("scheduledAt", "2099-05-20T18:45")
                        .param("view", "week")
                        .param("date", "2099-05-14"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(team.path() + "/calendar?view=week&date=2099-05-14"))
                .andExpect(flash().attribute("notice", "Moved to 20 May 2099, 18:45."));
        assertThat(posts.get(team.workspace().id(), post.id()).scheduledAt()).hasToString("2099-05-20T16:45:00Z");

        mvc.perform(post(reschedule)
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("post", post.id().toString())
                        .param("scheduledAt", "2000-01-01T10:00"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(team.path() + "/calendar?view=month"))
                .andExpect(flash().attribute("problem", containsString("in the past")));
        posts.cancel(team.workspace().id(), post.id());
        mvc.perform(post(reschedule)
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("post", post.id().toString())
                        .param("scheduledAt", "2099-05-21T10:00"))
                .andExpect(flash().attribute("problem", containsString("can no longer move")));
        assertThat(posts.get(team.workspace().id(), post.id()).scheduledAt()).hasToString("2099-05-20T16:45:00Z");
    }

    @Test
    void showsOneAccountsOrOneTagsPostsAndKeepsTheFiltersWhenPagingAndMoving() throws Exception {
        var team = fixtures.team();
        var w = team.workspace().id();
        var krusty = PostsFixtures.account(fixtures.tenants, fixtures.jdbc, w, "krusty");
        var sideshow = PostsFixtures.account(fixtures.tenants, fixtures.jdbc, w, "sideshow");
        var launch = PostsFixtures.scheduled(posts, w, krusty, "Launch pizza", "2099-05-10T10:00");
        PostsFixtures.scheduled(posts, w, sideshow, "Sideshow pizza", "2099-05-11T10:00");
        PostsFixtures.scheduled(posts, w, krusty, "Plain krusty", "2099-05-12T10:00");
        tags.replace(w, launch.id(), java.util.List.of("Launch"));

        String byAccount = mvc.perform(get(team.path() + "/calendar?date=2099-05-01&account=" + sideshow.value())
                        .with(as(team.owner())))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(byAccount)
                .contains("Sideshow pizza")
                .doesNotContain("Launch pizza")
                .doesNotContain("Plain krusty");
        assertThat(byAccount)
                .as("next month keeps the account")
                .contains("/calendar?view=month&amp;account=" + sideshow.value() + "&amp;date=2099-06-01");

        String byTag = mvc.perform(get(team.path() + "/calendar?date=2099-05-01&tag=launch")
                        .with(as(team.owner())))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(byTag)
                .contains("Launch pizza")
                .doesNotContain("Sideshow pizza")
                .doesNotContain("Plain krusty");

        mvc.perform(post(team.path() + "/calendar/reschedule")
                        .param("post", launch.id().toString())
                        .param("scheduledAt", "2099-05-20T18:00")
                        .param("view", "month")
                        .param("date", "2099-05-01")
                        .param("tag", "Launch")
                        .param("account", "")
                        .with(csrf())
                        .with(as(team.owner())))
                .andExpect(redirectedUrl(team.path() + "/calendar?view=month&date=2099-05-01&tag=Launch"));
    }
}
