package herald.web.ui;

import static herald.web.ui.UiFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import herald.identity.User;
import herald.publishing.Posts;
import herald.tenancy.Role;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The queue page: the coming days with their posts and the posting schedule's open slots (the default schedule: every
 * day at 09:00, 12:00 and 17:00, Europe/Berlin), for the workspace or one account.
 */
@UiTest
class QueuePageTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Autowired
    MockMvc mvc;

    @Autowired
    UiFixtures fixtures;

    @Autowired
    Posts posts;

    @Autowired
    herald.publishing.PostingSchedule schedule;

    @Test
    void showsEachDaysPostsBetweenTheOpenSlotsOfThePostingSchedule() throws Exception {
        var team = fixtures.team();
        var w = team.workspace().id();
        var krusty = PostsFixtures.account(fixtures.tenants, fixtures.jdbc, w, "krusty");
        var sideshow = PostsFixtures.account(fixtures.tenants, fixtures.jdbc, w, "sideshow");
        String day = LocalDate.now(BERLIN).plusDays(2).toString();
        var noon = PostsFixtures.scheduled(posts, w, krusty, "Noon special", day + "T12:00");
        PostsFixtures.scheduled(posts, w, sideshow, "Half past ten", day + "T10:30");
        var cancelled = PostsFixtures.scheduled(posts, w, sideshow, "Called off", day + "T17:00");
        posts.cancel(w, cancelled.id());
        var other = fixtures.team();
        var elsewhere = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, other.workspace().id(), "krusty");
        PostsFixtures.scheduled(posts, other.workspace().id(), elsewhere, "Not ours", day + "T09:00");

        String page = page(team.owner(), team.path() + "/queue");
        String ofDay = section(page, day);
        assertThat(entries(ofDay))
                .containsExactly("09:00 open", "10:30 Half past ten", "12:00 Noon special", "17:00 open");
        assertThat(page).doesNotContain("Not ours").doesNotContain("Called off");
        assertThat(ofDay).contains("/posts/" + noon.id());
        assertThat(ofDay).contains("/compose?at=" + day + "T09:00\"");
        assertThat(ofDay).doesNotContain("account=");

        String ofKrusty = section(page(team.owner(), team.path() + "/queue?account=" + krusty.value()), day);
        assertThat(entries(ofKrusty))
                .as("sideshow's post holds no slot of krusty's queue")
                .containsExactly("09:00 open", "12:00 Noon special", "17:00 open");
        assertThat(ofKrusty).contains("/compose?account=" + krusty.value() + "&amp;at=" + day + "T09:00");
    }

    @Test
    void anEditorPublishesAQueuedPostNowAndAViewerCannot() throws Exception {
        var team = fixtures.team();
        var w = team.workspace().id();
        var krusty = PostsFixtures.account(fixtures.tenants, fixtures.jdbc, w, "krusty");
        var viewer = fixtures.member(team, Role.VIEWER);
        String day = LocalDate.now(BERLIN).plusDays(2).toString();
        var noon = PostsFixtures.scheduled(posts, w, krusty, "Noon special", day + "T12:00");
        String action = team.path() + "/posts/" + noon.id() + "/publish-now";

        assertThat(section(page(team.owner(), team.path() + "/queue"), day))
                .contains("action=\"" + action + "\"")
                .contains("aria-label=\"Publish now: Noon special\"");
        assertThat(page(viewer, team.path() + "/queue")).doesNotContain("data-test=\"queue-publish-now\"");
        assertThat(page(team.owner(), team.path() + "/posts/" + noon.id())).contains("data-test=\"publish-now\"");
        mvc.perform(post(URI.create(action)).with(csrf()).with(as(viewer))).andExpect(status().isForbidden());

        java.time.Instant before = java.time.Instant.now();
        mvc.perform(post(URI.create(action)).with(csrf()).with(as(team.owner())))
                .andExpect(redirectedUrl(team.path() + "/posts/" + noon.id()))
                .andExpect(flash().attribute("notice", "Publishing now: it goes out within seconds."));
        assertThat(posts.get(w, noon.id()).scheduledAt()).isBetween(before.minusSeconds(1), java.time.Instant.now());
        assertThat(entries(section(page(team.owner(), team.path() + "/queue"), day)))
                .as("its slot is open again")
                .contains("12:00 open");

        posts.cancel(w, noon.id());
        mvc.perform(post(URI.create(action)).with(csrf()).with(as(team.owner())))
                .andExpect(flash().attribute(
                                "problem", "The post is cancelled; only a scheduled post can be published now."));
    }

    @Test
    void anAccountWithTimesOfItsOwnShowsThoseSlots() throws Exception {
        var team = fixtures.team();
        var w = team.workspace().id();
        var krusty = PostsFixtures.account(fixtures.tenants, fixtures.jdbc, w, "krusty");
        LocalDate day = LocalDate.now(BERLIN).plusDays(3);
        schedule.replace(w, krusty, java.util.Map.of(day.getDayOfWeek(), java.util.List.of("07:15")));

        assertThat(entries(
                        section(page(team.owner(), team.path() + "/queue?account=" + krusty.value()), day.toString())))
                .containsExactly("07:15 open");
        assertThat(entries(section(page(team.owner(), team.path() + "/queue"), day.toString())))
                .as("the workspace's queue keeps the workspace's times")
                .containsExactly("09:00 open", "12:00 open", "17:00 open");
    }

    @Test
    void viewersSeeTheQueueWithoutAddingAndTheSpanIsOneOfTheOffered() throws Exception {
        var team = fixtures.team();
        var viewer = fixtures.member(team, Role.VIEWER);

        String page = page(viewer, team.path() + "/queue?days=3");
        assertThat(page).doesNotContain("data-test=\"fill-slot\"");
        assertThat(page)
                .as("an unoffered span falls back to 14 days")
                .contains("data-date=\"" + LocalDate.now(BERLIN).plusDays(13) + "\"");
        assertThat(page(viewer, team.path() + "/queue?days=7"))
                .doesNotContain("data-date=\"" + LocalDate.now(BERLIN).plusDays(8) + "\"");
    }

    @Test
    void anOpenSlotOpensTheComposerAtItsTimeOnItsAccount() throws Exception {
        var team = fixtures.team();
        var krusty = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, team.workspace().id(), "krusty");

        String composer = page(team.owner(), team.path() + "/compose?at=2099-05-01T09:00&account=" + krusty.value());
        assertThat(composer).containsPattern("name=\"when\" value=\"later\"[^>]*checked");
        assertThat(composer).contains("value=\"2099-05-01T09:00\"");
        assertThat(composer).containsPattern("value=\"" + krusty.value() + "\"[^>]*checked");

        String junk = page(team.owner(), team.path() + "/compose?at=tomorrow");
        assertThat(junk).containsPattern("name=\"when\" value=\"now\"[^>]*checked");
    }

    private String page(User user, String path) throws Exception {
        return mvc.perform(get(URI.create(path)).with(as(user)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    /** The card of one day. */
    private static String section(String page, String date) {
        int start = page.indexOf("data-date=\"" + date + "\"");
        assertThat(start).as("a card for " + date).isPositive();
        int end = page.indexOf("</section>", start);
        return page.substring(start, end);
    }

    /** Each line of a day as "HH:mm open" or "HH:mm <post text>". */
    private static java.util.List<String> entries(String day) {
        var entry = Pattern.compile(
                "<li class=\"queue-entry( is-open)?\".*?>(\\d\\d:\\d\\d)</time>(.*?)</li>", Pattern.DOTALL);
        var text = Pattern.compile("class=\"queue-text\"[^>]*>([^<]*)<");
        var found = new java.util.ArrayList<String>();
        var m = entry.matcher(day);
        while (m.find()) {
            if (m.group(1) != null) {
                found.add(m.group(2) + " open");
            } else {
                var t = text.matcher(m.group(3));
                found.add(m.group(2) + " " + (t.find() ? t.group(1) : "?"));
            }
        }
        return found;
    }
}
