package herald.web.api.calendars;

import static org.assertj.core.api.Assertions.assertThat;

import herald.TenantFixtures;
import herald.database.TenantScope;
import herald.identity.ApiKeyScope;
import herald.identity.ApiKeys;
import herald.shared.WorkspaceId;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The helpers of the calendars API tests: workspaces with an account, calls, and an event-stream reader. */
abstract class CalendarApiTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

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
            return "/api/v1/workspaces/" + id + "/calendars" + rest;
        }
    }

    record Response(int status, java.net.http.HttpHeaders headers, String body) {
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

    record Event(String name, @Nullable String id, JsonNode data) {}

    Workspace workspace() {
        var signedUp = TenantFixtures.of(context).signUp("Calendar", "pro");
        var workspace = signedUp.workspace().orElseThrow().id();
        String token = apiKeys.create(
                        workspace,
                        "calendars",
                        Set.of(ApiKeyScope.READ, ApiKeyScope.WRITE),
                        null,
                        signedUp.user().id())
                .token();
        return new Workspace(workspace, token, connection(workspace, "luigis", "active"));
    }

    String connection(WorkspaceId workspace, String handle, String status) {
        UUID id = UUID.randomUUID();
        tenants.run(workspace, () -> jdbc.sql(
                        """
                        insert into connections (workspace_id, id, provider, external_id, account_type, label,
                            username, display_name, status, expires_at)
                        values (:workspace, :id, 'sandbox', :external, 'company', :handle, :handle, :handle, :status,
                            now() + interval '2 hours')""")
                .param("workspace", workspace.value())
                .param("id", id)
                .param("external", UUID.randomUUID().toString())
                .param("handle", handle)
                .param("status", status)
                .update());
        return id.toString();
    }

    static String nextMonth() {
        return YearMonth.from(LocalDate.now(BERLIN)).plusMonths(1).toString();
    }

    static String body(String month, int posts, boolean aiForAll, String... connections) {
        return """
                {"month":"%s","posts":%d,"aiForAll":%s,"personaId":null,"connectionIds":[%s]}"""
                .formatted(
                        month,
                        posts,
                        aiForAll,
                        String.join(
                                ",",
                                List.of(connections).stream()
                                        .map(c -> "\"" + c + "\"")
                                        .toList()));
    }

    Response send(String method, String path, String token, @Nullable String json) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads the run's event stream to its end. */
    List<Event> events(Workspace ws, String run) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + ws.path("/" + run + "/events")))
                .header("Authorization", "Bearer " + ws.token())
                .header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(60))
                .build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofLines());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
            List<Event> events = new ArrayList<>();
            String name = null;
            String id = null;
            StringBuilder data = new StringBuilder();
            for (String line : (Iterable<String>) response.body()::iterator) {
                if (line.isEmpty()) {
                    if (name != null) {
                        events.add(new Event(name, id, JSON.readTree(data.toString())));
                    }
                    name = null;
                    id = null;
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5));
                }
            }
            return events;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    long drafts(WorkspaceId workspace) {
        return tenants.call(workspace, () -> jdbc.sql("select count(*) from posts where status = 'draft'")
                .query(Long.class)
                .single());
    }

    long runs(WorkspaceId workspace) {
        return tenants.call(workspace, () -> jdbc.sql("select count(*) from calendar_runs")
                .query(Long.class)
                .single());
    }
}
