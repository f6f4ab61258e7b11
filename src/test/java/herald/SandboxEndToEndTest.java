package herald;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The setup of the tests that drive Herald end to end over HTTP against the Sandbox inside it, with this node's
 * dispatcher publishing: Herald's public URL is its real address, each test gets a workspace of its own with an admin
 * API key and a Sandbox account connected through the real OAuth consent, and the Sandbox's faults are cleared after
 * it. Every subclass runs in the same application context (one port, one configuration).
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {
            "herald.publishing.dispatch=true",
            "herald.publishing.backoff=200ms",
            "herald.publishing.comment-poll=300ms",
            "herald.providers.sandbox.read-timeout=1s",
            "herald.sandbox.stall-after-create=3s"
        })
public abstract class SandboxEndToEndTest {

    protected static final int PORT = freePort();
    protected static final String BASE = "http://localhost:" + PORT;
    protected static final String ADMIN = "test-sandbox-admin-token";
    protected static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void publicUrl(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("herald.public-url", () -> BASE);
    }

    @Autowired
    protected ApplicationContext context;

    @Autowired
    protected ApiKeys apiKeys;

    protected final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    protected WorkspaceId workspace;
    protected String key;
    protected String handle;
    protected String connection;

    public record Response(int status, String body, java.net.http.HttpHeaders headers) {
        public JsonNode json() {
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
        var owner = TenantFixtures.of(context).signUp(getClass().getSimpleName(), "pro");
        workspace = owner.workspace().orElseThrow().id();
        key = apiKeys.create(
                        workspace,
                        "e2e",
                        Set.of(ApiKeyScope.ADMIN),
                        null,
                        owner.user().id())
                .token();
        handle = "e2e_" + UUID.randomUUID().toString().substring(0, 8);
        connection = connect(handle);
    }

    @AfterEach
    protected void noFaults() {
        send(HttpRequest.newBuilder(URI.create(BASE + "/sandbox/admin/faults"))
                .header("X-Sandbox-Admin-Token", ADMIN)
                .DELETE());
    }

    protected Response send(HttpRequest.Builder request) {
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

    /** A call of the workspace API with the test's key, {@code path} under the workspace. */
    protected Response api(String method, String path, @Nullable String json) {
        return send(key, method, "/api/v1/workspaces/" + workspace.value() + path, json);
    }

    protected Response send(String bearer, String method, String path, @Nullable String json) {
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

    protected void faults(String json) {
        Response response = send(HttpRequest.newBuilder(URI.create(BASE + "/sandbox/admin/faults"))
                .header("X-Sandbox-Admin-Token", ADMIN)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
        assertThat(response.status()).as(response.body()).isBetween(200, 204);
    }

    /** Another workspace and an admin key of its own: {@code base} is its API path, as {@link #api} uses the test's. */
    protected record Other(String key, String base) {}

    /** A new workspace beside the test's, signed up by its own owner, with an admin key. */
    protected Other otherWorkspace(String name) {
        var other = TenantFixtures.of(context).signUp(name, "pro");
        WorkspaceId id = other.workspace().orElseThrow().id();
        String token = apiKeys.create(
                        id,
                        "other",
                        Set.of(ApiKeyScope.ADMIN),
                        null,
                        other.user().id())
                .token();
        return new Other(token, "/api/v1/workspaces/" + id.value());
    }

    /** The one post the Sandbox holds for {@code account}. */
    protected JsonNode publishedBy(String account) {
        Response response =
                send(HttpRequest.newBuilder(URI.create(BASE + "/sandbox/api/accounts/" + account + "/posts?limit=10"))
                        .GET());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode data = response.json().path("data");
        assertThat(data.size()).isEqualTo(1);
        return data.get(0);
    }

    /** What the Sandbox really holds for the test's account. */
    protected JsonNode published() {
        Response response =
                send(HttpRequest.newBuilder(URI.create(BASE + "/sandbox/api/accounts/" + handle + "/posts?limit=100"))
                        .GET());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("data");
    }

    /** Connects a Sandbox account through the consent page, as a person would; its connection id. */
    protected String connect(String account) {
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

    /** Creates a post for the test's account; {@code extra} is more JSON members, e.g. {@code ,"scheduledAt":...}. */
    protected String create(String body, String extra) {
        Response created = api(
                "POST",
                "/posts",
                "{\"body\":\"" + body + "\",\"targets\":[{\"connectionId\":\"" + connection + "\"}]" + extra + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asString();
    }

    /** The post once its first target finished (neither scheduled nor publishing). */
    protected JsonNode awaitFinished(String post, Duration within) {
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

    protected static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
