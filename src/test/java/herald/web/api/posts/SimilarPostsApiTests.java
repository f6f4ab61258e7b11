package herald.web.api.posts;

import static org.assertj.core.api.Assertions.assertThat;

import herald.TenantFixtures;
import herald.database.TenantScope;
import herald.identity.ApiKeyScope;
import herald.identity.ApiKeys;
import herald.shared.WorkspaceId;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * "Find similar posts" over HTTP with the real embedding model: by text and by post, most similar first, the post
 * itself left out, bad input answered with problem documents, and another workspace's posts never found.
 */
// The same configuration as PostApiTests, so a full build shares one application context.
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "herald.plans.onepost.members=10",
            "herald.plans.onepost.connections=10",
            "herald.plans.onepost.posts-per-day=1",
            "herald.plans.onepost.api-requests-per-hour=100000",
            "herald.plans.onepost.ai-tokens-per-month=1",
            "herald.plans.onepost.storage-mb=10"
        })
class SimilarPostsApiTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    TenantScope tenants;

    @Autowired
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newHttpClient();

    record Workspace(WorkspaceId id, String token, String account) {
        String path(String rest) {
            return "/api/v1/workspaces/" + id + rest;
        }
    }

    record Response(int status, String contentType, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    Workspace ws;

    @BeforeEach
    void workspace() {
        ws = workspace("Similar API");
    }

    Workspace workspace(String label) {
        var signedUp = TenantFixtures.of(context).signUp(label, "pro");
        var workspace = signedUp.workspace().orElseThrow().id();
        String token = apiKeys.create(
                        workspace,
                        "similar",
                        Set.of(ApiKeyScope.READ, ApiKeyScope.WRITE),
                        null,
                        signedUp.user().id())
                .token();
        UUID connection = UUID.randomUUID();
        tenants.run(workspace, () -> jdbc.sql(
                        """
                        insert into connections (workspace_id, id, provider, external_id, account_type, label,
                            username, display_name, status, expires_at)
                        values (:workspace, :id, 'sandbox', :external, 'company', 'krusty', 'krusty', 'krusty',
                            'active', now() + interval '2 hours')""")
                .param("workspace", workspace.value())
                .param("id", connection)
                .param("external", UUID.randomUUID().toString())
                .update());
        return new Workspace(workspace, token, connection.toString());
    }

    Response send(String method, String path, String token, String json) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    String create(Workspace workspace, String body, String day) {
        var created = send(
                "POST",
                workspace.path("/posts"),
                workspace.token(),
                """
                {"body":"%s","targets":[{"connectionId":"%s"}],"scheduledAt":"%sT10:00","timezone":"Europe/Berlin"}"""
                        .formatted(body, workspace.account(), day));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    Response similar(Workspace workspace, String query) {
        return send("GET", workspace.path("/posts/similar?" + query), workspace.token(), null);
    }

    static String text(String text) {
        return "text=" + URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** The listener stores vectors in the background: waits until a search finds the post. */
    Response awaitFound(Workspace workspace, String query, String post) throws InterruptedException {
        Response found = null;
        for (int i = 0; i < 150; i++) {
            found = similar(workspace, query);
            if (found.status() == 200 && found.body().contains(post)) {
                return found;
            }
            Thread.sleep(100);
        }
        return found;
    }

    @Test
    void findsTheMostSimilarPostsFirstWithTheirSimilarity() throws InterruptedException {
        String pizza = create(
                ws, "Our wood-fired margherita is back this weekend with fresh basil from the garden!", "2031-04-01");
        String soup =
                create(ws, "Warm up with our roasted pumpkin soup, served with homemade sourdough.", "2031-04-02");
        String taxes = create(
                ws, "Quarterly tax prepayments are due on the tenth: keep your receipts in order.", "2031-04-03");

        var found = awaitFound(ws, text("The wood-fired margherita returns this weekend, with garden basil!"), pizza);
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        JsonNode json = found.json();
        assertThat(json.path("threshold").asDouble()).isEqualTo(0.85);
        JsonNode first = json.path("items").get(0);
        assertThat(first.path("post").path("id").asString()).isEqualTo(pizza);
        assertThat(first.path("post").path("body").asString()).contains("margherita");
        assertThat(first.path("post").path("status").asString()).isEqualTo("scheduled");
        assertThat(first.path("similarity").asDouble()).isGreaterThan(0.85);
        assertThat(first.path("repeats").asBoolean()).isTrue();
        assertThat(found.body()).doesNotContain(taxes);

        // Everything above a low minimum, most similar first, at most the limit.
        awaitFound(ws, text("Pumpkin soup and sourdough"), soup);
        var all = similar(ws, text("Food at our restaurant this weekend") + "&minimum=0&limit=2");
        assertThat(all.status()).as(all.toString()).isEqualTo(200);
        assertThat(all.json().path("items").size()).isEqualTo(2);
        assertThat(all.json().path("items").get(0).path("similarity").asDouble())
                .isGreaterThanOrEqualTo(
                        all.json().path("items").get(1).path("similarity").asDouble());

        // By post: its own text, the post itself left out.
        var byPost = send("GET", ws.path("/posts/" + pizza + "/similar?minimum=0"), ws.token(), null);
        assertThat(byPost.status()).as(byPost.toString()).isEqualTo(200);
        assertThat(byPost.body()).doesNotContain("\"id\":\"" + pizza + "\"").contains(soup);
    }

    @Test
    void badInputIsAProblemDocument() {
        for (String query : new String[] {
            "",
            "text=%20%20",
            text("x".repeat(5001)),
            text("pizza") + "&limit=0",
            text("pizza") + "&limit=51",
            text("pizza") + "&limit=ten",
            text("pizza") + "&minimum=2"
        }) {
            var response = similar(ws, query);
            assertThat(response.status()).as(query + " → " + response).isEqualTo(400);
            assertThat(response.contentType()).as(query).startsWith("application/problem+json");
            assertThat(response.json().path("title").asString()).as(query).isNotBlank();
        }
        var text = similar(ws, text("x".repeat(5001)));
        assertThat(text.json().path("errors").toString()).contains("text").contains("5000");
        var limit = similar(ws, text("pizza") + "&limit=51");
        assertThat(limit.json().path("errors").toString()).contains("limit");
        // An unknown post is a 404, not an empty list.
        var unknown = send("GET", ws.path("/posts/" + UUID.randomUUID() + "/similar"), ws.token(), null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anotherWorkspaceNeverFindsThesePosts() throws InterruptedException {
        String secret = "Workspace A's secret: the truffle tagliatelle returns on Friday for one night only.";
        String post = create(ws, secret, "2031-04-05");
        assertThat(awaitFound(ws, text(secret), post).body()).contains(post);

        Workspace other = workspace("Similar API other");
        var theirs = similar(other, text(secret) + "&minimum=0&limit=50");
        assertThat(theirs.status()).isEqualTo(200);
        assertThat(theirs.body()).doesNotContain(post);
        assertThat(theirs.json().path("items").size()).isZero();
        // A's post through B's path is not there at all, and B's key cannot use A's path.
        assertThat(send("GET", other.path("/posts/" + post + "/similar"), other.token(), null)
                        .status())
                .isEqualTo(404);
        assertThat(send("GET", ws.path("/posts/similar?" + text(secret)), other.token(), null)
                        .status())
                .isIn(403, 404);
    }
}
