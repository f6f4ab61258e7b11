package herald.web.ui;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static herald.web.ui.UiFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import herald.providers.WireMockPlatform;
import herald.tenancy.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The composer's link card: the page's own title and description, read once per workspace from a public address (the
 * tests' pages are on localhost, allowed by name) and answered to composer.js; nothing for a page that names nothing,
 * is not a web page, or is on an internal address.
 */
@UiTest
class LinkCardPageTest {

    @RegisterExtension
    static final WireMockPlatform pages = new WireMockPlatform();

    @Autowired
    MockMvc mvc;

    @Autowired
    UiFixtures fixtures;

    static void serves(String path, String contentType, String body) {
        pages.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlPathEqualTo(path))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", contentType)
                        .withBody(body)));
    }

    String page(String path) {
        return "http://localhost:" + pages.port() + path;
    }

    @Test
    void theComposerGetsThePagesOwnTitleAndDescriptionReadOncePerWorkspace() throws Exception {
        serves(
                "/menu",
                "text/html; charset=utf-8",
                """
                <!doctype html><html><head><title>Menu</title>
                <meta property="og:title" content="Today at Krusty’s">
                <meta property="og:description" content="Three pizzas and a calzone">
                <meta property="og:site_name" content="Krusty Pizza">
                </head><body>…</body></html>""");
        var team = fixtures.team();
        String path = team.path() + "/compose/link-card?url=" + page("/menu");

        for (int i = 0; i < 2; i++) {
            mvc.perform(get(path).with(as(team.owner())))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.title").value("Today at Krusty’s"))
                    .andExpect(jsonPath("$.description").value("Three pizzas and a calzone"))
                    .andExpect(jsonPath("$.siteName").value("Krusty Pizza"))
                    .andExpect(jsonPath("$.url").value(page("/menu")));
        }
        pages.verify(1, getRequestedFor(urlPathEqualTo("/menu")));

        var other = fixtures.team();
        mvc.perform(get(other.path() + "/compose/link-card?url=" + page("/menu"))
                        .with(as(other.owner())))
                .andExpect(status().isOk());
        pages.verify(2, getRequestedFor(urlPathEqualTo("/menu")));
        assertThat(pages.findAll(getRequestedFor(urlPathEqualTo("/menu")))
                        .getFirst()
                        .getHeader("User-Agent"))
                .startsWith("Herald-LinkCards/");
    }

    @Test
    void cardsReadLongAgoAreForgottenAsNewOnesAreKept() throws Exception {
        serves("/new", "text/html", "<html><head><title>New</title></head></html>");
        var team = fixtures.team();
        var w = team.workspace().id();
        fixtures.tenants.run(w, () -> fixtures.jdbc
                .sql(
                        """
                        insert into link_cards (workspace_id, url, title, fetched_at) values
                          (:w, 'https://old.example/a', 'Old', now() - interval '31 days'),
                          (:w, 'https://recent.example/b', 'Recent', now() - interval '2 days')""")
                .param("w", w.value())
                .update());

        mvc.perform(get(team.path() + "/compose/link-card")
                        .param("url", page("/new"))
                        .with(as(team.owner())))
                .andExpect(status().isOk());

        var kept = fixtures.tenants.call(w, () -> fixtures.jdbc
                .sql("select url from link_cards where workspace_id = :w order by url")
                .param("w", w.value())
                .query(String.class)
                .list());
        assertThat(kept).containsExactly(page("/new"), "https://recent.example/b");
    }

    @Test
    void thePostsPageShowsTheCardHeraldKeptWithoutReadingThePageAgain(@Autowired herald.publishing.Posts posts)
            throws Exception {
        serves(
                "/special",
                "text/html",
                "<html><head><meta property=\"og:title\" content=\"Tonight's special\">"
                        + "<meta property=\"og:description\" content=\"Calzone for two\"></head></html>");
        var team = fixtures.team();
        var w = team.workspace().id();
        var krusty = PostsFixtures.account(fixtures.tenants, fixtures.jdbc, w, "krusty");
        String link = page("/special");
        var post = posts.create(
                w,
                new herald.publishing.NewPost(
                        "Tonight",
                        link,
                        java.util.List.of(),
                        java.util.List.of(new herald.publishing.NewPost.NewTarget(krusty, null)),
                        "2099-05-01T12:00",
                        "Europe/Berlin",
                        false));
        String before = mvc.perform(get(team.path() + "/posts/" + post.id()).with(as(team.owner())))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(before).as("no card read yet: none shown").doesNotContain("data-test=\"link-card\"");
        pages.verify(0, getRequestedFor(urlPathEqualTo("/special")));

        mvc.perform(get(team.path() + "/compose/link-card").param("url", link).with(as(team.owner())))
                .andExpect(status().isOk());
        String after = mvc.perform(get(team.path() + "/posts/" + post.id()).with(as(team.owner())))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(after)
                .contains("data-test=\"link-card\"")
                .contains("Tonight&#39;s special")
                .contains("Calzone for two");
        pages.verify(1, getRequestedFor(urlPathEqualTo("/special")));
    }

    @Test
    void nothingToShowIsNoContentAndIsNotAskedAgain() throws Exception {
        serves("/bare", "text/html", "<html><head></head><body>No title here</body></html>");
        serves("/menu.pdf", "application/pdf", "%PDF-1.7");
        var team = fixtures.team();

        for (String url : new String[] {page("/bare"), page("/menu.pdf"), page("/bare")}) {
            mvc.perform(get(team.path() + "/compose/link-card")
                            .param("url", url)
                            .with(as(team.owner())))
                    .andExpect(status().isNoContent())
                    .andExpect(content().string(""));
        }
        pages.verify(1, getRequestedFor(urlPathEqualTo("/bare")));
        pages.verify(1, getRequestedFor(urlPathEqualTo("/menu.pdf")));
    }

    @Test
    void internalAddressesAndWhatIsNotAWebAddressAreNeverRead() throws Exception {
        serves("/secret", "text/html", "<html><head><title>Internal</title></head></html>");
        var team = fixtures.team();

        for (String url : new String[] {
            "http://127.0.0.1:" + pages.port() + "/secret",
            "file:///etc/passwd",
            "http://user:pass@localhost:" + pages.port() + "/secret",
            "not a url at all"
        }) {
            mvc.perform(get(team.path() + "/compose/link-card")
                            .param("url", url)
                            .with(as(team.owner())))
                    .andExpect(status().isNoContent());
        }
        pages.verify(0, getRequestedFor(urlPathEqualTo("/secret")));
    }

    @Test
    void onlyThoseWhoComposeAsk() throws Exception {
        var team = fixtures.team();
        var viewer = fixtures.member(team, Role.VIEWER);

        mvc.perform(get(team.path() + "/compose/link-card")
                        .param("url", page("/menu"))
                        .with(as(viewer)))
                .andExpect(status().isForbidden());
        pages.verify(0, getRequestedFor(urlPathEqualTo("/menu")));
    }
}
