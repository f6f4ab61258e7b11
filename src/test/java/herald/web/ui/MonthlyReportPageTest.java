package herald.web.ui;

import static herald.web.ui.UiFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import herald.identity.User;
import herald.publishing.Post;
import herald.publishing.Posts;
import herald.tenancy.Role;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The monthly report: a month's figures from those stored as the sweep stores them, the month before beside them, one
 * account or all, on a page of its own with a print button; a month that is not one, or has not begun, is refused with
 * a readable message and the default month shown.
 */
@UiTest
class MonthlyReportPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UiFixtures fixtures;

    @Autowired
    Posts posts;

    @Test
    void showsTheMonthsFiguresBesideTheMonthBeforesForEveryMember() throws Exception {
        var team = fixtures.team();
        var w = team.workspace().id();
        var krusty = PostsFixtures.account(fixtures.tenants, fixtures.jdbc, w, "krusty");
        var sideshow = PostsFixtures.account(fixtures.tenants, fixtures.jdbc, w, "sideshow");
        published(
                PostsFixtures.scheduled(posts, w, krusty, "October's best pizza", "2099-01-01T10:00"),
                "2026-10-15T10:00:00Z",
                1000,
                90);
        published(
                PostsFixtures.scheduled(posts, w, sideshow, "October on Sideshow", "2099-01-02T10:00"),
                "2026-10-20T10:00:00Z",
                200,
                5);
        published(
                PostsFixtures.scheduled(posts, w, krusty, "September's pizza", "2099-01-03T10:00"),
                "2026-09-10T10:00:00Z",
                400,
                75);
        var viewer = fixtures.member(team, Role.VIEWER);

        String october = page(team.path() + "/analytics/report?month=2026-10", viewer);
        assertThat(october)
                .contains("<title>" + team.workspace().name() + " · October 2026 · Social media report</title>")
                .contains("data-test=\"report-posts\">2<")
                .contains("data-test=\"report-views\">1,200<")
                .contains("data-test=\"report-engagements\">95<")
                .contains("data-test=\"report-posts-change\">+100% on September<")
                .contains("data-test=\"report-engagements-change\">+27% on September<")
                .contains("October&#39;s best pizza", "October on Sideshow")
                .doesNotContain("September&#39;s pizza")
                .contains("data-print")
                .as("a page of its own: no navigation of the workspace")
                .doesNotContain("nav[aria-label=Workspace]", "aria-label=\"Workspace\"");
        assertThat(october.indexOf("October&#39;s best pizza"))
                .as("the post that did best first")
                .isLessThan(october.indexOf("October on Sideshow"));

        String oneAccount = page(team.path() + "/analytics/report?month=2026-10&account=" + krusty.value(), viewer);
        assertThat(oneAccount)
                .contains("data-test=\"report-posts\">1<")
                .contains("data-test=\"report-views\">1,000<")
                .contains("Sandbox @krusty</span>")
                .doesNotContain("October on Sideshow");

        assertThat(page(team.path() + "/analytics", viewer))
                .contains("href=\"" + team.path() + "/analytics/report?account=\"")
                .contains("data-test=\"monthly-report\"");

        var other = fixtures.team();
        assertThat(page(other.path() + "/analytics/report?month=2026-10", other.owner()))
                .contains("data-test=\"report-posts\">0<")
                .contains("data-test=\"report-empty\"")
                .doesNotContain("October&#39;s best pizza");
    }

    @Test
    void showsTheMonthsLinkClicksOfOneAccountOrAllOnlyWhereLinksAreShortenedOrWereClicked() throws Exception {
        var team = fixtures.team();
        var w = team.workspace().id();
        var krusty = PostsFixtures.account(fixtures.tenants, fixtures.jdbc, w, "krusty");
        var sideshow = PostsFixtures.account(fixtures.tenants, fixtures.jdbc, w, "sideshow");
        var viewer = fixtures.member(team, Role.VIEWER);
        assertThat(page(team.path() + "/analytics/report?month=2026-10", viewer))
                .doesNotContain("data-test=\"report-clicks\"");

        clicked(
                PostsFixtures.scheduled(posts, w, krusty, "Menu", "2099-01-01T10:00"),
                "2026-10-03",
                30,
                "2026-09-30",
                8);
        clicked(
                PostsFixtures.scheduled(posts, w, sideshow, "Tour", "2099-01-02T10:00"),
                "2026-10-31",
                12,
                "2026-11-01",
                5);

        assertThat(page(team.path() + "/analytics/report?month=2026-10", viewer))
                .contains("data-test=\"report-clicks\">42<")
                .contains("data-test=\"report-clicks-change\">+425% on September<");
        assertThat(page(team.path() + "/analytics/report?month=2026-10&account=" + sideshow.value(), viewer))
                .contains("data-test=\"report-clicks\">12<")
                .contains("data-test=\"report-clicks-change\">September: none<");
        var other = fixtures.team();
        assertThat(page(other.path() + "/analytics/report?month=2026-10", other.owner()))
                .doesNotContain("data-test=\"report-clicks\"");
    }

    /** A short link of the post's target with {@code clicks} on {@code day} and {@code more} on {@code another}. */
    private void clicked(Post post, String day, int clicks, String another, int more) {
        String code = java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        fixtures.tenants.run(post.workspace(), () -> {
            fixtures.jdbc
                    .sql(
                            """
                            insert into short_links (code, workspace_id, post_id, target_id, part, url, clicks)
                            values (:code, :w, :p, :t, 'text', 'https://krusty.example.com/', :total)""")
                    .param("code", code)
                    .param("w", post.workspace().value())
                    .param("p", post.id().value())
                    .param("t", post.targets().getFirst().id().value())
                    .param("total", clicks + more)
                    .update();
            fixtures.jdbc
                    .sql(
                            """
                            insert into short_link_days (workspace_id, code, day, clicks)
                            values (:w, :code, cast(:day as date), :clicks), (:w, :code, cast(:another as date), :more)""")
                    .param("code", code)
                    .param("w", post.workspace().value())
                    .param("day", day)
                    .param("clicks", clicks)
                    .param("another", another)
                    .param("more", more)
                    .update();
        });
    }

    @Test
    void refusesAMonthThatIsNotOneOrHasNotBegunAndShowsTheLastMonth() throws Exception {
        var team = fixtures.team();
        YearMonth last = YearMonth.now(team.workspace().timezone()).minusMonths(1);
        String lastLabel = last.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH)
                + " " + last.getYear();

        String nonsense = mvc.perform(
                        get(team.path() + "/analytics/report?month=Octember").with(as(team.owner())))
                .andExpect(status().isBadRequest())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(nonsense)
                .contains("&#39;Octember&#39; is not a month (such as 2026-11): showing " + lastLabel + ".")
                .contains("<strong>" + lastLabel + "</strong>");

        String future = YearMonth.now(team.workspace().timezone()).plusMonths(2).toString();
        mvc.perform(get(team.path() + "/analytics/report?month=" + future).with(as(team.owner())))
                .andExpect(status().isBadRequest());

        assertThat(page(team.path() + "/analytics/report", team.owner()))
                .as("without a month, the one that ended")
                .contains("<strong>" + lastLabel + "</strong>")
                .doesNotContain("data-test=\"report-problem\"");
    }

    private String page(String path, User user) throws Exception {
        return mvc.perform(get(java.net.URI.create(path)).with(as(user)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    /** Published at {@code at} (an offset date-time) and read once, as the sweep leaves it. */
    private void published(Post post, String at, long views, long likes) {
        PostsFixtures.published(
                fixtures.tenants,
                fixtures.jdbc,
                post,
                java.time.OffsetDateTime.parse(at).toInstant(),
                "{\"impressions\": %d, \"likes\": %d}".formatted(views, likes),
                views,
                likes);
    }
}
