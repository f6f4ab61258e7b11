package herald.web.api.posts;

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
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
 * The approval workflow through the API: with it on, what a key without the admin scope schedules waits for approval,
 * an admin key approves or rejects it, and neither a write key's edit nor a PATCH schedules a waiting post. Posts are
 * due days ahead, so the dispatcher leaves them alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApprovalWorkflowApiTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String LATER = LocalDateTime.now(ZoneId.of("Europe/Berlin"))
            .plusDays(3)
            .withHour(9)
            .withMinute(0)
            .withSecond(0)
            .withNano(0)
            .format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);

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

    record Response(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    WorkspaceId workspace;
    String writer;
    String admin;
    String krusty;

    @BeforeEach
    void workspace() {
        var signedUp = TenantFixtures.of(context).signUp("Approvals", "pro");
        workspace = signedUp.workspace().orElseThrow().id();
        writer = apiKeys.create(
                        workspace,
                        "writer",
                        Set.of(ApiKeyScope.READ, ApiKeyScope.WRITE),
                        null,
                        signedUp.user().id())
                .token();
        admin = apiKeys.create(
                        workspace,
                        "admin",
                        Set.of(ApiKeyScope.READ, ApiKeyScope.WRITE, ApiKeyScope.ADMIN),
                        null,
                        signedUp.user().id())
                .token();
        krusty = UUID.randomUUID().toString();
        tenants.run(workspace, () -> jdbc.sql(
                        """
                        insert into connections (workspace_id, id, provider, external_id, account_type, label,
                            username, display_name, status, expires_at)
                        values (:workspace, :id, 'sandbox', :external, 'company', 'krusty', 'krusty', 'krusty',
                            'active', now() + interval '2 hours')""")
                .param("workspace", workspace.value())
                .param("id", UUID.fromString(krusty))
                .param("external", UUID.randomUUID().toString())
                .update());
    }

    String path(String rest) {
        return "/api/v1/workspaces/" + workspace + rest;
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
            return new Response(response.statusCode(), response.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    String post(String body) {
        return """
                {"body":"%s","targets":[{"connectionId":"%s"}],"scheduledAt":"%s","timezone":"Europe/Berlin"}"""
                .formatted(body, krusty, LATER);
    }

    Response create(String token, String json) {
        return send("POST", path("/posts"), token, json);
    }

    String status(String post) {
        return send("GET", path("/posts/" + post), admin, null)
                .json()
                .path("status")
                .asString();
    }

    /** Jobs the dispatcher would run for the post's targets: none while it waits. */
    long dueTargets(String post) {
        return tenants.call(workspace, () -> jdbc.sql(
                        "select count(*) from post_targets where post_id = :post and due_at is not null")
                .param("post", UUID.fromString(post))
                .query(Long.class)
                .single());
    }

    void requireApproval(boolean required) {
        var changed = send("PATCH", path(""), admin, "{\"approvalRequired\":" + required + "}");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("approvalRequired").asBoolean()).isEqualTo(required);
    }

    @Test
    void offByDefaultAWriteKeySchedulesOnItsOwn() {
        assertThat(send("GET", path(""), writer, null)
                        .json()
                        .path("approvalRequired")
                        .asBoolean())
                .isFalse();
        var created = create(writer, post("On its own"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("status").asString()).isEqualTo("scheduled");
    }

    @Test
    void onlyAnAdminKeyTurnsItOnAndTheAuditLogSaysWho() {
        var refused = send("PATCH", path(""), writer, "{\"approvalRequired\":true}");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(send("GET", path(""), admin, null)
                        .json()
                        .path("approvalRequired")
                        .asBoolean())
                .isFalse();

        requireApproval(true);
        requireApproval(true); // no change: no second entry

        var events = send("GET", path("/audit-events?action=workspace.approval_required"), admin, null);
        assertThat(events.json().path("items").size()).isEqualTo(1);
        requireApproval(false);
        assertThat(send("GET", path("/audit-events?action=workspace.approval_not_required"), admin, null)
                        .json()
                        .path("items")
                        .size())
                .isEqualTo(1);
    }

    @Test
    void aWriteKeysPostWaitsAndOnlyAnAdminKeyDecides() {
        requireApproval(true);

        var held = create(writer, post("Needs a yes"));
        assertThat(held.status()).as(held.toString()).isEqualTo(201);
        String id = held.json().path("id").asString();
        assertThat(held.json().path("status").asString()).isEqualTo("pending_approval");
        assertThat(dueTargets(id)).as("nothing is dispatched while it waits").isZero();

        var ownApproval = send("POST", path("/posts/" + id + "/approve"), writer, null);
        assertThat(ownApproval.status()).as(ownApproval.toString()).isEqualTo(403);
        assertThat(ownApproval.json().path("detail").asString()).contains("admin scope");
        assertThat(status(id)).isEqualTo("pending_approval");

        var approved = send("POST", path("/posts/" + id + "/approve"), admin, null);
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().path("status").asString()).isEqualTo("scheduled");
        assertThat(dueTargets(id)).isEqualTo(1);

        var again = send("POST", path("/posts/" + id + "/approve"), admin, null);
        assertThat(again.status())
                .as("only a waiting post is approved: " + again)
                .isEqualTo(409);

        var byAdmin = create(admin, post("An admin's own"));
        assertThat(byAdmin.json().path("status").asString()).isEqualTo("scheduled");
        var draft = create(
                writer, "{\"body\":\"A draft\",\"targets\":[{\"connectionId\":\"" + krusty + "\"}],\"draft\":true}");
        assertThat(draft.json().path("status").asString()).isEqualTo("draft");
    }

    @Test
    void aRejectionNeedsANoteAndCancelsThePost() {
        requireApproval(true);
        String id = create(writer, post("Not this one")).json().path("id").asString();

        var silent = send("POST", path("/posts/" + id + "/reject"), admin, "{\"note\":\"  \"}");
        assertThat(silent.status()).as(silent.toString()).isEqualTo(400);
        assertThat(status(id)).isEqualTo("pending_approval");

        var byWriter = send("POST", path("/posts/" + id + "/reject"), writer, "{\"note\":\"Mine\"}");
        assertThat(byWriter.status()).as(byWriter.toString()).isEqualTo(403);

        var rejected = send("POST", path("/posts/" + id + "/reject"), admin, "{\"note\":\"Wrong price.\"}");
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        assertThat(rejected.json().path("status").asString()).isEqualTo("cancelled");
        var notes = send("GET", path("/posts/" + id + "/notes"), admin, null);
        assertThat(notes.body()).contains("Rejected: Wrong price.");
    }

    @Test
    void editsNeverScheduleAWaitingPostAndAWriteKeysChangeOfWordsWaitsAgain() {
        requireApproval(true);
        String waiting = create(writer, post("Waiting")).json().path("id").asString();

        var patched = send("PATCH", path("/posts/" + waiting), writer, "{\"body\":\"Still waiting\",\"draft\":false}");
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        assertThat(patched.json().path("status").asString())
                .as("draft:false is no approval")
                .isEqualTo("pending_approval");
        var byAdmin = send("PATCH", path("/posts/" + waiting), admin, "{\"draft\":false}");
        assertThat(byAdmin.json().path("status").asString())
                .as("not even an admin's: approving is its own call")
                .isEqualTo("pending_approval");

        String scheduled =
                create(admin, post("Approved words")).json().path("id").asString();
        String later = LocalDateTime.parse(LATER).plusHours(2).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        var moved = send(
                "PATCH",
                path("/posts/" + scheduled),
                writer,
                "{\"scheduledAt\":\"" + later + "\",\"timezone\":\"Europe/Berlin\"}");
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().path("status").asString())
                .as("moving it in time needs no approval")
                .isEqualTo("scheduled");

        var reworded = send("PATCH", path("/posts/" + scheduled), writer, "{\"body\":\"New words\"}");
        assertThat(reworded.json().path("status").asString()).isEqualTo("pending_approval");
        assertThat(dueTargets(scheduled)).as("its jobs find nothing to do").isZero();

        String draft = create(
                        writer,
                        "{\"body\":\"Draft first\",\"targets\":[{\"connectionId\":\"" + krusty + "\"}],\"draft\":true}")
                .json()
                .path("id")
                .asString();
        var scheduling = send(
                "PATCH",
                path("/posts/" + draft),
                writer,
                "{\"draft\":false,\"scheduledAt\":\"" + LATER + "\",\"timezone\":\"Europe/Berlin\"}");
        assertThat(scheduling.json().path("status").asString()).isEqualTo("pending_approval");
    }

    @Test
    void anImportByAWriteKeyWaitsToo() {
        requireApproval(true);
        String csv = "date,text\n" + LATER.replace('T', ' ').substring(0, 16) + ",From a spreadsheet\n";
        var request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + path("/posts/imports?accounts=" + krusty)))
                .header("Authorization", "Bearer " + writer)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv))
                .build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
        var statuses = tenants.call(
                workspace,
                () -> jdbc.sql("select status from posts").query(String.class).list());
        assertThat(statuses).containsExactly("pending_approval");
    }
}
