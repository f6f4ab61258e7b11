package herald.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import herald.SandboxConsent;
import herald.TenantFixtures;
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
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Analytics end to end against the Sandbox inside Herald, over HTTP: posts are published by the dispatcher, the sweep
 * (called by the test at chosen instants) tracks and reads them through the Sandbox's metrics endpoint with the
 * account's token, and the figures come back through the API, per post and as a report, in their workspace only.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {"herald.publishing.dispatch=true", "herald.publishing.backoff=200ms"})
@DirtiesContext
class AnalyticsEndToEndTests {

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
    MetricsCollector collector;

    final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    WorkspaceId workspace;
    String key;
    String connection;

    record Response(int status, String body, java.net.http.HttpHeaders headers) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeEach
    void connected() {
        var owner = TenantFixtures.of(context).signUp("Analytics", "pro");
        workspace = owner.workspace().orElseThrow().id();
        key = apiKeys.create(
                        workspace,
                        "e2e",
                        Set.of(ApiKeyScope.ADMIN),
                        null,
                        owner.user().id())
                .token();
        connection = connect("an_" + UUID.randomUUID().toString().substring(0, 8));
    }

    @AfterEach
    void noFaults() {
        send(HttpRequest.newBuilder(URI.create(BASE + "/sandbox/admin/faults"))
                .header("X-Sandbox-Admin-Token", ADMIN)
                .DELETE());
    }

