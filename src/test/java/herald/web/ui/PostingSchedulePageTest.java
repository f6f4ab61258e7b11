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

import herald.publishing.PostQuery;
import herald.publishing.PostingSchedule;
import herald.publishing.Posts;
import herald.tenancy.Role;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The posting schedule page, and "Add to queue" in the composer. */
@UiTest
class PostingSchedulePageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UiFixtures fixtures;

    @Autowired
    PostingSchedule schedule;

    @Autowired
    Posts posts;

    @Test
    void everyMemberSeesTheScheduleAndOnlyEditorsChangeIt() throws Exception {
        var team = fixtures.team();
        var viewer = fixtures.member(team, Role.VIEWER);
        var editor = fixtures.member(team, Role.EDITOR);

        mvc.perform(get(team.path() + "/schedule").with(as(viewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-test=\"default-schedule\"")))
                .andExpect(content().string(containsString("value=\"09:00, 12:00, 17:00\"")))
                .andExpect(content().string(not(containsString("Save schedule"))));
        mvc.perform(post(team.path() + "/schedule")
                        .param("monday", "09:00")
                        .with(csrf())
                        .with(as(viewer)))
                .andExpect(status().isForbidden());

        mvc.perform(post(team.path() + "/schedule")
                        .param("monday", "17:30, 08:00;12:00")
                        .param("friday", "16:00")
                        .with(csrf())
                        .with(as(editor)))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", containsString("The posting schedule was saved")));

        assertThat(schedule.slots(team.workspace().id()))
                .containsExactly(
                        new PostingSchedule.Slot(DayOfWeek.MONDAY, LocalTime.of(8, 0)),
                        new PostingSchedule.Slot(DayOfWeek.MONDAY, LocalTime.of(12, 0)),
                        new PostingSchedule.Slot(DayOfWeek.MONDAY, LocalTime.of(17, 30)),
                        new PostingSchedule.Slot(DayOfWeek.FRIDAY, LocalTime.of(16, 0)));
        mvc.perform(get(team.path() + "/schedule").with(as(viewer)))
                .andExpect(content().string(containsString("value=\"08:00, 12:00, 17:30\"")))
                .andExpect(content().string(not(containsString("data-test=\"default-schedule\""))));
    }

    @Test
    void anAccountGetsTimesOfItsOwnAndFollowsTheWorkspaceAgain() throws Exception {
        var team = fixtures.team();
        var w = team.workspace().id();
        var krusty = PostsFixtures.account(fixtures.tenants, fixtures.jdbc, w, "krusty");
        var viewer = fixtures.member(team, Role.VIEWER);
        String page = team.path() + "/schedule?account=" + krusty.value();

        mvc.perform(get(page).with(as(viewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-test=\"follows-workspace\"")))
                .andExpect(content().string(containsString("value=\"09:00, 12:00, 17:00\"")));
        mvc.perform(post(page).param("tuesday", "19:30").with(csrf()).with(as(team.owner())))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", containsString("Sandbox @krusty has times of its own")));

        assertThat(schedule.slots(w, krusty))
                .containsExactly(new PostingSchedule.Slot(DayOfWeek.TUESDAY, LocalTime.of(19, 30)));
        assertThat(schedule.slots(w)).as("the workspace's are untouched").isEqualTo(PostingSchedule.DEFAULT);
        mvc.perform(get(page).with(as(viewer)))
                .andExpect(content().string(containsString("data-test=\"own-times\"")))
                .andExpect(content().string(containsString("Sandbox @krusty · own times")))
                .andExpect(content().string(containsString("value=\"19:30\"")))
                .andExpect(content().string(not(containsString("data-test=\"follow-workspace\""))));
        mvc.perform(post(team.path() + "/schedule/follow")
                        .param("account", krusty.value().toString())
                        .with(csrf())
                        .with(as(viewer)))
                .andExpect(status().isForbidden());

        mvc.perform(post(team.path() + "/schedule/follow")
                        .param("account", krusty.value().toString())
                        .with(csrf())
                        .with(as(team.owner())))
                .andExpect(status().is3xxRedirection());
        assertThat(schedule.ownSchedules(w)).isEmpty();

        var other = fixtures.team();
        mvc.perform(get(other.path() + "/schedule?account=" + krusty.value()).with(as(other.owner())))
                .andExpect(status().isNotFound());
    }

    @Test
    void aBadTimeIsShownNextToItsDayAndNothingChanges() throws Exception {
        var team = fixtures.team();

        mvc.perform(post(team.path() + "/schedule")
                        .param("tuesday", "9am")
                        .param("wednesday", "10:00")
                        .with(csrf())
                        .with(as(team.owner())))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("id=\"tuesday-error\"")))
                .andExpect(content().string(containsString("&#39;9am&#39; on Tuesday is not a time")))
                .andExpect(content().string(containsString("value=\"10:00\"")));

        assertThat(schedule.slots(team.workspace().id())).isEqualTo(PostingSchedule.DEFAULT);
    }

    @Test
    void theComposerAddsAPostToTheQueueAtTheNextFreeSlot() throws Exception {
        var team = fixtures.team();
        var krusty = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, team.workspace().id(), "krusty");
        ZoneId zone = team.workspace().timezone();
        LocalDate tomorrow = LocalDate.now(zone).plusDays(1);
        schedule.replace(team.workspace().id(), java.util.Map.of(tomorrow.getDayOfWeek(), java.util.List.of("11:45")));

        mvc.perform(get(team.path() + "/compose").with(as(team.owner())))
                .andExpect(content().string(containsString("value=\"queue\"")))
                .andExpect(content()
                        .string(containsString(new WorkspaceTime(zone)
                                .local(tomorrow.atTime(11, 45).atZone(zone).toInstant()))));
        mvc.perform(post(team.path() + "/compose")
                        .param("body", "Queued calzone")
                        .param("accounts", krusty.value().toString())
                        .param("when", "queue")
                        .with(csrf())
                        .with(as(team.owner())))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", containsString("Added to the queue for 1 account")));

        var queued = posts.list(team.workspace().id(), new PostQuery(null, null, null, null, null, null, 5));
        assertThat(queued).singleElement().satisfies(p -> {
            assertThat(p.body()).isEqualTo("Queued calzone");
            assertThat(p.scheduledAt())
                    .isEqualTo(tomorrow.atTime(11, 45).atZone(zone).toInstant());
        });
    }
}
