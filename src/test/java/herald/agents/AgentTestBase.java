package herald.agents;

import static org.assertj.core.api.Assertions.assertThat;

import herald.SandboxConsent;
import herald.TenantFixtures;
import herald.identity.ApiKeyScope;
import herald.identity.ApiKeys;
import herald.shared.WorkspaceId;
import herald.tenancy.SignUp;
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
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One running Herald for every agents test (so Spring starts it once): on a fixed port that is also its public URL,
 * so the Sandbox provider reaches the Sandbox inside it, with the dispatcher on, so posts are really published.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {"herald.publishing.dispatch=true", "herald.publishing.backoff=200ms"})
abstract class AgentTestBase {

    static final int PORT = freePort();
    static final String BASE = "http://localhost:" + PORT;
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
    JdbcClient jdbc;

    final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    record Response(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        String problemType() {
            return json().path("type").asString().replace("https://herald.dev/problems/", "");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** A workspace with its owner and an admin API key. */
    record Workspace(WorkspaceId id, SignUp.Result owner, String adminKey) {}

    Workspace workspace(String label) {
        var owner = TenantFixtures.of(context).signUp(label, "pro");
        WorkspaceId id = owner.workspace().orElseThrow().id();
        String key = apiKeys.create(
                        id,
                        "admin",
                        Set.of(ApiKeyScope.ADMIN),
                        null,
                        owner.user().id())
                .token();
        return new Workspace(id, owner, key);
    }

    Response send(String method, String path, @Nullable String token, @Nullable String json, String... headers) {
        var request = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : BASE + path))
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Response admin(Workspace w, String method, String path, @Nullable String json) {
        return send(method, "/api/v1/workspaces/" + w.id() + path, w.adminKey(), json);
    }

    /** Connects a Sandbox account through its consent form, as a member would; answers the connection id. */
    String connectSandbox(Workspace w, String handle) {
        Response started = admin(
                w, "POST", "/connections/oauth-sessions", "{\"provider\":\"sandbox\",\"accountType\":\"company\"}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        URI authorize = URI.create(started.json().path("authorizationUrl").asString());
        Response approved = form("/sandbox/oauth/authorize", SandboxConsent.approving(authorize, handle));
        assertThat(approved.status()).as(approved.body()).isEqualTo(302);
        Response callback = send("GET", location, null, null);
        assertThat(callback.status()).as(callback.body()).isEqualTo(200);
        for (JsonNode c : admin(w, "GET", "/connections", null).json()) {
            if (c.path("username").asString().equals(handle)) {
                return c.path("id").asString();
            }
        }
        throw new AssertionError("no connection for " + handle);
    }

    private String location = "";

    private Response form(String path, String body) {
        var request = HttpRequest.newBuilder(URI.create(BASE + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            location = response.headers().firstValue("Location").orElse("");
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * An active X account row, as a finished connect leaves it but without tokens: for posts that wait for approval or
     * fail on the platform's rules, never published.
     */
    String xAccount(Workspace w, String handle) {
        UUID id = UUID.randomUUID();
        context.getBean(herald.database.TenantScope.class).run(w.id(), () -> jdbc.sql(
                        """
                        insert into connections (workspace_id, id, provider, external_id, account_type, label,
                            username, display_name, status, expires_at)
                        values (:workspace, :id, 'x', :external, 'personal', :handle, :handle, :handle, 'active',
                            now() + interval '2 hours')""")
                .param("workspace", w.id().value())
                .param("id", id)
                .param("external", UUID.randomUUID().toString())
                .param("handle", handle)
                .update());
        return id.toString();
    }

    /** The text each target of the workspace's posts stores as its own, by account handle ("" where it has none). */
    java.util.Map<String, String> targetBodies(Workspace w) {
        return context.getBean(herald.database.TenantScope.class).call(w.id(), () -> jdbc
                .sql("select account_handle, coalesce(body, '') as body, coalesce(comment_text, '') as comment"
                        + " from post_targets where workspace_id = :w")
                .param("w", w.id().value())
                .query((rs, n) -> java.util.Map.entry(
                        rs.getString("account_handle"), rs.getString("body") + "|" + rs.getString("comment")))
                .list()
                .stream()
                .collect(
                        java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey, java.util.Map.Entry::getValue)));
    }

    /** An agent of the workspace: its id and its first key's token. */
    record AgentKey(String id, String token, String keyId) {}

    AgentKey agent(Workspace w, String name) {
        Response created = admin(w, "POST", "/agents", "{\"name\":\"" + name + "\",\"description\":\"test agent\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new AgentKey(
                created.json().path("id").asString(),
                created.json().path("key").path("token").asString(),
                created.json().path("key").path("id").asString());
    }

    Response grant(
            Workspace w,
            AgentKey agent,
            String connection,
            String capabilities,
            boolean approval,
            @Nullable Integer cap) {
        Response granted = admin(
                w,
                "POST",
                "/agents/" + agent.id() + "/grants",
                "{\"connectionId\":\"" + connection + "\",\"capabilities\":" + capabilities + ",\"requiresApproval\":"
                        + approval + (cap == null ? "" : ",\"dailyCap\":" + cap) + "}");
        assertThat(granted.status()).as(granted.body()).isEqualTo(201);
        return granted;
    }

    Response agentPost(AgentKey agent, String json) {
        return send("POST", "/api/v1/agent/posts", agent.token(), json);
    }

    /** Polls the agent's view of a post until {@code done} holds or the time is up; answers the last view. */
    JsonNode awaitPost(AgentKey agent, String post, Predicate<JsonNode> done, Duration within) {
        Instant until = Instant.now().plus(within);
        JsonNode last = null;
        while (Instant.now().isBefore(until)) {
            last = send("GET", "/api/v1/agent/posts/" + post, agent.token(), null)
                    .json();
            if (done.test(last)) {
                return last;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return last;
    }

    /** The workspace's audit entries with this action, oldest first, as (action, actor type, details) rows. */
    List<java.util.Map<String, Object>> audit(Workspace w, String action) {
        return context.getBean(herald.database.TenantScope.class)
                .call(
                        w.id(),
                        () -> new ArrayList<>(jdbc.sql(
                                        "select action, actor_type, actor_id, details::text as details from audit_events"
                                                + " where workspace_id = :workspace and action = :action order by seq")
                                .param("workspace", w.id().value())
                                .param("action", action)
                                .query()
                                .listOfRows()));
    }

    /** What the Sandbox really holds for the account. */
    JsonNode sandboxPosts(String handle) {
        var response = send("GET", "/sandbox/api/accounts/" + handle + "/posts?limit=100", null, null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("data");
    }

    /** Publishes {@code body} on the account through the workspace API and waits for it; the platform's post id. */
    String publishedOn(Workspace w, String connection, String body) {
        Response created = admin(
                w,
                "POST",
                "/posts",
                "{\"body\":\"" + body + "\",\"targets\":[{\"connectionId\":\"" + connection + "\"}]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String post = created.json().path("id").asString();
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode target = null;
        while (Instant.now().isBefore(until)) {
            target = admin(w, "GET", "/posts/" + post, null)
                    .json()
                    .path("targets")
                    .get(0);
            if (target.path("status").asString().equals("published")) {
                return target.path("platformPostId").asString();
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("not published in 30s: " + target);
    }

    /** A visitor's comment under a Sandbox post, through the Sandbox's admin route (as a person on its feed page). */
    void visitorComment(String platformPost, String name, String text) {
        Response created = send(
                "POST",
                "/sandbox/admin/posts/" + platformPost + "/comments",
                null,
                "{\"name\":\"" + name + "\",\"text\":\"" + text + "\"}",
                "X-Sandbox-Admin-Token",
                "test-sandbox-admin-token");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    /** The comments of a Sandbox post as the Sandbox holds them. */
    JsonNode sandboxComments(String platformPost) {
        Response listed = send(
                "GET",
                "/sandbox/admin/posts/" + platformPost + "/comments",
                null,
                null,
                "X-Sandbox-Admin-Token",
                "test-sandbox-admin-token");
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        return listed.json().path("data");
    }

    /** Reads the workspace's recent posts' comments into its inbox now (once a minute at most per workspace). */
    int checkInbox(Workspace w) {
        Response checked = admin(w, "POST", "/inbox/check", null);
        assertThat(checked.status()).as(checked.body()).isEqualTo(200);
        return checked.json().path("found").asInt();
    }

    static String handle(String label) {
        return label + "_" + UUID.randomUUID().toString().substring(0, 8);
    }
}
