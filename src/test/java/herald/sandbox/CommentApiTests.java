package herald.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Comments under an account's own posts: who may write them, what they may say, how they list, and the faults. */
class CommentApiTests extends SandboxTest {

    @Test
    void theAccountCommentsUnderItsOwnPostAndTheCommentsListNewestFirst() {
        var account = sandbox.account(SandboxClient.uniqueHandle("cmt"));
        String post = post(account, "A post with comments");

        var first = comment(account.accessToken(), post, "#first #comment");
        var second = comment(account.accessToken(), post, "And a second one");

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        JsonNode created = first.json();
        assertThat(created.path("postId").asString()).isEqualTo(post);
        assertThat(created.path("accountHandle").asString()).isEqualTo(account.handle());
        assertThat(created.path("text").asString()).isEqualTo("#first #comment");
        assertThat(Instant.parse(created.path("createdAt").asString())).isBeforeOrEqualTo(Instant.now());
        assertThat(created.path("url").asString())
                .isEqualTo("http://localhost:" + port + "/sandbox/@" + account.handle() + "#comment-"
                        + created.path("id").asString());
        var listed = sandbox.api("GET", "/sandbox/api/posts/" + post + "/comments", account.accessToken(), null);
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.json().path("data")).hasSize(2);
        assertThat(listed.json().path("data").get(0).path("id").asString())
                .isEqualTo(second.json().path("id").asString());
        assertThat(listed.json().path("data").get(1).path("text").asString()).isEqualTo("#first #comment");
        assertThat(listed.json().path("data").get(1).path("accountHandle").asString())
                .isEqualTo(account.handle());
    }

    @Test
    void anotherAccountsPostIsForbiddenAndAnUnknownPostIsNotFound() {
        var owner = sandbox.account(SandboxClient.uniqueHandle("own"));
        var stranger = sandbox.account(SandboxClient.uniqueHandle("strange"));
        String post = post(owner, "Not yours");

        var refused = comment(stranger.accessToken(), post, "Me too");

        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.json().path("error").asString()).isEqualTo("forbidden");
        assertThat(refused.json().path("message").asString()).contains("@" + stranger.handle());
        assertThat(comments(owner, post)).isEmpty();
        var unknown = comment(owner.accessToken(), "00000000-0000-0000-0000-000000000000", "Hello?");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("error").asString()).isEqualTo("not_found");
        assertThat(comment(owner.accessToken(), "not-a-uuid", "Hello?").status())
                .isEqualTo(404);
        assertThat(sandbox.api("GET", "/sandbox/api/posts/not-a-uuid/comments", owner.accessToken(), null)
                        .status())
                .isEqualTo(404);
        assertThat(comment(null, post, "Anyone?").status()).isEqualTo(401);
        String userToken = sandbox.connect(owner.handle()).accessToken();
        assertThat(comment(userToken, post, "As the user").json().path("error").asString())
                .isEqualTo("insufficient_scope");
    }

    @Test
    void emptyOrTooLongTextIsRefusedAndNothingIsStored() {
        var account = sandbox.account(SandboxClient.uniqueHandle("badcmt"));
        String post = post(account, "Comment on me");

        var empty = comment(account.accessToken(), post, "  ");
        var tooLong = comment(account.accessToken(), post, "x".repeat(501));
        var missing = sandbox.api("POST", "/sandbox/api/posts/" + post + "/comments", account.accessToken(), "{}");
        var notJson = sandbox.api("POST", "/sandbox/api/posts/" + post + "/comments", account.accessToken(), "text");

        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().path("error").asString()).isEqualTo("invalid_content");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().path("message").asString()).contains("501").contains("500");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.json().path("error").asString()).isEqualTo("invalid_request");
        assertThat(comment(account.accessToken(), post, "x".repeat(500)).status())
                .isEqualTo(201);
        assertThat(comments(account, post)).hasSize(1);
    }

    @Test
    void theFaultsReachCommentsAsTheyReachPosts() {
        var account = sandbox.account(SandboxClient.uniqueHandle("cfault"));
        String post = post(account, "Faulty comments");

        sandbox.admin("PUT", "/sandbox/admin/faults", "{\"errorRate\":1}");
        var failing = comment(account.accessToken(), post, "fails");
        var failingList = sandbox.api("GET", "/sandbox/api/posts/" + post + "/comments", account.accessToken(), null);
        Instant until = Instant.now().plusSeconds(120);
        sandbox.admin("PUT", "/sandbox/admin/faults", "{\"rateLimitedUntil\":\"%s\"}".formatted(until));
        var limited = comment(account.accessToken(), post, "limited");
        sandbox.admin("DELETE", "/sandbox/admin/faults", null);

        assertThat(failing.status()).isEqualTo(503);
        assertThat(failing.json().path("error").asString()).isEqualTo("unavailable");
        assertThat(failingList.status()).isEqualTo(503);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(Long.parseLong(limited.header("retry-after"))).isBetween(100L, 121L);
        assertThat(comments(account, post)).isEmpty();
    }

    @Test
    void latencyDelaysACommentsAnswer() {
        var account = sandbox.account(SandboxClient.uniqueHandle("slowcmt"));
        String post = post(account, "Slow comments");
        sandbox.admin("PUT", "/sandbox/admin/faults", "{\"latencyMs\":600}");

        long started = System.nanoTime();
        var created = comment(account.accessToken(), post, "slowly");

        assertThat(created.status()).isEqualTo(201);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(600));
    }

    @Test
    void timeoutAfterCreateStoresTheCommentButStallsTheAnswer() throws Exception {
        var account = sandbox.account(SandboxClient.uniqueHandle("cstall"));
        String post = post(account, "Ambiguous comments");
        sandbox.admin("PUT", "/sandbox/admin/faults", "{\"timeoutAfterCreate\":true}");
        var request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/sandbox/api/posts/" + post + "/comments"))
                .header("Authorization", "Bearer " + account.accessToken())
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(1))
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"ambiguous\"}"))
                .build();

        try (var client = HttpClient.newHttpClient()) {
            assertThatThrownBy(() -> client.send(request, HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(HttpTimeoutException.class);
        }
        sandbox.admin("DELETE", "/sandbox/admin/faults", null);
        assertThat(comments(account, post).get(0).path("text").asString()).isEqualTo("ambiguous");
    }

    @Test
    void theFeedPageShowsEachPostsCommentsEscaped() {
        var account = sandbox.account(SandboxClient.uniqueHandle("cfeed"));
        String post = post(account, "Feed with comments");
        String id = comment(account.accessToken(), post, "<b>#tagged</b> & more")
                .json()
                .path("id")
                .asString();

        var page = sandbox.get("/sandbox/@" + account.handle(), Map.of());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("id=\"comment-" + id + "\"")
                .contains("&lt;b&gt;#tagged&lt;/b&gt; &amp; more")
                .doesNotContain("<b>#tagged</b>")
                .contains("@" + account.handle() + " commented");
    }

    private String post(SandboxClient.AccountTokens account, String text) {
        var created =
                sandbox.api("POST", "/sandbox/api/posts", account.accessToken(), "{\"text\":\"%s\"}".formatted(text));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    private SandboxClient.Response comment(String token, String post, String text) {
        return sandbox.api(
                "POST",
                "/sandbox/api/posts/" + post + "/comments",
                token,
                SandboxClient.JSON.writeValueAsString(Map.of("text", text)));
    }

    private JsonNode comments(SandboxClient.AccountTokens account, String post) {
        var listed = sandbox.api("GET", "/sandbox/api/posts/" + post + "/comments", account.accessToken(), null);
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        return listed.json().path("data");
    }
}
