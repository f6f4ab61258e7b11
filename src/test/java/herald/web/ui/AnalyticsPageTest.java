package herald.web.ui;

import static herald.web.ui.UiFixtures.as;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import herald.publishing.Post;
import herald.publishing.Posts;
import herald.tenancy.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The analytics page and a post's performance section, from figures stored as the sweep stores them after a reading:
 * totals, the account, the post that did best, each count by the platform's name, and who may ask for a reading.
 */
@UiTest
class AnalyticsPageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UiFixtures fixtures;

    @Autowired
    Posts posts;

    @Autowired
    herald.publishing.ShortLinks shortLinks;

    @Autowired
    herald.publishing.PostTags tags;

    @Autowired
    herald.analytics.Analytics analytics;

    @Test
    void showsWhatThePlatformCountedInAllAndOnThePost() throws Exception {
        var team = fixtures.team();
        var krusty = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, team.workspace().id(), "krusty");
        Post post =
                PostsFixtures.scheduled(posts, team.workspace().id(), krusty, "=1+1 Figures pizza", "2099-05-14T10:00");
        published(post, 1234, 56);
        var viewer = fixtures.member(team, Role.VIEWER);

        mvc.perform(get(team.path() + "/analytics").with(as(viewer)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("data-test=\"total-posts\">1<"),
                                containsString("data-test=\"total-views\">1,234<"),
                                containsString("data-test=\"total-engagements\">61<"),
                                containsString("data-test=\"total-rate\">4.9%<"),
                                containsString("data-test=\"analytics-chart\""),
                                not(containsString("data-test=\"analytics-chart-empty\"")),
                                containsString("Sandbox @krusty"),
                                containsString("data-post=\"" + post.id() + "\""),
                                containsString("Figures pizza"))));

        mvc.perform(get(team.path() + "/posts/" + post.id()).with(as(viewer)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Performance"),
                                containsString("data-test=\"figure-views\">1,234<"),
                                containsString("data-count=\"likes\">56<"),
                                containsString("data-count=\"replies\">5<"),
                                not(containsString("data-test=\"refresh-figures\"")))));

        // The period as a file: the figures, every count as a column, and a text no spreadsheet runs.
        String csv = mvc.perform(
                        get(team.path() + "/analytics/export.csv?days=7").with(as(viewer)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("-figures-")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String[] lines = csv.split("\r\n");
        org.assertj.core.api.Assertions.assertThat(lines[0])
                .isEqualTo(
                        "post_id,published_at,account,platform,text,url,views,engagements,engagement_rate,clicks,read_at,"
                                + "count_impressions,count_likes,count_replies,count_reposts");
        org.assertj.core.api.Assertions.assertThat(lines).hasSize(2);
        org.assertj.core.api.Assertions.assertThat(lines[1])
                .startsWith(post.id() + ",")
                .contains(
                        ",Sandbox @krusty,sandbox,'=1+1 Figures pizza,http://localhost/sandbox/@krusty/p-1,1234,61,4.9,,")
                .endsWith(",1234,56,5,0");

        // Lists show each read post's figures beside it.
        mvc.perform(get(team.path() + "/posts").with(as(viewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("61 engagements · 1,234 views")));
        mvc.perform(get(team.path()).with(as(viewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("61 engagements · 1,234 views")));

        // A viewer may not ask for a reading; an editor may, but not minutes after the last one.
        String read = team.path() + "/posts/" + post.id() + "/figures";
        mvc.perform(post(read).with(csrf()).with(as(viewer))).andExpect(status().isForbidden());
        mvc.perform(post(read).with(csrf()).with(as(team.owner())))
                .andExpect(redirectedUrl(team.path() + "/posts/" + post.id() + "#figures"))
                .andExpect(flash().attribute("problem", containsString("ask again after")));

        // Another workspace's page shows none of it.
        var other = fixtures.team();
        mvc.perform(get(other.path() + "/analytics").with(as(other.owner())))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("data-test=\"total-posts\">0<"),
                                containsString("data-test=\"analytics-empty\""),
                                not(containsString("Figures pizza")))));
    }

    @Test
    void showsLinkClicksInAllAndOnEachPostThatDidBestWhereLinksAreShortened() throws Exception {
        var team = fixtures.team();
        var krusty = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, team.workspace().id(), "krusty");
        Post post = PostsFixtures.scheduled(
                posts, team.workspace().id(), krusty, "Menu https://krusty.example.com/", "2099-05-14T10:00");
        published(post, 500, 20);
        var viewer = fixtures.member(team, Role.VIEWER);
        mvc.perform(get(team.path() + "/analytics").with(as(viewer)))
                .andExpect(content().string(not(containsString("data-test=\"total-clicks\""))));

        PostsFixtures.shortLink(fixtures.tenants, fixtures.jdbc, shortLinks, post, "https://krusty.example.com/", 2);

        mvc.perform(get(team.path() + "/analytics").with(as(viewer)))
                .andExpect(content()
                        .string(allOf(
                                containsString("data-test=\"total-clicks\">2<"),
                                containsString("data-test=\"top-clicks\">· 2 clicks<"),
                                containsString("data-test=\"clicks-chart\""),
                                containsString(": 2 clicks\""))));
        String[] csv = mvc.perform(
                        get(team.path() + "/analytics/export.csv?days=7").with(as(viewer)))
                .andReturn()
                .getResponse()
                .getContentAsString()
                .split("\r\n");
        org.assertj.core.api.Assertions.assertThat(csv[0].split(",")[9]).isEqualTo("clicks");
        org.assertj.core.api.Assertions.assertThat(csv[1].split(",")[9])
                .as(csv[1])
                .isEqualTo("2");
        var other = fixtures.team();
        mvc.perform(get(other.path() + "/analytics").with(as(other.owner())))
                .andExpect(content().string(not(containsString("data-test=\"total-clicks\""))));
    }

    @Test
    void theFiguresOfOneTagAreACampaignsReportOnThePageInTheFileAndInTheMonthlyReport() throws Exception {
        var team = fixtures.team();
        var w = team.workspace().id();
        var krusty = PostsFixtures.account(fixtures.tenants, fixtures.jdbc, w, "krusty");
        Post sale = PostsFixtures.scheduled(
                posts, w, krusty, "Summer sale pizza https://krusty.example.com/sale", "2099-05-14T10:00");
        Post everyday = PostsFixtures.scheduled(posts, w, krusty, "Everyday pizza", "2099-05-15T10:00");
        tags.replace(w, sale.id(), java.util.List.of("Summer sale"));
        published(sale, 1000, 40);
        published(everyday, 300, 10);
        PostsFixtures.shortLink(
                fixtures.tenants, fixtures.jdbc, shortLinks, sale, "https://krusty.example.com/sale", 3);
        PostsFixtures.shortLink(
                fixtures.tenants, fixtures.jdbc, shortLinks, everyday, "https://krusty.example.com/", 5);
        var viewer = fixtures.member(team, Role.VIEWER);

        Post both = PostsFixtures.scheduled(posts, w, krusty, "Sale and classic", "2099-05-16T10:00");
        tags.replace(w, both.id(), java.util.List.of("summer SALE", "Classics"));
        published(both, 100, 1);
        mvc.perform(get(team.path() + "/analytics").with(as(viewer)))
                .andExpect(content()
                        .string(allOf(
                                containsString("data-test=\"total-posts\">3<"),
                                containsString("data-test=\"total-clicks\">8<"),
                                not(containsString("data-test=\"analytics-tag\"")),
                                containsString("data-test=\"analytics-tags\""))));
        var report = analytics.report(
                w,
                herald.analytics.AnalyticsQuery.last(
                        7,
                        java.time.LocalDate.now(team.workspace().timezone()),
                        team.workspace().timezone(),
                        null));
        org.assertj.core.api.Assertions.assertThat(report.tags())
                .as("a tag in any case is one, a post with two counts under both, the most engagements first")
                .extracting(t -> t.tag().toLowerCase(java.util.Locale.ROOT), t -> t.posts(), t -> t.views())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("summer sale", 2, 1100L),
                        org.assertj.core.groups.Tuple.tuple("classics", 1, 100L));
        mvc.perform(get(team.path() + "/analytics").param("tag", "#summer SALE").with(as(viewer)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("data-test=\"total-posts\">2<"),
                                containsString("data-test=\"total-views\">1,100<"),
                                containsString("data-test=\"total-clicks\">3<"),
                                containsString("data-test=\"analytics-tag\">summer SALE<"),
                                containsString("Summer sale pizza"),
                                not(containsString("Everyday pizza")),
                                not(containsString("data-test=\"analytics-tags\"")),
                                containsString("value=\"Summer sale\" selected=\"selected\""),
                                containsString("tag=summer%20SALE"))));

        String[] csv = mvc.perform(get(team.path() + "/analytics/export.csv")
                        .param("days", "7")
                        .param("tag", "Summer sale")
                        .with(as(viewer)))
                .andReturn()
                .getResponse()
                .getContentAsString()
                .split("\r\n");
        org.assertj.core.api.Assertions.assertThat(csv).hasSize(3);
        org.assertj.core.api.Assertions.assertThat(String.join("\n", csv))
                .contains(sale.id().toString(), both.id().toString())
                .doesNotContain(everyday.id().toString());

        var month = java.time.YearMonth.from(
                java.time.ZonedDateTime.now(team.workspace().timezone()).minusHours(1));
        mvc.perform(get(team.path() + "/analytics/report")
                        .param("month", month.toString())
                        .param("tag", "Summer sale")
                        .with(as(viewer)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("data-test=\"report-tag\">Posts tagged Summer sale<"),
                                containsString("Summer sale pizza"),
                                not(containsString("Everyday pizza")))));

        mvc.perform(get(team.path() + "/analytics/report")
                        .param("month", month.toString())
                        .with(as(viewer)))
                .andExpect(content().string(containsString("data-test=\"report-tags\"")));
        mvc.perform(get(team.path() + "/analytics").param("tag", "x".repeat(41)).with(as(viewer)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void showsEachAccountsAudienceAndSaysWhereAPlatformGivesNone() throws Exception {
        var team = fixtures.team();
        var workspace = team.workspace().id();
        var krusty = PostsFixtures.account(fixtures.tenants, fixtures.jdbc, workspace, "krusty");
        var linkedin = PostsFixtures.account(fixtures.tenants, fixtures.jdbc, workspace, "hults");
        fixtures.tenants.run(workspace, () -> {
            fixtures.jdbc
                    .sql("update connections set provider = 'linkedin' where workspace_id = :w and id = :c")
                    .param("w", workspace.value())
                    .param("c", linkedin.value())
                    .update();
            for (int ago : new int[] {5, 1}) {
                fixtures.jdbc
                        .sql(
                                """
                                insert into audience_snapshots (workspace_id, connection_id, day, followers, following,
                                    posts, read_at)
                                values (:w, :c, current_date - :ago, :followers, 40, 12, now() - make_interval(days => :ago))""")
                        .param("w", workspace.value())
                        .param("c", krusty.value())
                        .param("ago", ago)
                        .param("followers", 1200 + (5 - ago) * 9)
                        .update();
            }
        });
        var viewer = fixtures.member(team, Role.VIEWER);

        mvc.perform(get(team.path() + "/analytics?days=7").with(as(viewer)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("data-test=\"audience-followers\">1,236<"),
                                containsString("data-test=\"audience-change\">+36<"),
                                containsString("data-test=\"audience-chart\""),
                                containsString("1,236 followers"),
                                containsString("LinkedIn does not give Herald an account&#39;s followers"),
                                containsString("data-test=\"audience-export\""))));

        var lisa = PostsFixtures.account(fixtures.tenants, fixtures.jdbc, workspace, "lisa");
        fixtures.tenants.run(workspace, () -> fixtures.jdbc
                .sql(
                        """
                        insert into audience_snapshots (workspace_id, connection_id, day, followers, following, posts,
                            read_at)
                        values (:w, :c, current_date - 20, 870, 3, 1, now() - interval '20 days')""")
                .param("w", workspace.value())
                .param("c", lisa.value())
                .update());
        mvc.perform(get(team.path() + "/analytics?days=7&account=" + lisa.value())
                        .with(as(viewer)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("data-test=\"audience-followers\">870<"),
                                containsString("data-test=\"audience-no-days\""),
                                not(containsString("data-test=\"audience-chart\"")))));

        String csv = mvc.perform(get(team.path() + "/analytics/audience.csv?days=7&account=" + krusty.value())
                        .with(as(viewer)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("-audience-")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String[] lines = csv.split("\r\n");
        org.assertj.core.api.Assertions.assertThat(lines).hasSize(3);
        org.assertj.core.api.Assertions.assertThat(lines[2]).endsWith(",Sandbox @krusty,sandbox,1236,40,12");
    }

    /** Published an hour ago and read once, as the sweep leaves it. */
    private void published(Post post, long impressions, long likes) {
        PostsFixtures.published(
                fixtures.tenants,
                fixtures.jdbc,
                post,
                java.time.Instant.now().minusSeconds(3600),
                "{\"impressions\": %d, \"likes\": %d, \"replies\": 5, \"reposts\": 0}".formatted(impressions, likes),
                impressions,
                likes + 5);
    }
}
