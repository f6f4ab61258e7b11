package herald.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import herald.SandboxConsent;
import herald.TenantFixtures;
import herald.database.TenantScope;
import herald.identity.ApiKeyScope;
import herald.identity.ApiKeys;
import herald.providers.PublishedPost;
import herald.shared.WorkspaceId;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dispatcher end to end against the real Sandbox inside Herald, over HTTP: posts are created through the API,
 * published by the db-scheduler job, and what the Sandbox really holds is counted through its public listing.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {
            "herald.publishing.dispatch=true",
            "herald.publishing.backoff=200ms",
            "herald.providers.sandbox.read-timeout=1s",
            "herald.sandbox.stall-after-create=3s"
        })
class PublishingEndToEndTests {

    static final int PORT = freePort();
    static final String BASE = "http://localhost:" + PORT;
    static final String ADMIN = "test-sandbox-admin-token";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void publicUrl(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("herald.public-url", () -> BASE);
    }

    @Autowired
    ApplicationContext context;

    @Autowired
    ApiKeys apiKeys;

    @Autowired
    TenantScope tenants;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Publisher publisher;

    @Autowired
    PlatformCall platform;

    @Autowired
    Posts posts;

    final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    WorkspaceId workspace;
    String key;
    String handle;
    String connection;

    static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    record Response(int status, String body, java.net.http.HttpHeaders headers) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    @BeforeEach
    void connected() {
        var owner = TenantFixtures.of(context).signUp("Publishing", "pro");
        workspace = owner.workspace().orElseThrow().id();
        key = apiKeys.create(
                        workspace,
                        "e2e",
                        Set.of(ApiKeyScope.ADMIN),
                        null,
                        owner.user().id())
                .token();
        handle = "pub_" + UUID.randomUUID().toString().substring(0, 8);
        connection = connect(handle);
    }

    @AfterEach
    void noFaults() {
        send(HttpRequest.newBuilder(URI.create(BASE + "/sandbox/admin/faults"))
                .header("X-Sandbox-Admin-Token", ADMIN)
                .DELETE());
    }

    Response send(HttpRequest.Builder request) {
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Response api(String method, String path, String json) {
        var request = HttpRequest.newBuilder(URI.create(BASE + "/api/v1/workspaces/" + workspace + path))
                .header("Authorization", "Bearer " + key)
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request);
    }

