package herald.web.ui;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static herald.web.ui.UiFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.WireMockServer;
import herald.feeds.Feed;
import herald.feeds.FeedXml;
import herald.feeds.Feeds;
import herald.tenancy.Role;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** The feeds page: members see the feeds and what they made; only editors and above add, check, pause and delete. */
@UiTest
class FeedsPageTest {

    static final WireMockServer blog = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        blog.start();
    }

    @AfterAll
    static void stop() {
        blog.stop();
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    UiFixtures fixtures;

    @Autowired
    Feeds feeds;

    @Test
    void editorsAddCheckPauseAndDeleteFeedsViewersOnlyLook() throws Exception {
        var team = fixtures.team();
        var viewer = fixtures.member(team, Role.VIEWER);
        var editor = fixtures.member(team, Role.EDITOR);
        var account = PostsFixtures.account(
                fixtures.tenants, fixtures.jdbc, team.workspace().id(), "krusty");
        String path = "/" + UUID.randomUUID() + "/feed.xml";
        String url = "http://localhost:" + blog.port() + path;
        blog.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withBody(FeedXml.rss("Krusty's Blog", 2))));

        mvc.perform(post(team.path() + "/feeds")
                        .param("url", url)
                        .param("accounts", account.value().toString())
                        .with(csrf())
                        .with(as(viewer)))
                .andExpect(status().isForbidden());
        assertThat(feeds.all(team.workspace().id())).isEmpty();

        mvc.perform(post(team.path() + "/feeds")
                        .param("url", "http://127.0.0.1:" + blog.port() + path)
                        .param("accounts", account.value().toString())
                        .with(csrf())
                        .with(as(editor)))
                .andExpect(flash().attribute("problem", containsString("internal address")))
                .andExpect(flash().attribute("draftUrl", "http://127.0.0.1:" + blog.port() + path));

        mvc.perform(post(team.path() + "/feeds")
                        .param("url", url)
                        .param("accounts", account.value().toString())
                        .param("mode", "draft")
                        .param("template", "{title} {link}")
                        .param("tags", "blog, news")
                        .with(csrf())
                        .with(as(editor)))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", startsWith("Feed “Krusty's Blog” added.")));
        Feed feed = feeds.all(team.workspace().id()).getFirst();
        assertThat(feed.tags()).containsExactly("blog", "news");

        blog.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withBody(FeedXml.rss("Krusty's Blog", 3))));
        mvc.perform(post(team.path() + "/feeds/" + feed.id() + "/check")
                        .with(csrf())
                        .with(as(viewer)))
                .andExpect(status().isForbidden());
        mvc.perform(post(team.path() + "/feeds/" + feed.id() + "/check")
                        .with(csrf())
                        .with(as(editor)))
                .andExpect(flash().attribute("notice", "Checked: 1 new item, 1 posted."));

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(team.path() + "/feeds")
                        .with(as(viewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Krusty&#39;s Blog")))
                .andExpect(content().string(containsString("View post")))
                .andExpect(content().string(containsString("There when added")))
                .andExpect(content().string(not(containsString("Add feed"))))
                .andExpect(content().string(not(containsString("Check now"))));

        // What its next items become: queued with a template of its own, and no tags.
        mvc.perform(post(team.path() + "/feeds/" + feed.id())
                        .param("accounts", account.value().toString())
                        .param("mode", "queue")
                        .param("template", "New on the blog: {title} {link}")
                        .param("tags", "")
                        .with(csrf())
                        .with(as(viewer)))
                .andExpect(status().isForbidden());
        mvc.perform(post(team.path() + "/feeds/" + feed.id())
                        .param("mode", "queue")
                        .with(csrf())
                        .with(as(editor)))
                .andExpect(flash().attribute("problem", containsString("account")));
        mvc.perform(post(team.path() + "/feeds/" + feed.id())
                        .param("accounts", account.value().toString())
                        .param("mode", "queue")
                        .param("template", "New on the blog: {title} {link}")
                        .param("tags", "")
                        .with(csrf())
                        .with(as(editor)))
                .andExpect(flash().attribute("notice", "Feed “Krusty's Blog” saved; its next new items follow it."));
        Feed changed = feeds.require(team.workspace().id(), feed.id());
        assertThat(changed.mode().value()).isEqualTo("queue");
        assertThat(changed.template()).isEqualTo("New on the blog: {title} {link}");
        assertThat(changed.tags()).isEmpty();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(team.path() + "/feeds")
                        .with(as(editor)))
                .andExpect(content().string(containsString("value=\"New on the blog: {title} {link}\"")))
                .andExpect(content().string(containsString("name=\"mode\" value=\"queue\" checked")));

        mvc.perform(post(team.path() + "/feeds/" + feed.id() + "/pause")
                        .with(csrf())
                        .with(as(editor)))
                .andExpect(flash().attribute("notice", "Feed “Krusty's Blog” paused."));
        assertThat(feeds.require(team.workspace().id(), feed.id()).status()).isEqualTo("paused");
        mvc.perform(post(team.path() + "/feeds/" + feed.id() + "/resume")
                        .with(csrf())
                        .with(as(editor)))
                .andExpect(flash().attribute("notice", "Feed “Krusty's Blog” resumed."));
        assertThat(feeds.require(team.workspace().id(), feed.id()).status()).isEqualTo("active");
        mvc.perform(post(team.path() + "/feeds/" + feed.id() + "/restart")
                        .with(csrf())
                        .with(as(editor)))
                .andExpect(status().isNotFound());
        mvc.perform(post(team.path() + "/feeds/" + feed.id() + "/delete")
                        .with(csrf())
                        .with(as(editor)))
                .andExpect(flash().attribute("notice", startsWith("Feed “Krusty's Blog” deleted")));
        assertThat(feeds.all(team.workspace().id())).isEmpty();

        var other = fixtures.team();
        var theirs = fixtures.member(other, Role.EDITOR);
        mvc.perform(post(other.path() + "/feeds/" + feed.id() + "/check")
                        .with(csrf())
                        .with(as(theirs)))
                .andExpect(status().isNotFound());
    }
}
