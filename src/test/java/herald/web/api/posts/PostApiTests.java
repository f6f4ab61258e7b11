package herald.web.api.posts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import herald.TenantFixtures;
import herald.assets.AssetId;
import herald.assets.AssetInUse;
import herald.assets.Assets;
import herald.assets.Folders;
import herald.assets.SampleMedia;
import herald.assets.Upload;
import herald.database.TenantScope;
import herald.identity.ApiKeyScope;
import herald.identity.ApiKeys;
import herald.shared.WorkspaceId;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The posts API over HTTP: creating, validating, drafts, time zones, isolation, idempotency, editing and cancelling.
 * Posts here are due days ahead, so the dispatcher leaves them alone.
 */
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
class PostApiTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String TOMORROW_NINE = LocalDateTime.now(ZoneId.of("Europe/Berlin"))
            .plusDays(2)
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

    @Autowired
    Assets assets;

    @Autowired
    Folders folders;

    final HttpClient http = HttpClient.newHttpClient();

    record Workspace(WorkspaceId id, String token, String krusty) {
        String path(String rest) {
            return "/api/v1/workspaces/" + id + rest;
        }
    }

    record Response(int status, java.net.http.HttpHeaders headers, String body) {
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
        ws = workspace("pro");
    }

    Workspace workspace(String plan) {
        var signedUp = TenantFixtures.of(context).signUp("Posts", plan);
        var workspace = signedUp.workspace().orElseThrow().id();
        String token = apiKeys.create(
                        workspace,
                        "posts",
                        Set.of(ApiKeyScope.READ, ApiKeyScope.WRITE),
                        null,
                        signedUp.user().id())
                .token();
        return new Workspace(workspace, token, connection(workspace, "krusty", "active"));
    }

    String connection(WorkspaceId workspace, String handle, String status) {
        return connection(workspace, handle, status, "sandbox");
    }

    String connection(WorkspaceId workspace, String handle, String status, String provider) {
        UUID id = UUID.randomUUID();
        tenants.run(workspace, () -> jdbc.sql(
                        """
                        insert into connections (workspace_id, id, provider, external_id, account_type, label,
                            username, display_name, status, expires_at)
                        values (:workspace, :id, :provider, :external, 'company', :handle, :handle, :handle, :status,
                            now() + interval '2 hours')""")
                .param("workspace", workspace.value())
                .param("provider", provider)
                .param("id", id)
                .param("external", UUID.randomUUID().toString())
                .param("handle", handle)
                .param("status", status)
                .update());
        return id.toString();
    }

    Response send(String method, String path, String token, String json, String... headers) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    Response create(Workspace workspace, String json, String... headers) {
        return send("POST", workspace.path("/posts"), workspace.token(), json, headers);
    }

    String post(String body, String connection) {
        return """
                {"body":"%s","targets":[{"connectionId":"%s"}],"scheduledAt":"%s","timezone":"Europe/Berlin"}"""
                .formatted(body, connection, TOMORROW_NINE);
    }

    long posts(WorkspaceId workspace) {
        return tenants.call(
                workspace,
                () -> jdbc.sql("select count(*) from posts").query(Long.class).single());
    }

    @Test
    void createsAScheduledPostWithItsTargetsInTheAuthorsTimeZone() {
        var created = create(ws, post("Hello from Herald", ws.krusty()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode json = created.json();
        assertThat(json.path("status").asString()).isEqualTo("scheduled");
        assertThat(json.path("timezone").asString()).isEqualTo("Europe/Berlin");
        assertThat(json.path("scheduledAt").asString())
                .isEqualTo(LocalDateTime.parse(TOMORROW_NINE)
                        .atZone(ZoneId.of("Europe/Berlin"))
                        .toInstant()
                        .toString());
        JsonNode target = json.path("targets").get(0);
        assertThat(target.path("status").asString()).isEqualTo("scheduled");
        assertThat(target.path("account").asString()).isEqualTo("Sandbox @krusty");
        assertThat(target.path("attempts").asInt()).isZero();

        var fetched = send("GET", ws.path("/posts/" + json.path("id").asString()), ws.token(), null);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.json().path("targets").size()).isEqualTo(1);
        assertThat(fetched.json().path("createdBy").path("origin").asString()).isEqualTo("api");
        assertThat(fetched.json().path("createdBy").path("actorType").asString())
                .isEqualTo("api_key");
    }

    @Test
    void rejectsTextTooLongForATargetNamingTheTargetAndTheRule() {
        var rejected = create(ws, post("x".repeat(512), ws.krusty()));
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(400);
        JsonNode violation = rejected.json().path("violations").get(0);
        assertThat(violation.path("rule").asString()).isEqualTo("text.length");
        assertThat(violation.path("connectionId").asString()).isEqualTo(ws.krusty());
        assertThat(violation.path("message").asString()).isEqualTo("Sandbox @krusty: 512 of 500 characters.");
        assertThat(posts(ws.id())).isZero();
    }

    @Test
    void refusesAFirstCommentItsPlatformWouldRefuseWithAProblemOnItsFieldAndSavesNothing() {
        String x = connection(ws.id(), "krusty_x", "active", "x");
        var rejected = create(
                ws,
                """
                {"body":"Fine","firstComment":"$AAPL and $MSFT","scheduledAt":"%s","timezone":"Europe/Berlin",
                 "targets":[{"connectionId":"%s"},{"connectionId":"%s","firstComment":"$AAPL or $MSFT?"}]}"""
                        .formatted(TOMORROW_NINE, ws.krusty(), x));

        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(400);
        assertThat(rejected.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(rejected.json().path("violations").size())
                .as("the post's comment goes to the Sandbox, which takes cashtags")
                .isEqualTo(1);
        JsonNode violation = rejected.json().path("violations").get(0);
        assertThat(violation.path("field").asString()).isEqualTo("targets[1].firstComment");
        assertThat(violation.path("rule").asString()).isEqualTo("comment.rule");
        assertThat(violation.path("connectionId").asString()).isEqualTo(x);
        assertThat(violation.path("message").asString()).startsWith("X @krusty_x: X allows one cashtag");
        assertThat(posts(ws.id())).isZero();

        var theirs = create(
                ws,
                """
                {"body":"Fine","firstComment":"$AAPL and $MSFT","targets":[{"connectionId":"%s"}],
                 "scheduledAt":"%s","timezone":"Europe/Berlin"}"""
                        .formatted(x, TOMORROW_NINE));
        assertThat(theirs.status()).as(theirs.toString()).isEqualTo(400);
        assertThat(theirs.json().path("violations").get(0).path("field").asString())
                .isEqualTo("firstComment");
        assertThat(posts(ws.id())).isZero();
    }

    @Test
    void checksAFirstCommentAtItsTaggedLengthAndShowsItTagged() {
        // 471 characters as written, over the Sandbox's 500 once its link carries the parameters.
        String comment = "x".repeat(438) + " https://krusty.example.com/order";
        String json =
                """
                {"body":"Fine","firstComment":"%s","tagLinks":%s,"targets":[{"connectionId":"%s"}],
                 "scheduledAt":"%s","timezone":"Europe/Berlin"}""";

        var rejected = create(ws, json.formatted(comment, true, ws.krusty(), TOMORROW_NINE));
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(400);
        JsonNode violation = rejected.json().path("violations").get(0);
        assertThat(violation.path("field").asString()).isEqualTo("firstComment");
        assertThat(violation.path("rule").asString()).isEqualTo("comment.length");
        assertThat(posts(ws.id())).isZero();

        var checked = send(
                "POST",
                ws.path("/posts/check"),
                ws.token(),
                json.formatted("Order: https://krusty.example.com/order", true, ws.krusty(), TOMORROW_NINE));
        assertThat(checked.status()).as(checked.toString()).isEqualTo(200);
        assertThat(checked.json()
                        .path("targets")
                        .get(0)
                        .path("taggedFirstComment")
                        .asString())
                .isEqualTo("Order: https://krusty.example.com/order?utm_source=sandbox&utm_medium=social");

        var untagged = create(ws, json.formatted(comment, false, ws.krusty(), TOMORROW_NINE));
        assertThat(untagged.status()).as(untagged.toString()).isEqualTo(201);
    }

    @Test
    void savesADraftWithoutValidatingItAndValidatesItWhenScheduled() {
        var draft = create(
                ws,
                """
                {"body":"%s","targets":[{"connectionId":"%s"}],"draft":true}"""
                        .formatted("y".repeat(600), ws.krusty()));
        assertThat(draft.status()).as(draft.toString()).isEqualTo(201);
        assertThat(draft.json().path("status").asString()).isEqualTo("draft");
        String id = draft.json().path("id").asString();

        var scheduled = send(
                "PATCH",
                ws.path("/posts/" + id),
                ws.token(),
                """
                {"draft":false,"scheduledAt":"%s","timezone":"Europe/Berlin"}"""
                        .formatted(TOMORROW_NINE));
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(400);
        assertThat(scheduled.json().path("violations").get(0).path("rule").asString())
                .isEqualTo("text.length");

        var fixed = send(
                "PATCH",
                ws.path("/posts/" + id),
                ws.token(),
                """
                {"body":"Short now","draft":false,"scheduledAt":"%s","timezone":"Europe/Berlin"}"""
                        .formatted(TOMORROW_NINE));
        assertThat(fixed.status()).as(fixed.toString()).isEqualTo(200);
        assertThat(fixed.json().path("status").asString()).isEqualTo("scheduled");
    }

    @Test
    void refusesALocalTimeThatTheZoneSkips() {
        // The next spring-forward in Berlin: clocks jump from 02:00 to 03:00, so 02:30 never happens.
        var rules = ZoneId.of("Europe/Berlin").getRules();
        var transition = rules.nextTransition(java.time.Instant.now());
        while (!transition.isGap()) {
            transition = rules.nextTransition(transition.getInstant());
        }
        String inGap = transition.getDateTimeBefore().plusMinutes(30).toString();
        var gap = create(
                ws,
                """
                {"body":"In the gap","targets":[{"connectionId":"%s"}],"scheduledAt":"%s",
                 "timezone":"Europe/Berlin"}"""
                        .formatted(ws.krusty(), inGap));
        assertThat(gap.status()).as(gap.toString()).isEqualTo(400);
        assertThat(gap.json().path("errors").get(0).path("field").asString()).isEqualTo("scheduledAt");
        assertThat(gap.json().path("detail").asString()).contains("does not exist in Europe/Berlin");
        assertThat(posts(ws.id())).isZero();
    }

    @Test
    void aPostSaysItsOwnLanguageChangesItAndGoesBackToTheWorkspacesAndABadTagSavesNothing() {
        var created = create(
                ws,
                """
                {"body":"Bonjour","targets":[{"connectionId":"%s"}],"scheduledAt":"%s","timezone":"Europe/Berlin",
                 "language":"fr-ca"}"""
                        .formatted(ws.krusty(), TOMORROW_NINE));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("language").asString()).isEqualTo("fr-CA");
        String path = ws.path("/posts/" + created.json().path("id").asString());

        var changed = send("PATCH", path, ws.token(), "{\"language\":\"de\"}");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("language").asString()).isEqualTo("de");
        var kept = send("PATCH", path, ws.token(), "{\"body\":\"Guten Morgen\"}");
        assertThat(kept.json().path("language").asString())
                .as("absent: as it was")
                .isEqualTo("de");
        var workspaces = send("PATCH", path, ws.token(), "{\"language\":\"\"}");
        assertThat(workspaces.json().path("language").isNull()).isTrue();

        long before = posts(ws.id());
        var refused = create(
                ws,
                """
                {"body":"Hallo","targets":[{"connectionId":"%s"}],"scheduledAt":"%s","timezone":"Europe/Berlin",
                 "language":"german"}"""
                        .formatted(ws.krusty(), TOMORROW_NINE));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0).path("field").asString())
                .isEqualTo("language");
        assertThat(refused.json().path("errors").get(0).path("message").asString())
                .isEqualTo("'german' is not a language tag such as en, de or pt-BR.");
        assertThat(posts(ws.id())).isEqualTo(before);
        var badEdit = send("PATCH", path, ws.token(), "{\"body\":\"Nie\",\"language\":\"xx-!!\"}");
        assertThat(badEdit.status()).as(badEdit.toString()).isEqualTo(400);
        assertThat(send("GET", path, ws.token(), null).json().path("body").asString())
                .as("a refused edit changes nothing")
                .isEqualTo("Guten Morgen");
    }

    @Test
    void refusesATimeInThePast() {
        var past = create(
                ws,
                """
                {"body":"Too late","targets":[{"connectionId":"%s"}],"scheduledAt":"2020-01-01T09:00:00Z"}"""
                        .formatted(ws.krusty()));
        assertThat(past.status()).as(past.toString()).isEqualTo(400);
        assertThat(past.json().path("detail").asString()).contains("in the past");
        assertThat(posts(ws.id())).isZero();
    }

    @Test
    void refusesAnotherWorkspacesConnectionAndHidesItsPosts() {
        Workspace other = workspace("pro");
        var refused = create(ws, post("Not yours", other.krusty()));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().path("violations").get(0).path("rule").asString())
                .isEqualTo("connection.not_found");
        assertThat(posts(ws.id())).isZero();

        var theirs = create(other, post("Theirs", other.krusty()));
        String id = theirs.json().path("id").asString();
        assertThat(send("GET", ws.path("/posts/" + id), ws.token(), null).status())
                .isEqualTo(404);
        assertThat(send("POST", ws.path("/posts/" + id + "/cancel"), ws.token(), null)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void refusesADisconnectedAccount() {
        String gone = connection(ws.id(), "sideshow", "disconnected");
        var refused = create(ws, post("To nobody", gone));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        JsonNode violation = refused.json().path("violations").get(0);
        assertThat(violation.path("rule").asString()).isEqualTo("connection.inactive");
        assertThat(violation.path("message").asString())
                .contains("Sandbox @sideshow")
                .contains("disconnected");
        assertThat(posts(ws.id())).isZero();
    }

    @Test
    void replaysAnIdempotentCreateAndRefusesTheKeyWithAnotherBody() {
        String key = UUID.randomUUID().toString();
        var first = create(ws, post("Once", ws.krusty()), "Idempotency-Key", key);
        var again = create(ws, post("Once", ws.krusty()), "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().path("id").asString())
                .isEqualTo(first.json().path("id").asString());
        assertThat(posts(ws.id())).isEqualTo(1);

        var different = create(ws, post("Twice", ws.krusty()), "Idempotency-Key", key);
        assertThat(different.status()).as(different.toString()).isEqualTo(422);
        assertThat(posts(ws.id())).isEqualTo(1);
    }

    @Test
    void cancelsAScheduledPostAndRefusesEditsOnceItIsPublishing() {
        String cancelled =
                create(ws, post("Never mind", ws.krusty())).json().path("id").asString();
        var cancel = send("POST", ws.path("/posts/" + cancelled + "/cancel"), ws.token(), null);
        assertThat(cancel.status()).as(cancel.toString()).isEqualTo(200);
        assertThat(cancel.json().path("status").asString()).isEqualTo("cancelled");
        assertThat(cancel.json().path("targets").get(0).path("status").asString())
                .isEqualTo("cancelled");

        String publishing =
                create(ws, post("On its way", ws.krusty())).json().path("id").asString();
        tenants.run(ws.id(), () -> jdbc.sql("update posts set status = 'publishing' where id = :id")
                .param("id", UUID.fromString(publishing))
                .update());
        var edit = send("PATCH", ws.path("/posts/" + publishing), ws.token(), "{\"body\":\"Changed\"}");
        assertThat(edit.status()).as(edit.toString()).isEqualTo(409);
        assertThat(send("POST", ws.path("/posts/" + publishing + "/cancel"), ws.token(), null)
                        .status())
                .isEqualTo(409);
    }

    @Test
    void listsPostsByStatusAndConnectionPageByPage() {
        String sideshow = connection(ws.id(), "sideshow", "active");
        for (int i = 0; i < 3; i++) {
            assertThat(create(ws, post("Krusty " + i, ws.krusty())).status()).isEqualTo(201);
        }
        assertThat(create(ws, post("Sideshow", sideshow)).status()).isEqualTo(201);

        var first = send("GET", ws.path("/posts?limit=2&connectionId=" + ws.krusty()), ws.token(), null);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.json().path("items").size()).isEqualTo(2);
        String cursor = first.json().path("nextCursor").asString();
        var second = send(
                "GET", ws.path("/posts?limit=2&connectionId=" + ws.krusty() + "&cursor=" + cursor), ws.token(), null);
        assertThat(second.json().path("items").size()).isEqualTo(1);
        assertThat(second.json().path("nextCursor").isNull()
                        || second.json().path("nextCursor").isMissingNode())
                .isTrue();

        var drafts = send("GET", ws.path("/posts?status=draft"), ws.token(), null);
        assertThat(drafts.json().path("items").size()).isZero();
    }

    @Test
    void searchesTheWordsOfThePostsTextsAndRefusesAnOverlongSearch() {
        assertThat(create(ws, post("Truffle pasta tonight", ws.krusty())).status())
                .isEqualTo(201);
        assertThat(create(ws, post("Pasta al pomodoro", ws.krusty())).status()).isEqualTo(201);
        assertThat(create(ws, post("Tiramisu", ws.krusty())).status()).isEqualTo(201);

        var pasta = send("GET", ws.path("/posts?q=PASTA"), ws.token(), null);
        assertThat(pasta.status()).as(pasta.toString()).isEqualTo(200);
        assertThat(pasta.json().path("items").valueStream().map(p -> p.path("body")
                        .asString()))
                .containsExactlyInAnyOrder("Truffle pasta tonight", "Pasta al pomodoro");
        var truffle = send("GET", ws.path("/posts?q=pasta+truffle"), ws.token(), null);
        assertThat(truffle.json().path("items").valueStream().map(p -> p.path("body")
                        .asString()))
                .containsExactly("Truffle pasta tonight");

        var overlong = send("GET", ws.path("/posts?q=" + "a".repeat(201)), ws.token(), null);
        assertThat(overlong.status()).as(overlong.toString()).isEqualTo(400);
        assertThat(overlong.json().path("detail").asString()).contains("at most 200 characters");
    }

    @Test
    void countsThePlansPostsPerDay() {
        Workspace small = workspace("onepost");
        assertThat(create(small, post("First", small.krusty())).status()).isEqualTo(201);
        var second = create(small, post("Second", small.krusty()));
        assertThat(second.status()).as(second.toString()).isBetween(400, 429);
        assertThat(second.json().path("limit").asString()).isEqualTo("posts-per-day");
        assertThat(posts(small.id())).isEqualTo(1);
    }

    @Test
    void aScheduledPostKeepsItsMediaFromBeingDeleted() {
        var folder = folders.all(ws.id()).getFirst();
        var asset = assets.upload(
                ws.id(), folder.id(), new ByteArrayInputStream(SampleMedia.png(8, 8)), Upload.named("keep.png"));
        var created = create(
                ws,
                """
                {"body":"With a picture","mediaIds":["%s"],"targets":[{"connectionId":"%s"}],"scheduledAt":"%s",
                 "timezone":"Europe/Berlin"}"""
                        .formatted(asset.id(), ws.krusty(), TOMORROW_NINE));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        List<AssetId> ids = List.of(asset.id());
        assertThatThrownBy(() -> assets.delete(ws.id(), ids)).isInstanceOf(AssetInUse.class);
    }

    @Test
    void showsEachTargetsAttemptLogOnASinglePostButNotInListings() {
        JsonNode created = create(ws, post("Journaled", ws.krusty())).json();
        String postId = created.path("id").asString();
        String target = created.path("targets").get(0).path("id").asString();
        assertThat(created.path("targets").get(0).path("attemptLog").isArray()).isTrue();
        assertThat(created.path("targets").get(0).path("attemptLog").size()).isZero();
        tenants.run(ws.id(), () -> {
            jdbc.sql(
                            """
                            insert into publish_attempts (workspace_id, target_id, fence, reconciling, node, started_at,
                                finished_at, outcome, detail)
                            values (:w, :t, 1, false, 'node-a', now() - interval '2 minutes',
                                    now() - interval '2 minutes' + interval '1 second', 'retry', 'Sandbox answered 503.'),
                                   (:w, :t, 2, true, 'node-b', now() - interval '1 minute', null, null, null)""")
                    .param("w", ws.id().value())
                    .param("t", UUID.fromString(target))
                    .update();
            jdbc.sql("update post_targets set status = 'publishing', attempts = 2, fence = 2 where id = :t")
                    .param("t", UUID.fromString(target))
                    .update();
        });

        JsonNode log = send("GET", ws.path("/posts/" + postId), ws.token(), null)
                .json()
                .path("targets")
                .get(0)
                .path("attemptLog");
        assertThat(log.size()).isEqualTo(2);
        assertThat(log.get(0).path("number").asInt()).isEqualTo(1);
        assertThat(log.get(0).path("node").asString()).isEqualTo("node-a");
        assertThat(log.get(0).path("outcome").asString()).isEqualTo("retry");
        assertThat(log.get(0).path("error").asString()).isEqualTo("Sandbox answered 503.");
        assertThat(log.get(0).path("reconciling").asBoolean()).isFalse();
        assertThat(java.time.Instant.parse(log.get(0).path("finishedAt").asString()))
                .isAfter(java.time.Instant.parse(log.get(0).path("startedAt").asString()));
        assertThat(log.get(1).path("number").asInt()).isEqualTo(2);
        assertThat(log.get(1).path("reconciling").asBoolean()).isTrue();
        assertThat(log.get(1).path("finishedAt").isNull()
                        || log.get(1).path("finishedAt").isMissingNode())
                .as(log.toString())
                .isTrue();
        assertThat(log.get(1).path("outcome").isString()).isFalse();

        JsonNode listed = send("GET", ws.path("/posts"), ws.token(), null).json();
        assertThat(listed.path("items")
                        .get(0)
                        .path("targets")
                        .get(0)
                        .path("attemptLog")
                        .isArray())
                .as(listed.toString())
                .isFalse();
        var other = workspace("pro");
        assertThat(send("GET", other.path("/posts/" + postId), other.token(), null)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void checksAPostAgainstEachTargetsPlatformWithoutSavingIt() {
        var checked = send(
                "POST",
                ws.path("/posts/check"),
                ws.token(),
                """
                {"body":"%s","link":"ftp://nope","targets":[{"connectionId":"%s"},{"connectionId":"%s"}]}"""
                        .formatted("x".repeat(503), ws.krusty(), UUID.randomUUID()));
        assertThat(checked.status()).as(checked.toString()).isEqualTo(200);
        JsonNode json = checked.json();
        assertThat(json.path("problems").get(0).asString()).isEqualTo("The link must be an http(s) URL.");
        assertThat(json.path("targets").size()).isEqualTo(1);
        JsonNode target = json.path("targets").get(0);
        assertThat(target.path("connectionId").asString()).isEqualTo(ws.krusty());
        assertThat(target.path("length").asInt()).isEqualTo(503);
        assertThat(target.path("limit").asInt()).isEqualTo(500);
        assertThat(target.path("problems").get(0).asString()).isEqualTo("3 characters too long.");
        assertThat(posts(ws.id())).isZero();

        var readOnly = apiKeys.create(ws.id(), "reader", Set.of(ApiKeyScope.READ), null, null);
        var fine = send(
                "POST",
                ws.path("/posts/check"),
                readOnly.token(),
                """
                {"body":"Fine","targets":[{"connectionId":"%s"}]}""".formatted(ws.krusty()));
        assertThat(fine.status()).as(fine.toString()).isEqualTo(200);
        assertThat(fine.json().path("targets").get(0).path("problems").size()).isZero();
    }

    @Test
    void aScheduledPostIsPublishedNowOnAskingButADraftOrACancelledOneIsNot() {
        String id = create(ws, post("Now, not tomorrow", ws.krusty()))
                .json()
                .path("id")
                .asString();
        Instant before = Instant.now();

        var now = send("POST", ws.path("/posts/" + id + "/publish-now"), ws.token(), null);

        assertThat(now.status()).as(now.toString()).isEqualTo(200);
        Instant at = Instant.parse(now.json().path("scheduledAt").asString());
        assertThat(at).isBetween(before.minusSeconds(1), Instant.now());
        Instant due = tenants.call(ws.id(), () -> jdbc.sql("select due_at from post_targets where post_id = :post")
                .param("post", UUID.fromString(id))
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant());
        assertThat(due)
                .as("its job is due now, not tomorrow")
                .isBefore(Instant.now().plusSeconds(1));

        String draft = create(
                        ws,
                        "{\"body\":\"Draft\",\"targets\":[{\"connectionId\":\"" + ws.krusty() + "\"}],\"draft\":true}")
                .json()
                .path("id")
                .asString();
        var refused = send("POST", ws.path("/posts/" + draft + "/publish-now"), ws.token(), null);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().path("detail").asString()).contains("draft").contains("Publish now");
        String cancelled =
                create(ws, post("Cancelled", ws.krusty())).json().path("id").asString();
        send("POST", ws.path("/posts/" + cancelled + "/cancel"), ws.token(), null);
        assertThat(send("POST", ws.path("/posts/" + cancelled + "/publish-now"), ws.token(), null)
                        .status())
                .isEqualTo(409);
    }

    @Test
    void aPostRepeatsEveryWeekUntilItsLastDayAndStopsWhenAsked() {
        var created = create(
                ws,
                """
                {"body":"Taco Tuesday","targets":[{"connectionId":"%s"}],"scheduledAt":"%s","timezone":"Europe/Berlin",
                 "repeat":{"every":"week","until":"2099-12-31"}}"""
                        .formatted(ws.krusty(), TOMORROW_NINE));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asString();
        JsonNode repeat = created.json().path("repeat");
        assertThat(repeat.path("every").asString()).isEqualTo("week");
        assertThat(repeat.path("until").asString()).isEqualTo("2099-12-31");
        assertThat(repeat.path("occurrence").asInt()).isEqualTo(1);
        assertThat(repeat.path("nextPostId").isNull()).isTrue();
        Instant first = Instant.parse(created.json().path("scheduledAt").asString());
        assertThat(repeat.path("upcoming").size()).isEqualTo(5);
        assertThat(Instant.parse(repeat.path("upcoming").get(0).asString()))
                .as("a week after its own time, at the same local time in Berlin")
                .isEqualTo(first.atZone(ZoneId.of("Europe/Berlin")).plusWeeks(1).toInstant());

        String skipDay = Instant.parse(repeat.path("upcoming").get(1).asString())
                .atZone(ZoneId.of("Europe/Berlin"))
                .toLocalDate()
                .toString();
        var skippedDay =
                send("POST", ws.path("/posts/" + id + "/repeat/skips"), ws.token(), "{\"date\":\"" + skipDay + "\"}");
        assertThat(skippedDay.status()).as(skippedDay.toString()).isEqualTo(200);
        assertThat(skippedDay.json().path("repeat").path("skipped").toString()).isEqualTo("[\"" + skipDay + "\"]");
        assertThat(skippedDay.json().path("repeat").path("upcoming").toString()).doesNotContain(skipDay);
        var putBack = send("DELETE", ws.path("/posts/" + id + "/repeat/skips/" + skipDay), ws.token(), null);
        assertThat(putBack.status()).as(putBack.toString()).isEqualTo(200);
        assertThat(putBack.json().path("repeat").path("skipped").size()).isZero();
        assertThat(putBack.json().path("repeat").path("upcoming").toString()).contains(skipDay);
        var notADay = send("POST", ws.path("/posts/" + id + "/repeat/skips"), ws.token(), "{\"date\":\"2020-01-01\"}");
        assertThat(notADay.status()).as(notADay.toString()).isEqualTo(400);

        var changed = send("PATCH", ws.path("/posts/" + id), ws.token(), "{\"repeat\":{\"every\":\"two_weeks\"}}");
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().path("repeat").path("every").asString()).isEqualTo("two_weeks");
        assertThat(changed.json().path("repeat").path("until").isNull()).isTrue();
        assertThat(Instant.parse(
                        changed.json().path("repeat").path("upcoming").get(0).asString()))
                .isEqualTo(first.atZone(ZoneId.of("Europe/Berlin")).plusWeeks(2).toInstant());

        var stopped = send("POST", ws.path("/posts/" + id + "/stop-repeating"), ws.token(), null);
        assertThat(stopped.status()).as(stopped.toString()).isEqualTo(200);
        assertThat(stopped.json().path("repeat").path("ended").asString()).isEqualTo("Stopped by a person.");
        assertThat(stopped.json().path("repeat").path("upcoming").size()).isZero();
        var again = send("POST", ws.path("/posts/" + id + "/stop-repeating"), ws.token(), null);
        assertThat(again.status()).as(again.toString()).isEqualTo(409);

        var unknown = create(
                ws,
                """
                {"body":"Sometimes","targets":[{"connectionId":"%s"}],"repeat":{"every":"fortnightly"}}"""
                        .formatted(ws.krusty()));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        assertThat(unknown.body()).contains("use day, week, two_weeks, four_weeks or month");
        var endsBefore = create(
                ws,
                """
                {"body":"Backwards","targets":[{"connectionId":"%s"}],"scheduledAt":"%s","timezone":"Europe/Berlin",
                 "repeat":{"every":"day","until":"2020-01-01"}}"""
                        .formatted(ws.krusty(), TOMORROW_NINE));
        assertThat(endsBefore.status()).as(endsBefore.toString()).isEqualTo(400);
        assertThat(endsBefore.body()).contains("before the post's own day");
        assertThat(posts(ws.id())).as("nothing half-created").isEqualTo(1);
    }

    /**
     * The approval workflow (docs/approvals.md): with it on, what a key without the admin scope schedules waits for
     * approval, an admin key approves or rejects it, and neither a write key's edit nor a PATCH schedules a waiting
     * post.
     */
    @Nested
    class ApprovalWorkflow {

        String admin;

        @BeforeEach
        void adminKey() {
            admin = apiKeys.create(
                            ws.id(),
                            "admin",
                            Set.of(ApiKeyScope.READ, ApiKeyScope.WRITE, ApiKeyScope.ADMIN),
                            null,
                            null)
                    .token();
        }

        String post(String body) {
            return PostApiTests.this.post(body, ws.krusty());
        }

        Response createAs(String token, String json) {
            return send("POST", ws.path("/posts"), token, json);
        }

        String status(String post) {
            return send("GET", ws.path("/posts/" + post), admin, null)
                    .json()
                    .path("status")
                    .asString();
        }

        /** Jobs the dispatcher would run for the post's targets: none while it waits. */
        long dueTargets(String post) {
            return tenants.call(ws.id(), () -> jdbc.sql(
                            "select count(*) from post_targets where post_id = :post and due_at is not null")
                    .param("post", UUID.fromString(post))
                    .query(Long.class)
                    .single());
        }

        void requireApproval(boolean required) {
            var changed = send("PATCH", ws.path(""), admin, "{\"approvalRequired\":" + required + "}");
            assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
            assertThat(changed.json().path("approvalRequired").asBoolean()).isEqualTo(required);
        }

        @Test
        void offByDefaultAWriteKeySchedulesOnItsOwn() {
            assertThat(send("GET", ws.path(""), ws.token(), null)
                            .json()
                            .path("approvalRequired")
                            .asBoolean())
                    .isFalse();
            var created = createAs(ws.token(), post("On its own"));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assertThat(created.json().path("status").asString()).isEqualTo("scheduled");
        }

        @Test
        void onlyAnAdminKeyTurnsItOnAndTheAuditLogSaysWho() {
            var refused = send("PATCH", ws.path(""), ws.token(), "{\"approvalRequired\":true}");
            assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
            assertThat(send("GET", ws.path(""), admin, null)
                            .json()
                            .path("approvalRequired")
                            .asBoolean())
                    .isFalse();

            requireApproval(true);
            requireApproval(true); // no change: no second entry

            var events = send("GET", ws.path("/audit-events?action=workspace.approval_required"), admin, null);
            assertThat(events.json().path("items").size()).isEqualTo(1);
            requireApproval(false);
            assertThat(send("GET", ws.path("/audit-events?action=workspace.approval_not_required"), admin, null)
                            .json()
                            .path("items")
                            .size())
                    .isEqualTo(1);
        }

        @Test
        void aWriteKeysPostWaitsAndOnlyAnAdminKeyDecides() {
            requireApproval(true);

            var held = createAs(ws.token(), post("Needs a yes"));
            assertThat(held.status()).as(held.toString()).isEqualTo(201);
            String id = held.json().path("id").asString();
            assertThat(held.json().path("status").asString()).isEqualTo("pending_approval");
            assertThat(dueTargets(id))
                    .as("nothing is dispatched while it waits")
                    .isZero();

            var ownApproval = send("POST", ws.path("/posts/" + id + "/approve"), ws.token(), null);
            assertThat(ownApproval.status()).as(ownApproval.toString()).isEqualTo(403);
            assertThat(ownApproval.json().path("detail").asString()).contains("admin scope");
            assertThat(status(id)).isEqualTo("pending_approval");

            var approved = send("POST", ws.path("/posts/" + id + "/approve"), admin, null);
            assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
            assertThat(approved.json().path("status").asString()).isEqualTo("scheduled");
            assertThat(dueTargets(id)).isEqualTo(1);

            var again = send("POST", ws.path("/posts/" + id + "/approve"), admin, null);
            assertThat(again.status())
                    .as("only a waiting post is approved: " + again)
                    .isEqualTo(409);

            var byAdmin = createAs(admin, post("An admin's own"));
            assertThat(byAdmin.json().path("status").asString()).isEqualTo("scheduled");
            var draft = createAs(
                    ws.token(),
                    "{\"body\":\"A draft\",\"targets\":[{\"connectionId\":\"" + ws.krusty() + "\"}],\"draft\":true}");
            assertThat(draft.json().path("status").asString()).isEqualTo("draft");
        }

        @Test
        void aRejectionNeedsANoteAndCancelsThePost() {
            requireApproval(true);
            String id =
                    createAs(ws.token(), post("Not this one")).json().path("id").asString();

            var silent = send("POST", ws.path("/posts/" + id + "/reject"), admin, "{\"note\":\"  \"}");
            assertThat(silent.status()).as(silent.toString()).isEqualTo(400);
            assertThat(status(id)).isEqualTo("pending_approval");

            var byWriter = send("POST", ws.path("/posts/" + id + "/reject"), ws.token(), "{\"note\":\"Mine\"}");
            assertThat(byWriter.status()).as(byWriter.toString()).isEqualTo(403);

            var rejected = send("POST", ws.path("/posts/" + id + "/reject"), admin, "{\"note\":\"Wrong price.\"}");
            assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
            assertThat(rejected.json().path("status").asString()).isEqualTo("cancelled");
            var notes = send("GET", ws.path("/posts/" + id + "/notes"), admin, null);
            assertThat(notes.body()).contains("Rejected: Wrong price.");
        }

        @Test
        void aMembersRejectedPostIsTheirDraftAgainAndSaysWhyUntilItIsSubmitted() {
            requireApproval(true);
            var posts = context.getBean(herald.publishing.Posts.class);
            var waiting = posts.create(
                    ws.id(),
                    new herald.publishing.NewPost(
                            "Half price forever",
                            null,
                            List.of(),
                            List.of(new herald.publishing.NewPost.NewTarget(
                                    new herald.connections.ConnectionId(UUID.fromString(ws.krusty())), null)),
                            TOMORROW_NINE,
                            "Europe/Berlin",
                            false,
                            List.of()),
                    herald.publishing.Provenance.of(
                            herald.publishing.Provenance.Origin.UI,
                            new herald.audit.Actor(
                                    herald.audit.Actor.Type.USER,
                                    UUID.randomUUID().toString(),
                                    "lisa@example.com")),
                    false);
            String id = waiting.id().toString();
            assertThat(status(id)).isEqualTo("pending_approval");

            var rejected =
                    send("POST", ws.path("/posts/" + id + "/reject"), admin, "{\"note\":\"We cannot afford it.\"}");
            assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
            assertThat(rejected.json().path("status").asString()).isEqualTo("draft");
            JsonNode sentBack = rejected.json().path("sentBack");
            assertThat(sentBack.path("note").asString()).isEqualTo("We cannot afford it.");
            assertThat(sentBack.path("by").asString()).startsWith("admin");
            assertThat(dueTargets(id)).as("a draft is not dispatched").isZero();
            var events = send("GET", ws.path("/audit-events?action=post.rejected"), admin, null);
            assertThat(events.json()
                            .path("items")
                            .get(0)
                            .path("details")
                            .path("status")
                            .asString())
                    .isEqualTo("draft");

            var resubmitted = send(
                    "PATCH", ws.path("/posts/" + id), admin, "{\"body\":\"Half price on Tuesdays\",\"draft\":false}");
            assertThat(resubmitted.status()).as(resubmitted.toString()).isEqualTo(200);
            assertThat(resubmitted.json().path("status").asString()).isEqualTo("scheduled");
            assertThat(resubmitted.json().path("sentBack").isNull())
                    .as("submitted again: the note is answered")
                    .isTrue();
        }

        @Test
        void editsNeverScheduleAWaitingPostAndAWriteKeysChangeOfWordsWaitsAgain() {
            requireApproval(true);
            String waiting =
                    createAs(ws.token(), post("Waiting")).json().path("id").asString();

            var patched = send(
                    "PATCH", ws.path("/posts/" + waiting), ws.token(), "{\"body\":\"Still waiting\",\"draft\":false}");
            assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
            assertThat(patched.json().path("status").asString())
                    .as("draft:false is no approval")
                    .isEqualTo("pending_approval");
            var byAdmin = send("PATCH", ws.path("/posts/" + waiting), admin, "{\"draft\":false}");
            assertThat(byAdmin.json().path("status").asString())
                    .as("not even an admin's: approving is its own call")
                    .isEqualTo("pending_approval");

            String scheduled =
                    createAs(admin, post("Approved words")).json().path("id").asString();
            String later =
                    LocalDateTime.parse(TOMORROW_NINE).plusHours(2).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            var moved = send(
                    "PATCH",
                    ws.path("/posts/" + scheduled),
                    ws.token(),
                    "{\"scheduledAt\":\"" + later + "\",\"timezone\":\"Europe/Berlin\"}");
            assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
            assertThat(moved.json().path("status").asString())
                    .as("moving it in time needs no approval")
                    .isEqualTo("scheduled");

            var reworded = send("PATCH", ws.path("/posts/" + scheduled), ws.token(), "{\"body\":\"New words\"}");
            assertThat(reworded.json().path("status").asString()).isEqualTo("pending_approval");
            assertThat(dueTargets(scheduled)).as("its jobs find nothing to do").isZero();

            String draft = createAs(
                            ws.token(),
                            "{\"body\":\"Draft first\",\"targets\":[{\"connectionId\":\"" + ws.krusty()
                                    + "\"}],\"draft\":true}")
                    .json()
                    .path("id")
                    .asString();
            var scheduling = send(
                    "PATCH",
                    ws.path("/posts/" + draft),
                    ws.token(),
                    "{\"draft\":false,\"scheduledAt\":\"" + TOMORROW_NINE + "\",\"timezone\":\"Europe/Berlin\"}");
            assertThat(scheduling.json().path("status").asString()).isEqualTo("pending_approval");
        }

        @Test
        void anImportByAWriteKeyWaitsToo() {
            requireApproval(true);
            String csv = "date,text\n" + TOMORROW_NINE.replace('T', ' ').substring(0, 16) + ",From a spreadsheet\n";
            var request = HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + ws.path("/posts/imports?accounts=" + ws.krusty())))
                    .header("Authorization", "Bearer " + ws.token())
                    .header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofString(csv))
                    .build();
            try {
                var response = http.send(request, HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
            var statuses = tenants.call(ws.id(), () -> jdbc.sql("select status from posts")
                    .query(String.class)
                    .list());
            assertThat(statuses).containsExactly("pending_approval");
        }
    }

    /** Pausing publishing to an account, or to all of them, and resuming it (docs/pausing.md), as a client does. */
    @Nested
    class Pausing {

        Response pause(String connection) {
            return send("POST", ws.path("/connections/" + connection + "/pause"), ws.token(), null);
        }

        Response resume(String connection, String json) {
            return send("POST", ws.path("/connections/" + connection + "/resume"), ws.token(), json);
        }

        String targetStatus(String post) {
            return send("GET", ws.path("/posts/" + post), ws.token(), null)
                    .json()
                    .path("targets")
                    .get(0)
                    .path("status")
                    .asString();
        }

        @Test
        void anAccountPausedHoldsItsPostsUntilItIsResumed() {
            String post =
                    create(ws, post("Held", ws.krusty())).json().path("id").asString();

            var paused = pause(ws.krusty());
            assertThat(paused.status()).as(paused.toString()).isEqualTo(200);
            assertThat(paused.json().path("held").asInt()).isEqualTo(1);
            assertThat(paused.json().path("connections").get(0).path("paused").asBoolean())
                    .isTrue();
            assertThat(targetStatus(post)).isEqualTo("held");
            var connection = send("GET", ws.path("/connections/" + ws.krusty()), ws.token(), null);
            assertThat(connection.json().path("paused").asBoolean()).isTrue();
            assertThat(connection.json().path("pausedAt").asString()).isNotBlank();

            var again = pause(ws.krusty());
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.json().path("detail").asString()).isEqualTo("Publishing to @krusty is paused already.");

            var resumed = resume(ws.krusty(), """
                    {"overdue":"skip"}""");
            assertThat(resumed.status()).as(resumed.toString()).isEqualTo(200);
            assertThat(resumed.json().path("scheduled").asInt()).isEqualTo(1);
            assertThat(resumed.json().path("connections").get(0).path("paused").asBoolean())
                    .isFalse();
            assertThat(targetStatus(post)).isEqualTo("scheduled");
            assertThat(resume(ws.krusty(), """
                                    {"overdue":"skip"}""")
                            .status())
                    .as("not paused any more")
                    .isEqualTo(409);
        }

        @Test
        void aResumeWithoutAValidOverdueChoiceOrForAnUnknownAccountIsAProblemAndChangesNothing() {
            assertThat(pause(ws.krusty()).status()).isEqualTo(200);

            for (String body : List.of("""
                    {"overdue":"later"}""", "{}")) {
                var refused = resume(ws.krusty(), body);
                assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
                assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                assertThat(refused.json().path("errors").get(0).path("field").asString())
                        .isEqualTo("overdue");
            }
            var connection = send("GET", ws.path("/connections/" + ws.krusty()), ws.token(), null);
            assertThat(connection.json().path("paused").asBoolean()).isTrue();

            assertThat(pause(UUID.randomUUID().toString()).status()).isEqualTo(404);
            Workspace other = workspace("pro");
            assertThat(pause(other.krusty()).status())
                    .as("another workspace's account")
                    .isEqualTo(404);
        }

        @Test
        void everyAccountIsPausedAndResumedAtOnceByAWriter() {
            connection(ws.id(), "sideshow", "active");
            String all = ws.path("/publishing");

            var paused = send("POST", all + "/pause", ws.token(), null);
            assertThat(paused.status()).as(paused.toString()).isEqualTo(200);
            assertThat(paused.json().path("connections").size()).isEqualTo(2);
            assertThat(send("POST", all + "/pause", ws.token(), null).status()).isEqualTo(409);

            var reader = apiKeys.create(ws.id(), "reader", Set.of(ApiKeyScope.READ), null, null);
            assertThat(send(
                                    "POST",
                                    all + "/resume",
                                    reader.token(),
                                    """
                                    {"overdue":"publish"}""")
                            .status())
                    .isEqualTo(403);
            var resumed = send("POST", all + "/resume", ws.token(), """
                    {"overdue":"publish"}""");
            assertThat(resumed.status()).as(resumed.toString()).isEqualTo(200);
            assertThat(resumed.json().path("connections").size()).isEqualTo(2);
            assertThat(send(
                                    "POST",
                                    all + "/resume",
                                    ws.token(),
                                    """
                                    {"overdue":"publish"}""")
                            .status())
                    .isEqualTo(409);
        }
    }
}
