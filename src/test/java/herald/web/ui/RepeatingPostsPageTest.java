package herald.web.ui;

import static herald.web.ui.UiFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import herald.identity.User;
import herald.publishing.Post;
import herald.publishing.PostQuery;
import herald.publishing.PostRepeats;
import herald.publishing.Posts;
import herald.publishing.Repeat;
import herald.tenancy.Role;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Repeating posts in the UI: the composer's Repeat and Until, the series on the post's page with Stop repeating, the
 * mark on the posts list, the composer showing the repeat again when editing, and a bad last day refused.
 */
@UiTest
class RepeatingPostsPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UiFixtures fixtures;

    @Autowired
    Posts posts;

    @Autowired
    PostRepeats repeats;

    @Test
    void anEditorMakesAPostRepeatSeesItsSeriesAndStopsIt() throws Exception {
        var team = fixtures.team();
        var krusty = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, team.workspace().id(), "krusty");
        var editor = fixtures.member(team, Role.EDITOR);

        assertThat(page(team.path() + "/compose", editor))
                .contains("<option value=\"\" selected=\"selected\">Does not repeat</option>")
                .contains("<option value=\"two_weeks\">Every two weeks</option>");
        mvc.perform(post(team.path() + "/compose")
                        .with(csrf())
                        .with(as(editor))
                        .param("accounts", krusty.value().toString())
                        .param("body", "Taco Tuesday")
                        .param("when", "later")
                        .param("scheduledAt", "2099-03-03T18:00")
                        .param("repeat", "week")
                        .param("repeatUntil", "2099-06-30"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute(
                                "notice", "Scheduled for 1 account. It repeats every week until 30 Jun 2099."));
        Post post = only(team);
        assertThat(repeats.of(team.workspace().id(), post.id()).orElseThrow().repeat())
                .isEqualTo(new Repeat(Repeat.Every.WEEK, LocalDate.parse("2099-06-30")));

        assertThat(page(team.path() + "/posts/" + post.id(), editor))
                .contains("data-test=\"post-series\"")
                .contains("<strong>every week until 30 Jun 2099</strong>")
                .contains("data-test=\"stop-repeating\"");
        assertThat(page(team.path() + "/posts", editor)).contains("data-test=\"repeat-mark\"");
        assertThat(page(team.path() + "/calendar?date=2099-03-03", editor))
                .contains("data-test=\"repeat-mark\"")
                .contains("<span class=\"visually-hidden\">, repeats</span>");
        assertThat(page(team.path() + "/posts/" + post.id() + "/edit", editor))
                .as("editing shows the repeat as it is")
                .contains("<option value=\"week\" selected=\"selected\">Every week</option>")
                .contains("value=\"2099-06-30\"");

        mvc.perform(post(team.path() + "/posts/" + post.id() + "/stop-repeating")
                        .with(csrf())
                        .with(as(editor)))
                .andExpect(flash().attribute(
                                "notice",
                                "It no longer repeats: Herald makes no post after the latest of the series."));
        assertThat(page(team.path() + "/posts/" + post.id(), editor))
                .contains("data-test=\"series-ended\">Stopped by a person.<")
                .doesNotContain("data-test=\"stop-repeating\"");
        assertThat(page(team.path() + "/posts", editor)).doesNotContain("data-test=\"repeat-mark\"");
        assertThat(page(team.path() + "/calendar?date=2099-03-03", editor)).doesNotContain("data-test=\"repeat-mark\"");
        assertThat(page(team.path() + "/audit", team.owner()))
                .as("the audit log says it in words")
                .contains("stopped a post repeating");
    }

    @Test
    void theCalendarShowsTheOccurrencesASeriesWillMakeUntilItsLastDayAndNoneOnceStopped() throws Exception {
        var team = fixtures.team();
        var krusty = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, team.workspace().id(), "krusty");
        var other = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, team.workspace().id(), "other");
        LocalDate first = LocalDate.now(team.workspace().timezone()).plusDays(3);
        mvc.perform(post(team.path() + "/compose")
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("accounts", krusty.value().toString())
                        .param("body", "Soup of the week")
                        .param("when", "later")
                        .param("scheduledAt", first + "T12:00")
                        .param("repeat", "week")
                        .param("repeatUntil", first.plusDays(20).toString()))
                .andExpect(status().is3xxRedirection());
        Post post = only(team);
        String from = "data-from=\"" + post.id() + "\"";

        // Weeks are Monday to Sunday: the week of each date holds exactly that date's occurrence.
        String ownWeek = page(team.path() + "/calendar?view=week&date=" + first, team.owner());
        assertThat(ownWeek).contains("data-entry=\"" + post.id() + "\"").doesNotContain(from);
        assertThat(page(team.path() + "/posts/" + post.id(), team.owner()))
                .as("its page names the next posts, to its last day")
                .contains("data-test=\"series-upcoming\"")
                .contains("datetime=\"" + first.plusWeeks(1) + "T")
                .contains("datetime=\"" + first.plusWeeks(2) + "T")
                .doesNotContain("datetime=\"" + first.plusWeeks(3) + "T");
        for (int week = 1; week <= 2; week++) {
            String shown = page(team.path() + "/calendar?view=week&date=" + first.plusWeeks(week), team.owner());
            assertThat(count(shown, from))
                    .as("week " + week + " holds one occurrence to be made")
                    .isEqualTo(1);
            assertThat(shown).contains("Soup of the week").contains("data-test=\"upcoming-label\"");
            assertThat(page(
                            team.path() + "/calendar?view=week&date=" + first.plusWeeks(week) + "&account="
                                    + other.value(),
                            team.owner()))
                    .as("filtered to another account")
                    .doesNotContain(from);
        }
        assertThat(page(team.path() + "/calendar?view=week&date=" + first.plusWeeks(3), team.owner()))
                .as("its last day is before the fourth")
                .doesNotContain(from);

        // A day taken out of the series: no post that day, on the calendar or the post's page, until it is put back.
        LocalDate skipped = first.plusWeeks(1);
        assertThat(page(team.path() + "/posts/" + post.id(), team.owner()))
                .contains("<input type=\"hidden\" name=\"date\" value=\"" + skipped + "\">");
        mvc.perform(post(team.path() + "/posts/" + post.id() + "/skip")
                        .param("date", skipped.toString())
                        .with(csrf())
                        .with(as(team.owner())))
                .andExpect(flash().attribute("notice", "Skipped: the series makes no post on " + skipped + "."));
        assertThat(page(team.path() + "/calendar?view=week&date=" + skipped, team.owner()))
                .doesNotContain(from);
        assertThat(page(team.path() + "/posts/" + post.id(), team.owner()))
                .contains("data-test=\"series-skipped\"")
                .doesNotContain("datetime=\"" + skipped + "T");
        mvc.perform(post(team.path() + "/posts/" + post.id() + "/skip")
                        .param("date", first.plusDays(1).toString())
                        .with(csrf())
                        .with(as(team.owner())))
                .andExpect(flash().attribute(
                                "problem",
                                "The series makes no post on " + first.plusDays(1)
                                        + " in the coming year: choose one of its days."));
        mvc.perform(post(team.path() + "/posts/" + post.id() + "/skip")
                        .param("date", skipped.toString())
                        .param("restore", "true")
                        .with(csrf())
                        .with(as(team.owner())))
                .andExpect(flash().attribute("notice", "Put back: the series posts on " + skipped + " again."));
        assertThat(count(page(team.path() + "/calendar?view=week&date=" + skipped, team.owner()), from))
                .isEqualTo(1);

        repeats.stop(team.workspace().id(), post.id());
        assertThat(page(team.path() + "/calendar?view=week&date=" + first.plusWeeks(1), team.owner()))
                .doesNotContain(from);
    }

    private static int count(String page, String what) {
        return page.split(java.util.regex.Pattern.quote(what), -1).length - 1;
    }

    @Test
    void aLastDayBeforeThePostsOwnIsRefusedAndNothingIsSaved() throws Exception {
        var team = fixtures.team();
        var krusty = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, team.workspace().id(), "krusty");

        String page = mvc.perform(post(team.path() + "/compose")
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("accounts", krusty.value().toString())
                        .param("body", "Backwards")
                        .param("when", "later")
                        .param("scheduledAt", "2099-03-03T18:00")
                        .param("repeat", "day")
                        .param("repeatUntil", "2099-03-01"))
                .andExpect(status().isUnprocessableContent())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("The last day (2099-03-01) is before the post&#39;s own day (2099-03-03).");
        assertThat(posts.list(team.workspace().id(), new PostQuery(null, null, null, null, null, null, 5)))
                .isEmpty();
    }

    private Post only(UiFixtures.Team team) {
        List<Post> found = posts.list(team.workspace().id(), new PostQuery(null, null, null, null, null, null, 5));
        assertThat(found).hasSize(1);
        return found.getFirst();
    }

    private String page(String path, User user) throws Exception {
        return mvc.perform(get(java.net.URI.create(path)).with(as(user)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }
}
