package herald.web.ui;

import static herald.web.ui.UiFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import herald.analytics.Analytics;
import herald.analytics.BestTimes;
import herald.connections.ConnectionId;
import herald.publishing.Post;
import herald.publishing.PostingSchedule;
import herald.publishing.Posts;
import herald.shared.WorkspaceId;
import herald.tenancy.Role;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * "When your posts do best" from figures stored as the sweep stores them: the weekday hours ranked by engagements a
 * post in the workspace's zone, hours with one post left out, nothing said with too few posts, and a best time added
 * to the posting schedule by an editor.
 */
@UiTest
class BestTimesPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UiFixtures fixtures;

    @Autowired
    Posts posts;

    @Autowired
    Analytics analytics;

    @Autowired
    PostingSchedule schedule;

    @Test
    void ranksTheHoursThatDidBestAndAddsOneToTheSchedule() throws Exception {
        var team = fixtures.team();
        WorkspaceId workspace = team.workspace().id();
        ZoneId zone = team.workspace().timezone();
        var krusty = PostsFixtures.account(fixtures.tenants, fixtures.jdbc, workspace, "krusty");
        LocalDate lastWeek = LocalDate.now(zone).minusWeeks(1);
        LocalDate tuesday = lastWeek.with(TemporalAdjusters.previousOrSame(DayOfWeek.TUESDAY));
        LocalDate thursday = lastWeek.with(TemporalAdjusters.previousOrSame(DayOfWeek.THURSDAY));

        int made = 0;
        // Nine posts: too few to tell.
        for (int week = 0; week < 4; week++) {
            published(workspace, zone, krusty, tuesday.minusWeeks(week), LocalTime.of(9, 30), 40 + week * 2, made++);
        }
        for (int week = 0; week < 3; week++) {
            published(workspace, zone, krusty, thursday.minusWeeks(week), LocalTime.of(18, 15), 10, made++);
        }
        published(workspace, zone, krusty, tuesday, LocalTime.of(14, 0), 100, made++); // one post: not an hour to go by
        published(workspace, zone, krusty, thursday, LocalTime.of(7, 0), 1, made++);
        assertThat(analytics.bestTimes(workspace, zone, null).known()).isFalse();
        mvc.perform(get(team.path() + "/analytics").with(as(team.owner())))
                .andExpect(content().string(containsString("data-test=\"best-unknown\"")))
                .andExpect(content().string(containsString("at least 10 posts of the last 90 days")));

        published(workspace, zone, krusty, thursday.minusWeeks(5), LocalTime.of(7, 0), 3, made);
        BestTimes best = analytics.bestTimes(workspace, zone, null);
        assertThat(best.measured()).isEqualTo(10);
        assertThat(best.times())
                .extracting(BestTimes.Time::day, BestTimes.Time::hour, BestTimes.Time::posts)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(DayOfWeek.TUESDAY, 9, 4),
                        org.assertj.core.groups.Tuple.tuple(DayOfWeek.THURSDAY, 18, 3),
                        org.assertj.core.groups.Tuple.tuple(DayOfWeek.THURSDAY, 7, 2));
        // (40+42+44+46)/4 = 43 a post against (172 + 30 + 100 + 4) / 10 = 30.6 on average: 41% more.
        assertThat(best.times().getFirst().engagements()).isEqualTo(43.0);
        assertThat(best.average()).isEqualTo(30.6);
        assertThat(best.times().getFirst().lift()).isEqualTo(41);

        var viewer = fixtures.member(team, Role.VIEWER);
        mvc.perform(get(team.path() + "/analytics").with(as(viewer)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Tuesday 09:00–10:00"),
                                containsString("43.0 engagements a post · 4 posts · +41% over average"))));

        String add = team.path() + "/analytics/best-times";
        mvc.perform(post(add)
                        .with(csrf())
                        .with(as(viewer))
                        .param("day", "TUESDAY")
                        .param("hour", "9"))
                .andExpect(status().isForbidden());
        mvc.perform(post(add)
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("day", "someday")
                        .param("hour", "9"))
                .andExpect(flash().attribute("problem", "'someday' is not a day of the week."));
        mvc.perform(post(add)
                        .with(csrf())
                        .with(as(team.owner()))
                        .param("day", "TUESDAY")
                        .param("hour", "9"))
                .andExpect(flash().attribute("notice", "Tuesday 09:00 is in the posting schedule."));
        assertThat(schedule.slots(workspace)).contains(new PostingSchedule.Slot(DayOfWeek.TUESDAY, LocalTime.of(9, 0)));
        int slots = schedule.slots(workspace).size();
        mvc.perform(post(add)
                .with(csrf())
                .with(as(team.owner()))
                .param("day", "TUESDAY")
                .param("hour", "9"));
        assertThat(schedule.slots(workspace)).as("added once").hasSize(slots);
    }

    /** A post published at that local time and read once, with that many engagements and ten times the views. */
    private void published(
            WorkspaceId workspace,
            ZoneId zone,
            ConnectionId account,
            LocalDate day,
            LocalTime time,
            long engagements,
            int n) {
        Post post = PostsFixtures.scheduled(posts, workspace, account, "Best times " + n, "2099-05-14T10:00");
        var target = post.targets().getFirst();
        var at = Timestamp.from(ZonedDateTime.of(day, time, zone).toInstant());
        fixtures.tenants.run(workspace, () -> {
            fixtures.jdbc
                    .sql(
                            """
                            update post_targets set status = 'published', platform_post_id = :id, published_at = :at
                            where workspace_id = :w and id = :t""")
                    .param("id", "p-" + n)
                    .param("at", at)
                    .param("w", workspace.value())
                    .param("t", target.id().value())
                    .update();
            fixtures.jdbc
                    .sql(
                            """
                            insert into post_metrics (workspace_id, target_id, post_id, connection_id, provider, account,
                                published_at, counts, views, engagements, reads, read_at)
                            values (:w, :t, :p, :c, 'sandbox', 'Sandbox @krusty', :at, '{}', :views, :engagements, 1,
                                now())""")
                    .param("w", workspace.value())
                    .param("t", target.id().value())
                    .param("p", post.id().value())
                    .param("c", account.value())
                    .param("at", at)
                    .param("views", engagements * 10)
                    .param("engagements", engagements)
                    .update();
        });
    }
}