    void faults(String json) {
        var response = send(HttpRequest.newBuilder(URI.create(BASE + "/sandbox/admin/faults"))
                .header("X-Sandbox-Admin-Token", ADMIN)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
        assertThat(response.status()).as(response.body()).isBetween(200, 204);
    }

    /** What the Sandbox really holds for the account. */
    JsonNode published() {
        var response =
                send(HttpRequest.newBuilder(URI.create(BASE + "/sandbox/api/accounts/" + handle + "/posts?limit=100"))
                        .GET());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("data");
    }

    String connect(String account) {
        Response started =
                api("POST", "/connections/oauth-sessions", "{\"provider\":\"sandbox\",\"accountType\":\"company\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        URI authorize = URI.create(started.json().path("authorizationUrl").asString());
        String encoded = SandboxConsent.approving(authorize, account);
        Response approved = send(HttpRequest.newBuilder(URI.create(BASE + "/sandbox/oauth/authorize"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encoded)));
        assertThat(approved.status()).as(approved.body()).isEqualTo(302);
        Response callback = send(HttpRequest.newBuilder(
                        URI.create(approved.headers().firstValue("Location").orElseThrow()))
                .GET());
        assertThat(callback.status()).as(callback.body()).isEqualTo(200);
        Response list = api("GET", "/connections", null);
        for (JsonNode c : list.json()) {
            if (c.path("username").asString().equals(account)) {
                return c.path("id").asString();
            }
        }
        throw new AssertionError("no connection for " + account);
    }

    String create(String body, String extra) {
        Response created = api(
                "POST",
                "/posts",
                "{\"body\":\"" + body + "\",\"targets\":[{\"connectionId\":\"" + connection + "\"}]" + extra + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    JsonNode awaitFinished(String post, Duration within) {
        Instant until = Instant.now().plus(within);
        JsonNode last = null;
        while (Instant.now().isBefore(until)) {
            last = api("GET", "/posts/" + post, null).json();
            String status = last.path("targets").get(0).path("status").asString();
            if (!status.equals("scheduled") && !status.equals("publishing")) {
                return last;
            }
            sleep(200);
        }
        throw new AssertionError("not finished in " + within + ": " + last);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String outcomes(String post) {
        return tenants.call(
                workspace,
                () -> String.join(
                        ",",
                        jdbc.sql(
                                        """
                                select a.outcome from publish_attempts a join post_targets t
                                  on t.workspace_id = a.workspace_id and t.id = a.target_id
                                where t.post_id = :post order by a.fence""")
                                .param("post", UUID.fromString(post))
                                .query(String.class)
                                .list()));
    }

    @Test
    void publishesOnceWithTheSandboxUrl() {
        String post = create("Hello from Herald " + UUID.randomUUID(), "");
        JsonNode done = awaitFinished(post, Duration.ofSeconds(20));
        assertThat(done.path("status").asString()).isEqualTo("published");
        JsonNode target = done.path("targets").get(0);
        assertThat(target.path("status").asString()).isEqualTo("published");
        assertThat(target.path("attempts").asInt()).isEqualTo(1);
        JsonNode onSandbox = published();
        assertThat(onSandbox.size()).isEqualTo(1);
        assertThat(target.path("platformUrl").asString())
                .isEqualTo(onSandbox.get(0).path("url").asString());
        assertThat(target.path("platformPostId").asString())
                .isEqualTo(onSandbox.get(0).path("id").asString());
    }

    @Test
    void retriesTransientFailuresWithBackoff() {
        faults("{\"errorRate\":1.0}");
        String post = create("Through the storm " + UUID.randomUUID(), "");
        Instant until = Instant.now().plusSeconds(15);
        while (Instant.now().isBefore(until)
                && api("GET", "/posts/" + post, null)
                                .json()
                                .path("targets")
                                .get(0)
                                .path("attempts")
                                .asInt()
                        < 2) {
            sleep(100);
        }
        faults("{}");
        JsonNode done = awaitFinished(post, Duration.ofSeconds(30));
        assertThat(done.path("targets").get(0).path("status").asString()).isEqualTo("published");
        assertThat(done.path("targets").get(0).path("attempts").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(published().size()).isEqualTo(1);
    }

    @Test
    void waitsUntilTheRateLimitResets() {
        Instant reset = Instant.now().plusSeconds(3);
        faults("{\"rateLimitedUntil\":\"" + reset + "\"}");
        String post = create("Patience " + UUID.randomUUID(), "");
        JsonNode done = awaitFinished(post, Duration.ofSeconds(30));
        assertThat(done.path("targets").get(0).path("status").asString()).isEqualTo("published");
        assertThat(Instant.parse(done.path("targets").get(0).path("publishedAt").asString()))
                .isAfterOrEqualTo(reset.minusMillis(500));
        assertThat(published().size()).isEqualTo(1);
    }

    @Test
    void reconcilesATimeoutAfterTheSandboxCreatedThePostInsteadOfPublishingTwice() {
        faults("{\"timeoutAfterCreate\":true}");
        String post = create("Slow answer " + UUID.randomUUID(), "");
        JsonNode done = awaitFinished(post, Duration.ofSeconds(30));
        assertThat(done.path("targets").get(0).path("status").asString()).isEqualTo("published");
        assertThat(outcomes(post)).isEqualTo("reconciled");
        JsonNode onSandbox = published();
        assertThat(onSandbox.size()).isEqualTo(1);
        assertThat(done.path("targets").get(0).path("platformUrl").asString())
                .isEqualTo(onSandbox.get(0).path("url").asString());
    }

    @Test
    void failsADuplicateWithThePlatformsWords() {
        String text = "Said it twice " + UUID.randomUUID();
        awaitFinished(create(text, ""), Duration.ofSeconds(20));
        JsonNode second = awaitFinished(create(text, ""), Duration.ofSeconds(20));
        assertThat(second.path("status").asString()).isEqualTo("failed");
        assertThat(second.path("targets").get(0).path("lastError").asString()).contains("already has");
        assertThat(published().size()).isEqualTo(1);
    }

    /** A post due now whose job is not: the test drives the dispatcher itself. */
    TargetId manual(String body) {
        String post = create(body, ",\"scheduledAt\":\"" + Instant.now().plusSeconds(3600) + "\"");
        return tenants.call(workspace, () -> {
            jdbc.sql("update post_targets set due_at = now() where post_id = :post")
                    .param("post", UUID.fromString(post))
                    .update();
            return new TargetId(jdbc.sql("select id from post_targets where post_id = :post")
                    .param("post", UUID.fromString(post))
                    .query(UUID.class)
                    .single());
        });
    }

    @Test
    void aNodeThatDiedBetweenTheCallAndTheCommitIsReconciledNotRepeated() {
        TargetId target = manual("Crash after sending " + UUID.randomUUID());
        var claim = (Publisher.Claim) publisher.claim(workspace, target);
        var outcome = platform.call(workspace, claim);
        assertThat(outcome).isInstanceOf(Publisher.Outcome.Published.class);
        // The node dies here: the outcome is never written. Another node's job runs the target again.
        assertThat(publisher.publish(workspace, target).at()).isNull();
        Post post = posts.get(workspace, claim.post());
        assertThat(post.targets().getFirst().status()).isEqualTo(TargetStatus.PUBLISHED);
        assertThat(outcomes(post.id().toString())).isEqualTo("fenced,reconciled");
        assertThat(published().size()).isEqualTo(1);
    }

    @Test
    void aZombieAttemptCannotOverwriteTheNewerOne() {
        TargetId target = manual("Zombie " + UUID.randomUUID());
        var zombie = (Publisher.Claim) publisher.claim(workspace, target);
        var current = (Publisher.Claim) publisher.claim(workspace, target);
        assertThat(current.fence()).isEqualTo(zombie.fence() + 1);
        assertThat(current.reconcileSince()).isNotNull();
        var receipt = new PublishedPost("p-1", URI.create(BASE + "/sandbox/@" + handle + "/p-1"), Instant.now());
        publisher.complete(workspace, target, current, new Publisher.Outcome.Published(receipt, true));
        publisher.complete(workspace, target, zombie, new Publisher.Outcome.Failed("late and wrong"));
        Post post = posts.get(workspace, current.post());
        assertThat(post.targets().getFirst().status()).isEqualTo(TargetStatus.PUBLISHED);
        assertThat(post.targets().getFirst().lastError()).isNull();
        assertThat(post.status()).isEqualTo(PostStatus.PUBLISHED);
    }
}
