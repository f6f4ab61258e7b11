package herald.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import herald.HeraldApplication;
import herald.SandboxConsent;
import herald.TenantFixtures;
import herald.connections.ConnectionId;
import herald.database.TenantScope;
import herald.identity.ApiKeyScope;
import herald.identity.ApiKeys;
import herald.shared.WorkspaceId;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fairness through the real dispatcher: a workspace with many posts due at one instant and one with a few, on a
 * node with more threads than a workspace may use. The few are published while the many are still being worked
 * through, not after them.
 */
class PublishingFairnessTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String ADMIN = "test-sandbox-admin-token";

    static ConfigurableApplicationContext node;
    static String base;

    final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    /** Started by hand, a node would scan test classes too; it gets what a real node has. */
    static final class TestClassesAreNotScanned extends TypeExcludeFilter {
        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) throws IOException {
            return reader.getResource().getURI().toString().contains("/test-classes/");
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TestClassesAreNotScanned;
        }

        @Override
        public int hashCode() {
            return TestClassesAreNotScanned.class.hashCode();
        }
    }

    @BeforeAll
    static void dispatchingNode() {
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        base = "http://localhost:" + port;
        node = new SpringApplicationBuilder(HeraldApplication.class)
                .initializers(context -> context.getBeanFactory()
                        .registerSingleton("testClassesAreNotScanned", new TestClassesAreNotScanned()))
                .run(
                        "--server.port=" + port,
                        "--herald.public-url=" + base,
                        "--herald.demo.enabled=false",
                        "--herald.publishing.dispatch=true",
                        "--herald.publishing.per-account=3",
                        "--herald.publishing.per-workspace=3",
                        "--db-scheduler.threads=8");
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            faults("{}");
            node.close();
        }
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void faults(String json) {
        send(HttpRequest.newBuilder(URI.create(base + "/sandbox/admin/faults"))
                .header("X-Sandbox-Admin-Token", ADMIN)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> api(String key, WorkspaceId workspace, String method, String path, String json) {
        var request = HttpRequest.newBuilder(URI.create(base + "/api/v1/workspaces/" + workspace + path))
                .header("Authorization", "Bearer " + key)
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A workspace with one Sandbox account connected through the real consent flow. */
    record Connected(WorkspaceId workspace, ConnectionId connection) {}

    Connected connected(String label) {
        var owner = TenantFixtures.of(node).signUp(label, "pro");
        WorkspaceId workspace = owner.workspace().orElseThrow().id();
        String key = node.getBean(ApiKeys.class)
                .create(
                        workspace,
                        label,
                        Set.of(ApiKeyScope.ADMIN),
                        null,
                        owner.user().id())
                .token();
        String account = "fair_" + UUID.randomUUID().toString().substring(0, 8);
        var started = api(
                key,
                workspace,
                "POST",
                "/connections/oauth-sessions",
                "{\"provider\":\"sandbox\",\"accountType\":\"company\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
        URI authorize = URI.create(
                JSON.readTree(started.body()).path("authorizationUrl").asString());
        var approved = send(HttpRequest.newBuilder(URI.create(base + "/sandbox/oauth/authorize"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(SandboxConsent.approving(authorize, account))));
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(302);
        var callback = send(HttpRequest.newBuilder(
                URI.create(approved.headers().firstValue("Location").orElseThrow())));
        assertThat(callback.statusCode()).as(callback.body()).isEqualTo(200);
        for (JsonNode c :
                JSON.readTree(api(key, workspace, "GET", "/connections", null).body())) {
            if (c.path("username").asString().equals(account)) {
                return new Connected(
                        workspace, new ConnectionId(UUID.fromString(c.path("id").asString())));
            }
        }
        throw new AssertionError("no connection for " + account);
    }

    List<TargetId> schedule(Connected at, int count) {
        Posts posts = node.getBean(Posts.class);
        List<TargetId> targets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Post post = posts.create(
                    at.workspace(),
                    new NewPost(
                            "Fair " + i + " " + UUID.randomUUID(),
                            null,
                            List.of(),
                            List.of(new NewPost.NewTarget(at.connection(), null)),
                            Instant.now().plusSeconds(3600).toString(),
                            null,
                            false));
            targets.add(post.targets().getFirst().id());
        }
        return targets;
    }

    /** Makes the targets and their jobs due at one instant, as if they had been scheduled for it. */
    void dueAt(Connected at, List<TargetId> targets, Instant due) {
        JdbcClient jdbc = node.getBean(JdbcClient.class);
        List<UUID> ids = targets.stream().map(TargetId::value).toList();
        node.getBean(TenantScope.class)
                .run(at.workspace(), () -> jdbc.sql("update post_targets set due_at = :due where id in (:ids)")
                        .param("due", java.sql.Timestamp.from(due))
                        .param("ids", ids)
                        .update());
        jdbc.sql("update scheduled_tasks set execution_time = :due where task_name = 'publish-target'"
                        + " and task_instance in (:ids)")
                .param("due", java.sql.Timestamp.from(due))
                .param("ids", ids.stream().map(UUID::toString).toList())
                .update();
    }

    List<Instant> publishedAt(Connected at, List<TargetId> targets, Duration within) {
        JdbcClient jdbc = node.getBean(JdbcClient.class);
        Instant until = Instant.now().plus(within);
        List<Instant> times = List.of();
        while (Instant.now().isBefore(until)) {
            times = node.getBean(TenantScope.class).call(at.workspace(), () -> jdbc.sql(
                            """
                                    select published_at from post_targets
                                    where id in (:ids) and status = 'published' order by published_at""")
                    .param("ids", targets.stream().map(TargetId::value).toList())
                    .query((rs, n) -> rs.getTimestamp(1).toInstant())
                    .list());
            if (times.size() == targets.size()) {
                return times;
            }
            sleep(250);
        }
        throw new AssertionError(times.size() + " of " + targets.size() + " published within " + within);
    }

    @Test
    void aWorkspaceWithAFewDuePostsIsServedWhileOneWithManyIsWorkedThrough() {
        Connected busy = connected("Busy");
        Connected small = connected("Small");
        List<TargetId> many = schedule(busy, 60);
        List<TargetId> few = schedule(small, 3);
        faults("{\"latencyMs\":100}");
        Instant due = Instant.now().plusSeconds(2);
        // The busy workspace's jobs become due first: db-scheduler sees them ahead of the small one's.
        dueAt(busy, many, due.minusMillis(200));
        dueAt(small, few, due);

        List<Instant> manyAt = publishedAt(busy, many, Duration.ofSeconds(90));
        List<Instant> fewAt = publishedAt(small, few, Duration.ofSeconds(10));

        assertThat(fewAt.getLast())
                .as("the small workspace's last post, against the busy one's median")
                .isBefore(manyAt.get(many.size() / 2));
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
