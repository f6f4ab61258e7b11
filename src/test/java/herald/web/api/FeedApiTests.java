package herald.web.api;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import herald.TenantFixtures;
import herald.database.TenantScope;
import herald.feeds.FeedXml;
import herald.shared.WorkspaceId;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Feeds over REST: added, read with their items, checked now, changed, paused and deleted; bad input as problems. */
class FeedApiTests extends ApiTest {

    static final WireMockServer blog = new WireMockServer(wireMockConfig().dynamicPort());

    static {
        blog.start();
    }

    @AfterAll
    static void stop() {
        blog.stop();
    }

    @Autowired
    TenantScope tenants;

    void serve(String path, String xml) {
        blog.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withBody(xml)));
    }

    @Test
    void addsChecksChangesAndDeletesFeeds() {
        Workspace ws = provision();
        String account = TenantFixtures.sandboxAccount(
                        tenants, jdbc, new WorkspaceId(UUID.fromString(ws.id())), "krusty")
                .value()
                .toString();
        String path = "/" + UUID.randomUUID() + "/rss";
        String url = "http://localhost:" + blog.port() + path;
        serve(path, FeedXml.rss("Krusty's Blog", 2));

        var created = api.post(
                ws.path("/feeds"),
                ws.token(),
                """
                {"url":"%s","accounts":["%s"],"mode":"draft","template":"{title} – {link}","tags":["blog"]}"""
                        .formatted(url, account));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith(ws.path("/feeds/" + id));
        assertThat(created.json().path("title").asString()).isEqualTo("Krusty's Blog");
        assertThat(created.json().path("status").asString()).isEqualTo("active");
        assertThat(created.json().path("recentItems")).hasSize(2);

        serve(path, FeedXml.rss("Krusty's Blog", 3));
        var check = api.post(ws.path("/feeds/" + id + "/check"), ws.token(), null);
        assertThat(check.status()).as(check.toString()).isEqualTo(200);
        assertThat(check.json().path("result").asString()).isEqualTo("checked");
        assertThat(check.json().path("posted").asInt()).isEqualTo(1);

        var feed = api.get(ws.path("/feeds/" + id), ws.token()).json();
        var posted = feed.path("recentItems").get(0);
        assertThat(posted.path("outcome").asString()).isEqualTo("posted");
        var post = api.get(ws.path("/posts/" + posted.path("postId").asString()), ws.token());
        assertThat(post.json().path("status").asString()).isEqualTo("draft");
        assertThat(post.json().path("body").asString()).isEqualTo("Post number 3 – https://blog.example.com/posts/3");

        var paused = api.send("PATCH", ws.path("/feeds/" + id), ws.token(), "{\"enabled\":false,\"mode\":\"queue\"}");
        assertThat(paused.status()).as(paused.toString()).isEqualTo(200);
        assertThat(paused.json().path("status").asString()).isEqualTo("paused");
        assertThat(paused.json().path("mode").asString()).isEqualTo("queue");
        assertProblem(api.post(ws.path("/feeds/" + id + "/check"), ws.token(), null), 409, "conflict");

        assertThat(api.get(ws.path("/feeds"), ws.token()).json().path("items")).hasSize(1);
        assertThat(api.send("DELETE", ws.path("/feeds/" + id), ws.token(), null).status())
                .isEqualTo(204);
        assertThat(api.get(ws.path("/feeds"), ws.token()).json().path("items")).isEmpty();
        assertThat(api.get(ws.path("/audit-events?action=feed.created"), ws.token())
                        .json()
                        .path("items"))
                .hasSize(1);
    }

    @Test
    void badInputIsAProblemNamingTheFieldAndOtherWorkspacesGet404() {
        Workspace ws = provision();
        String account = TenantFixtures.sandboxAccount(tenants, jdbc, new WorkspaceId(UUID.fromString(ws.id())), "bart")
                .value()
                .toString();
        String path = "/" + UUID.randomUUID() + "/rss";
        serve(path, FeedXml.rss("Blog", 1));

        var internal = api.post(
                ws.path("/feeds"),
                ws.token(),
                "{\"url\":\"http://127.0.0.1:%d%s\",\"accounts\":[\"%s\"]}".formatted(blog.port(), path, account));
        assertProblem(internal, 400, "invalid-input");
        assertThat(internal.json().path("errors").get(0).path("field").asString())
                .isEqualTo("url");
        assertThat(internal.json().path("detail").asString()).contains("internal address");

        var noAccounts = api.post(
                ws.path("/feeds"), ws.token(), "{\"url\":\"http://localhost:%d%s\"}".formatted(blog.port(), path));
        assertProblem(noAccounts, 400, "invalid-input");
        assertThat(noAccounts.json().path("errors").get(0).path("field").asString())
                .isEqualTo("accounts");

        blog.stubFor(get(urlEqualTo(path + "/page")).willReturn(aResponse().withBody("<html>Hi</html>")));
        var notAFeed = api.post(
                ws.path("/feeds"),
                ws.token(),
                "{\"url\":\"http://localhost:%d%s/page\",\"accounts\":[\"%s\"]}".formatted(blog.port(), path, account));
        assertProblem(notAFeed, 400, "invalid-input");
        assertThat(notAFeed.json().path("detail").asString()).contains("not an RSS or Atom feed");

        var created = api.post(
                ws.path("/feeds"),
                ws.token(),
                "{\"url\":\"http://localhost:%d%s\",\"accounts\":[\"%s\"]}".formatted(blog.port(), path, account));
        String id = created.json().path("id").asString();
        assertThat(created.json().path("mode").asString()).isEqualTo("draft");
        var badMode = api.send("PATCH", ws.path("/feeds/" + id), ws.token(), "{\"mode\":\"sometimes\"}");
        assertProblem(badMode, 400, "invalid-input");
        assertThat(badMode.json().path("errors").get(0).path("field").asString())
                .isEqualTo("mode");

        Workspace other = provision();
        assertProblem(api.get(other.path("/feeds/" + id), other.token()), 404, "not-found");
        assertProblem(api.post(other.path("/feeds/" + id + "/check"), other.token(), null), 404, "not-found");
        assertProblem(api.send("DELETE", other.path("/feeds/" + id), other.token(), null), 404, "not-found");
        assertThat(api.get(ws.path("/feeds/" + id), ws.token()).status()).isEqualTo(200);
    }
}
