package herald.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Publishing, the content rules, the public listing and feed, the rate limit and the faults of the API. */
class PublishApiTests extends SandboxTest {

    HttpServer media;
    String mediaBase;

    @BeforeEach
    void mediaServer() throws IOException {
        media = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        media.createContext("/cat.png", exchange -> {
            byte[] png = new byte[100];
            exchange.getResponseHeaders().add("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, png.length);
            exchange.getResponseBody().write(png);
            exchange.close();
        });
        media.createContext("/huge.bin", exchange -> {
            byte[] big = new byte[4096];
            exchange.sendResponseHeaders(200, big.length);
            exchange.getResponseBody().write(big);
            exchange.close();
        });
        media.createContext("/slow.png", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "image/png");
            exchange.sendResponseHeaders(200, 0);
            try {
                for (int i = 0; i < 30; i++) {
                    exchange.getResponseBody().write(1);
                    exchange.getResponseBody().flush();
                    Thread.sleep(200);
                }
            } catch (InterruptedException | IOException e) {
                // the Sandbox hung up: what it should do
            }
            exchange.close();
        });
        media.createContext("/to-metadata", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://169.254.169.254/latest/meta-data/");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        media.createContext("/to-cat", exchange -> {
            exchange.getResponseHeaders().add("Location", "/cat.png");
            exchange.sendResponseHeaders(301, -1);
            exchange.close();
        });
        media.createContext("/loop", exchange -> {
            exchange.getResponseHeaders().add("Location", "/loop");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        media.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        media.start();
        mediaBase = "http://127.0.0.1:" + media.getAddress().getPort();
    }

    @AfterEach
    void stopMedia() {
        media.stop(0);
    }

    @Test
    void publishesAPostThatCanBeReadBackAndIsListedPublicly() {
        String handle = SandboxClient.uniqueHandle("pub");
        var account = sandbox.account(handle);

        var created = sandbox.api(
                "POST",
                "/sandbox/api/posts",
                account.accessToken(),
                """
                {"text":"Hello sandbox","link":"https://herald.test/a","mediaUrls":["%s/cat.png"]}"""
                        .formatted(mediaBase));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asString();
        assertThat(created.json().path("url").asString())
                .isEqualTo("http://localhost:" + port + "/sandbox/@" + handle + "#post-" + id);
        assertThat(Instant.parse(created.json().path("createdAt").asString())).isBeforeOrEqualTo(Instant.now());
        var post = sandbox.api("GET", "/sandbox/api/posts/" + id, account.accessToken(), null);
        assertThat(post.status()).isEqualTo(200);
        assertThat(post.json().path("accountHandle").asString()).isEqualTo(handle);
        assertThat(post.json().path("text").asString()).isEqualTo("Hello sandbox");
        assertThat(post.json().path("link").asString()).isEqualTo("https://herald.test/a");
        assertThat(post.json().path("mediaUrls").get(0).asString()).isEqualTo(mediaBase + "/cat.png");
        var metrics = sandbox.api("GET", "/sandbox/api/posts/" + id + "/metrics", account.accessToken(), null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.json().path("impressions").asLong()).isGreaterThanOrEqualTo(10);
        assertThat(metrics.json().has("likes")
                        && metrics.json().has("reposts")
                        && metrics.json().has("replies"))
                .isTrue();
        var listed = sandbox.get("/sandbox/api/accounts/" + handle + "/posts?limit=5", Map.of());
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().path("data").get(0).path("id").asString()).isEqualTo(id);
        assertThat(sandbox.get("/sandbox/api/accounts/nobody_here_x/posts", Map.of())
                        .status())
                .isEqualTo(404);
    }

    @Test
    void theMediaIsFetchedAndItsTypeRecorded(
            @org.springframework.beans.factory.annotation.Autowired
                    org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        var account = sandbox.account(SandboxClient.uniqueHandle("media"));

        var created = sandbox.api(
                "POST",
                "/sandbox/api/posts",
                account.accessToken(),
                "{\"mediaUrls\":[\"%s/cat.png\"]}".formatted(mediaBase));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var row = jdbc.sql(
                        "select media_content_types[1] as type, media_sizes[1] as size from sandbox_posts where id = :id")
                .param("id", java.util.UUID.fromString(created.json().path("id").asString()))
                .query()
                .singleRow();
        assertThat(row).containsEntry("type", "image/png").containsEntry("size", 100L);
    }

    @Test
    void theSameTextTwiceWithin24HoursIsADuplicate() {
        var account = sandbox.account(SandboxClient.uniqueHandle("dup"));
        String body = "{\"text\":\"Only once\"}";
        assertThat(sandbox.api("POST", "/sandbox/api/posts", account.accessToken(), body)
                        .status())
                .isEqualTo(201);

        var again = sandbox.api("POST", "/sandbox/api/posts", account.accessToken(), body);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("error").asString()).isEqualTo("duplicate");
        var other = sandbox.account(SandboxClient.uniqueHandle("dup2"));
        assertThat(sandbox.api("POST", "/sandbox/api/posts", other.accessToken(), body)
                        .status())
                .as("another account may say the same")
                .isEqualTo(201);
    }

    @Test
    void concurrentCreatesOfManyAccountsAreEachCountedOnce() throws Exception {
        // The counter is kept in shards by account (V117): accounts spread over them, and the stats show the sum.
        var accounts = new ArrayList<SandboxClient.AccountTokens>();
        for (int i = 0; i < 12; i++) {
            accounts.add(sandbox.account(SandboxClient.uniqueHandle("count" + i)));
        }
        long postsBefore = sandbox.admin("GET", "/sandbox/admin/stats", null)
                .json()
                .path("posts")
                .asLong();

        List<Integer> statuses = new ArrayList<>();
        try (var threads = java.util.concurrent.Executors.newFixedThreadPool(6)) {
            var calls = new ArrayList<java.util.concurrent.Future<Integer>>();
            for (var account : accounts) {
                calls.add(threads.submit(() -> sandbox.api(
                                "POST",
                                "/sandbox/api/posts",
                                account.accessToken(),
                                "{\"text\":\"Counted once for " + account.handle() + "\"}")
                        .status()));
            }
            for (var call : calls) {
                statuses.add(call.get());
            }
        }

        assertThat(statuses).containsOnly(201);
        assertThat(sandbox.admin("GET", "/sandbox/admin/stats", null)
                        .json()
                        .path("posts")
                        .asLong())
                .isEqualTo(postsBefore + accounts.size());
    }

    @Test
    void concurrentCreatesOfTheSameTextPublishItOnceAndCountOnlyIt() throws Exception {
        var account = sandbox.account(SandboxClient.uniqueHandle("race"));
        long postsBefore = sandbox.admin("GET", "/sandbox/admin/stats", null)
                .json()
                .path("posts")
                .asLong();
        String body = "{\"text\":\"Said at once by eight\"}";

        List<Integer> statuses;
        try (var threads = java.util.concurrent.Executors.newFixedThreadPool(8)) {
            var start = new java.util.concurrent.CountDownLatch(1);
            var calls = new ArrayList<java.util.concurrent.Future<Integer>>();
            for (int i = 0; i < 8; i++) {
                calls.add(threads.submit(() -> {
                    start.await();
                    return sandbox.api("POST", "/sandbox/api/posts", account.accessToken(), body)
                            .status();
                }));
            }
            start.countDown();
            statuses = new ArrayList<>();
            for (var call : calls) {
                statuses.add(call.get());
            }
        }

        assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        assertThat(sandbox.get("/sandbox/api/accounts/" + account.handle() + "/posts", Map.of())
                        .json()
                        .path("data")
                        .size())
                .isEqualTo(1);
        assertThat(sandbox.admin("GET", "/sandbox/admin/stats", null)
                        .json()
                        .path("posts")
                        .asLong())
                .as("the refused duplicates are not counted")
                .isEqualTo(postsBefore + 1);
    }

    @Test
    void aStoryIsOneMediumAloneAndIsReadBackAsAStory() {
        String handle = SandboxClient.uniqueHandle("story");
        var account = sandbox.account(handle);

        var story = sandbox.api(
                "POST",
                "/sandbox/api/posts",
                account.accessToken(),
                "{\"kind\":\"story\",\"mediaUrls\":[\"%s/cat.png\"]}".formatted(mediaBase));

        assertThat(story.status()).as(story.toString()).isEqualTo(201);
        var read = sandbox.api(
                "GET", "/sandbox/api/posts/" + story.json().path("id").asString(), account.accessToken(), null);
        assertThat(read.json().path("kind").asString()).isEqualTo("story");
        assertThat(read.json().path("mediaUrls").size()).isEqualTo(1);
        assertThat(sandbox.get("/sandbox/@" + handle, Map.of()).body()).contains("Story · shown for 24 hours");
        var refused = Map.of(
                "{\"kind\":\"story\",\"text\":\"A caption\",\"mediaUrls\":[\"%s/cat.png\"]}".formatted(mediaBase),
                "no text, link or reply",
                "{\"kind\":\"story\",\"mediaUrls\":[\"%s/cat.png\",\"%s/cat.png\"]}".formatted(mediaBase, mediaBase),
                "one image or video; this one has 2",
                "{\"kind\":\"story\",\"text\":\"\"}",
                "has 0",
                "{\"kind\":\"reel\",\"text\":\"Hi\"}",
                "kind: post or story");
        refused.forEach((body, message) -> {
            var response = sandbox.api("POST", "/sandbox/api/posts", account.accessToken(), body);
            assertThat(response.status()).as(body).isEqualTo(400);
            assertThat(response.json().path("message").asString()).as(body).contains(message);
        });
        assertThat(sandbox.get("/sandbox/api/accounts/" + handle + "/posts", Map.of())
                        .json()
                        .path("data")
                        .size())
                .as("only the story was published")
                .isEqualTo(1);
    }

    @Test
    void invalidContentIsRefusedWithAMessage() {
        var account = sandbox.account(SandboxClient.uniqueHandle("invalid"));
        String tooLong = "x".repeat(501);

        var cases = Map.of(
                "{\"text\":\"%s\"}".formatted(tooLong),
                "500",
                "{\"text\":\"\"}",
                "text or at least one media",
                "{\"text\":\"unreachable\",\"mediaUrls\":[\"http://127.0.0.1:1/nothing.png\"]}",
                "could not be fetched",
                "{\"text\":\"missing\",\"mediaUrls\":[\"%s/missing.png\"]}".formatted(mediaBase),
                "HTTP 404",
                "{\"text\":\"huge\",\"mediaUrls\":[\"%s/huge.bin\"]}".formatted(mediaBase),
                "larger than",
                "{\"text\":\"bad link\",\"link\":\"javascript:alert(1)\"}",
                "http or https",
                "{\"text\":\"slow\",\"mediaUrls\":[\"%s/slow.png\"]}".formatted(mediaBase),
                "within 2 s");
        cases.forEach((body, message) -> {
            var response = sandbox.api("POST", "/sandbox/api/posts", account.accessToken(), body);
            assertThat(response.status()).as(response.toString()).isEqualTo(400);
            assertThat(response.json().path("error").asString()).isEqualTo("invalid_content");
            assertThat(response.json().path("message").asString()).contains(message);
        });
        assertThat(sandbox.get("/sandbox/api/accounts/" + account.handle() + "/posts", Map.of())
                        .json()
                        .path("data"))
                .as("nothing was published")
                .isEmpty();
    }

    @Test
    void mediaUrlsCannotReachHeraldsOwnNetwork() {
        var account = sandbox.account(SandboxClient.uniqueHandle("ssrf"));

        // 127.0.0.1 is the tests' allowed media host; every other internal address is refused before any request.
        var cases = Map.of(
                "http://169.254.169.254/latest/meta-data/",
                "internal address",
                "http://127.0.0.2:1/x.png",
                "internal address",
                "http://10.1.2.3/x.png",
                "internal address",
                "http://[::1]:1/x.png",
                "internal address",
                "http://[::ffff:192.168.1.1]/x.png",
                "internal address",
                "http://100.64.0.1/x.png",
                "internal address",
                mediaBase + "/to-metadata",
                "internal address",
                mediaBase + "/loop",
                "redirects more than 5 times");
        cases.forEach((url, message) -> {
            var response = sandbox.api(
                    "POST",
                    "/sandbox/api/posts",
                    account.accessToken(),
                    "{\"text\":\"ssrf %s\",\"mediaUrls\":[\"%s\"]}".formatted(url.hashCode(), url));
            assertThat(response.status()).as(url + " " + response).isEqualTo(400);
            assertThat(response.json().path("error").asString()).isEqualTo("invalid_content");
            assertThat(response.json().path("message").asString()).as(url).contains(message);
        });
        var redirected = sandbox.api(
                "POST",
                "/sandbox/api/posts",
                account.accessToken(),
                "{\"text\":\"redirected\",\"mediaUrls\":[\"%s/to-cat\"]}".formatted(mediaBase));
        assertThat(redirected.status()).as(redirected.toString()).isEqualTo(201);
        var stored = sandbox.api(
                "GET", "/sandbox/api/posts/" + redirected.json().path("id").asString(), account.accessToken(), null);
        assertThat(stored.json().path("mediaUrls").get(0).asString()).isEqualTo(mediaBase + "/to-cat");
        assertThat(sandbox.get("/sandbox/api/accounts/" + account.handle() + "/posts", Map.of())
                        .json()
                        .path("data"))
                .hasSize(1);
    }

    @Test
    void everyAnswerCarriesRateLimitHeadersAndTheWindowRunsOut() {
        var account = sandbox.account(SandboxClient.uniqueHandle("window"));

        var first = sandbox.api("GET", "/sandbox/api/me", account.accessToken(), null);
        assertThat(first.header("x-rate-limit-limit")).isEqualTo("12");
        assertThat(first.header("x-rate-limit-remaining")).isEqualTo("11");
        long reset = Long.parseLong(first.header("x-rate-limit-reset"));
        assertThat(reset)
                .isBetween(Instant.now().getEpochSecond() + 800, Instant.now().getEpochSecond() + 901);
        SandboxClient.Response last = first;
        for (int i = 0; i < 11; i++) {
            last = sandbox.api("GET", "/sandbox/api/me", account.accessToken(), null);
        }
        assertThat(last.status()).isEqualTo(200);
        assertThat(last.header("x-rate-limit-remaining")).isEqualTo("0");

        var limited = sandbox.api("GET", "/sandbox/api/me", account.accessToken(), null);

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().path("error").asString()).isEqualTo("rate_limited");
        assertThat(Long.parseLong(limited.header("retry-after"))).isBetween(800L, 901L);
        assertThat(limited.header("x-rate-limit-remaining")).isEqualTo("0");
        var created = sandbox.api("POST", "/sandbox/api/posts", account.accessToken(), "{\"text\":\"over\"}");
        assertThat(created.status()).isEqualTo(429);
    }

    @Test
    void theRateLimitFaultAnswers429UntilItsInstant() {
        var account = sandbox.account(SandboxClient.uniqueHandle("limited"));
        Instant until = Instant.now().plusSeconds(120);
        var set = sandbox.admin("PUT", "/sandbox/admin/faults", "{\"rateLimitedUntil\":\"%s\"}".formatted(until));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);

        var response = sandbox.api("POST", "/sandbox/api/posts", account.accessToken(), "{\"text\":\"limited\"}");

        assertThat(response.status()).isEqualTo(429);
        assertThat(Long.parseLong(response.header("retry-after"))).isBetween(100L, 121L);
        assertThat(response.header("x-rate-limit-reset")).isEqualTo(Long.toString(until.getEpochSecond()));
        assertThat(response.header("x-rate-limit-remaining")).isEqualTo("0");
        sandbox.admin("DELETE", "/sandbox/admin/faults", null);
        assertThat(sandbox.get("/sandbox/api/accounts/" + account.handle() + "/posts", Map.of())
                        .json()
                        .path("data"))
                .isEmpty();
    }

    @Test
    void anErrorRateOfOneAnswers503() {
        var account = sandbox.account(SandboxClient.uniqueHandle("errors"));
        sandbox.admin("PUT", "/sandbox/admin/faults", "{\"errorRate\":1}");

        var response = sandbox.api("POST", "/sandbox/api/posts", account.accessToken(), "{\"text\":\"fails\"}");

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.json().path("error").asString()).isEqualTo("unavailable");
        sandbox.admin("DELETE", "/sandbox/admin/faults", null);
        assertThat(sandbox.api("GET", "/sandbox/api/me", account.accessToken(), null)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void timeoutAfterCreateCreatesThePostButStallsTheAnswer() {
        var account = sandbox.account(SandboxClient.uniqueHandle("stall"));
        sandbox.admin("PUT", "/sandbox/admin/faults", "{\"timeoutAfterCreate\":true}");
        var request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/sandbox/api/posts"))
                .header("Authorization", "Bearer " + account.accessToken())
                .header("Content-Type", "application/json")
                .timeout(java.time.Duration.ofSeconds(1))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"text\":\"ambiguous\"}"))
                .build();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> java.net.http.HttpClient.newHttpClient()
                        .send(request, java.net.http.HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(java.net.http.HttpTimeoutException.class);
        var listed = sandbox.get("/sandbox/api/accounts/" + account.handle() + "/posts", Map.of());
        assertThat(listed.json().path("data").get(0).path("text").asString()).isEqualTo("ambiguous");
    }

    @Test
    void theFeedPageShowsPostsEscaped() {
        String handle = SandboxClient.uniqueHandle("feed");
        var account = sandbox.account(handle);
        sandbox.api(
                "POST",
                "/sandbox/api/posts",
                account.accessToken(),
                "{\"text\":\"<script>alert('x')</script> & <b>bold</b>\"}");

        var page = sandbox.get("/sandbox/@" + handle, Map.of());

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body())
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;")
                .doesNotContain("<script>alert")
                .doesNotContain("<b>bold</b>")
                .contains("@" + handle);
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'none'");
        assertThat(sandbox.get("/sandbox/@no_such_account_zz", Map.of()).status())
                .isEqualTo(404);
    }
}