    @Test
    void readsPublishedPostsAtTheirStepsAndReportsThem() {
        String first = publish("Figures one " + UUID.randomUUID());
        String second = publish("Figures two " + UUID.randomUUID());
        Instant publishedAt = Instant.parse(api("GET", "/posts/" + first, null)
                .json()
                .path("targets")
                .get(0)
                .path("publishedAt")
                .asString());

        // The first sweep tracks both and reads neither: the first reading is an hour after publishing.
        collector.sweep(Instant.now());
        JsonNode pending = figures(first).get(0);
        assertThat(pending.path("reads").asInt()).isZero();
        assertThat(pending.path("readAt").isNull()).isTrue();
        assertThat(Instant.parse(pending.path("nextReadAt").asString()))
                .isEqualTo(publishedAt.plus(Duration.ofHours(1)));

        // An hour later both are read with the account's token, and the next reading is six hours after publishing.
        MetricsCollector.Sweep sweep = collector.sweep(publishedAt.plus(Duration.ofMinutes(61)));
        assertThat(sweep.read()).isGreaterThanOrEqualTo(2);
        JsonNode read = figures(first).get(0);
        long impressions = read.path("counts").path("impressions").asLong();
        long likes = read.path("counts").path("likes").asLong();
        // The Sandbox's own arithmetic (sandbox.ApiController#metrics): a tenth of the impressions are likes.
        assertThat(impressions).isBetween(10L, 150L);
        assertThat(likes).isEqualTo(impressions / 10);
        assertThat(read.path("views").asLong()).isEqualTo(impressions);
        assertThat(read.path("engagements").asLong())
                .isEqualTo(likes
                        + read.path("counts").path("reposts").asLong()
                        + read.path("counts").path("replies").asLong());
        assertThat(read.path("reads").asInt()).isEqualTo(1);
        assertThat(read.path("lastError").isNull()).isTrue();
        assertThat(Instant.parse(read.path("nextReadAt").asString())).isEqualTo(publishedAt.plus(Duration.ofHours(6)));

        // Nothing is due again before then.
        assertThat(collector.sweep(publishedAt.plus(Duration.ofMinutes(90))).read())
                .isZero();

        // Asking for them again at once is refused, with when to ask.
        Response tooSoon = api("POST", "/posts/" + first + "/figures/read", null);
        assertThat(tooSoon.status()).as(tooSoon.body()).isEqualTo(409);
        assertThat(tooSoon.json().path("detail").asString()).contains("ask again after");

        // The report: both posts, their views and engagements summed, the better one first.
        Response report = api("GET", "/analytics", null);
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        JsonNode totals = report.json().path("totals");
        assertThat(totals.path("posts").asInt()).isEqualTo(2);
        assertThat(totals.path("measured").asInt()).isEqualTo(2);
        long views = figures(first).get(0).path("views").asLong()
                + figures(second).get(0).path("views").asLong();
        assertThat(totals.path("views").asLong()).isEqualTo(views);
        assertThat(report.json().path("days").size()).isEqualTo(30);
        assertThat(report.json().path("accounts").get(0).path("connectionId").asString())
                .isEqualTo(connection);
        JsonNode top = report.json().path("top");
        assertThat(top.size()).isEqualTo(2);
        assertThat(top.get(0).path("engagements").asLong())
                .isGreaterThanOrEqualTo(top.get(1).path("engagements").asLong());

        // The same period as a file, over the API.
        Response csv = api("GET", "/analytics/export", null);
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).contains(",views,engagements,engagement_rate,read_at,count_impressions,count_likes");
        assertThat(lines).hasSize(3);
        assertThat(csv.body()).contains(first).contains(second);
        Response badDate = api("GET", "/analytics/export?from=last-week", null);
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.body()).contains("not a date");

        // Another workspace sees none of it.
        var other = TenantFixtures.of(context).signUp("Other analytics", "pro");
        String otherKey = apiKeys.create(
                        other.workspace().orElseThrow().id(),
                        "other",
                        Set.of(ApiKeyScope.ADMIN),
                        null,
                        other.user().id())
                .token();
        String otherBase =
                "/api/v1/workspaces/" + other.workspace().orElseThrow().id().value();
        assertThat(send(otherKey, "GET", otherBase + "/posts/" + first + "/figures", null)
                        .status())
                .isEqualTo(404);
        assertThat(send(otherKey, "GET", otherBase + "/analytics", null)
                        .json()
                        .path("totals")
                        .path("posts")
                        .asInt())
                .isZero();
    }

    @Test
    void aRateLimitDefersTheReadingAndAnAccountToReconnectWaitsForIt() {
        String post = publish("Limited " + UUID.randomUUID());
        Instant publishedAt = Instant.parse(api("GET", "/posts/" + post, null)
                .json()
                .path("targets")
                .get(0)
                .path("publishedAt")
                .asString());
        collector.sweep(Instant.now());

        Instant reset = Instant.now().plusSeconds(120);
        faults("{\"rateLimitedUntil\":\"" + reset + "\"}");
        Instant hourLater = publishedAt.plus(Duration.ofMinutes(61));
        collector.sweep(hourLater);
        JsonNode limited = figures(post).get(0);
        assertThat(limited.path("reads").asInt()).isZero();
        assertThat(limited.path("lastError").asString()).contains("rate-limited");
        // Tried again when the platform said, not given up.
        assertThat(Instant.parse(limited.path("nextReadAt").asString())).isAfter(hourLater);
        noFaults();

        // The account needs a reconnect: the reading waits a day for it, and says so.
        tenants.run(workspace, () -> jdbc.sql("update connections set status = 'needs_reconnect' where id = :id")
                .param("id", UUID.fromString(connection))
                .update());
        Instant later = publishedAt.plus(Duration.ofHours(7));
        collector.sweep(later);
        JsonNode waiting = figures(post).get(0);
        assertThat(waiting.path("lastError").asString()).startsWith("Reconnect Sandbox @");
        assertThat(Instant.parse(waiting.path("nextReadAt").asString())).isEqualTo(later.plus(Duration.ofDays(1)));
        assertThat(waiting.path("reads").asInt()).isZero();
    }

    JsonNode figures(String post) {
        Response response = api("GET", "/posts/" + post + "/figures", null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("targets");
    }

    String publish(String body) {
        Response created = api(
                "POST",
                "/posts",
                "{\"body\":\"" + body + "\",\"targets\":[{\"connectionId\":\"" + connection + "\"}]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().path("id").asString();
        Instant until = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(until)) {
            String status =
                    api("GET", "/posts/" + id, null).json().path("status").asString();
            if (status.equals("published")) {
                return id;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("not published in 30 s: " + id);
    }

    String connect(String account) {
        Response started =
                api("POST", "/connections/oauth-sessions", "{\"provider\":\"sandbox\",\"accountType\":\"company\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        URI authorize = URI.create(started.json().path("authorizationUrl").asString());
        Response approved = send(HttpRequest.newBuilder(URI.create(BASE + "/sandbox/oauth/authorize"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(SandboxConsent.approving(authorize, account))));
        assertThat(approved.status()).as(approved.body()).isEqualTo(302);
        Response callback = send(HttpRequest.newBuilder(
                        URI.create(approved.headers().firstValue("Location").orElseThrow()))
                .GET());
        assertThat(callback.status()).as(callback.body()).isEqualTo(200);
        for (JsonNode c : api("GET", "/connections", null).json()) {
            if (c.path("username").asString().equals(account)) {
                return c.path("id").asString();
            }
        }
        throw new AssertionError("no connection for " + account);
    }

    void faults(String json) {
        Response response = send(HttpRequest.newBuilder(URI.create(BASE + "/sandbox/admin/faults"))
                .header("X-Sandbox-Admin-Token", ADMIN)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
        assertThat(response.status()).as(response.body()).isBetween(200, 204);
    }

    Response api(String method, String path, @Nullable String json) {
        return send(key, method, "/api/v1/workspaces/" + workspace.value() + path, json);
    }

    Response send(String bearer, String method, String path, @Nullable String json) {
        var request = HttpRequest.newBuilder(URI.create(BASE + path))
                .header("Authorization", "Bearer " + bearer)
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request);
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
}
