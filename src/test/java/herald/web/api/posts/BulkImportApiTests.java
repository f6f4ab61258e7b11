package herald.web.api.posts;

import static org.assertj.core.api.Assertions.assertThat;

import herald.TenantFixtures;
import herald.connections.ConnectionId;
import herald.database.TenantScope;
import herald.identity.ApiKeyScope;
import herald.identity.ApiKeys;
import herald.publishing.PostingSchedule;
import herald.shared.WorkspaceId;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * Bulk scheduling over HTTP: a CSV file of posts is created all or none, in the workspace's zone, with every failing
 * row listed. The same plans as {@link PostApiTests}, so both share one application context.
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
class BulkImportApiTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

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
    PostingSchedule schedule;

    @Autowired
    herald.assets.Assets library;

    @Autowired
    herald.assets.Folders folders;

    final HttpClient http = HttpClient.newHttpClient();

    record Workspace(WorkspaceId id, String token, String krusty) {
        String imports(String query) {
            return "/api/v1/workspaces/" + id + "/posts/imports" + query;
        }
    }

    record Response(int status, java.net.http.HttpHeaders headers, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }

        List<JsonNode> errors() {
            List<JsonNode> errors = new ArrayList<>();
            json().path("errors").forEach(errors::add);
            return errors;
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
        var signedUp = TenantFixtures.of(context).signUp("Bulk", plan);
        var workspace = signedUp.workspace().orElseThrow().id();
        String token = apiKeys.create(
                        workspace,
                        "bulk",
                        Set.of(ApiKeyScope.READ, ApiKeyScope.WRITE),
                        null,
                        signedUp.user().id())
                .token();
        return new Workspace(workspace, token, connection(workspace, "krusty"));
    }

    String connection(WorkspaceId workspace, String handle) {
        return TenantFixtures.sandboxAccount(tenants, jdbc, workspace, handle)
                .value()
                .toString();
    }

    Response upload(Workspace workspace, String query, String csv, String... headers) {
        return send(workspace.imports(query), workspace.token(), "text/csv", csv, headers);
    }

    Response send(String path, String token, String type, String body, String... headers) {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
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

    long posts(WorkspaceId workspace) {
        return tenants.call(
                workspace,
                () -> jdbc.sql("select count(*) from posts").query(Long.class).single());
    }

    long created(WorkspaceId workspace) {
        return tenants.call(workspace, () -> jdbc.sql("select count(*) from audit_events where action = 'post.created'")
                .query(Long.class)
                .single());
    }

    /** A local time in Berlin {@code days} ahead, as a spreadsheet writes it. */
    static LocalDateTime daysAhead(int days, int hour) {
        return LocalDateTime.now(BERLIN)
                .plusDays(days)
                .withHour(hour)
                .withMinute(30)
                .withSecond(0)
                .withNano(0);
    }

    static String instant(LocalDateTime berlin) {
        return berlin.atZone(BERLIN).toInstant().toString();
    }

    @Test
    void createsEveryRowInTheWorkspacesTimeZone() {
        var first = daysAhead(3, 9);
        var second = daysAhead(4, 18);
        String csv = "date,text,link\n"
                + first.format(CSV_TIME) + ",\"Pizza night,\nwith friends\",https://herald.dev/pizza\n"
                + second.format(CSV_TIME) + ",Pasta day,\n"
                + ",A draft for later,\n";
        long before = posts(ws.id());

        var response = upload(ws, "?accounts=" + ws.krusty(), csv);

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(posts(ws.id())).isEqualTo(before + 3);
        assertThat(created(ws.id())).isEqualTo(3);
        JsonNode rows = response.json().path("rows");
        assertThat(response.json().path("created").asInt()).isEqualTo(3);
        assertThat(rows.get(0).path("row").asInt()).isEqualTo(2);
        assertThat(rows.get(0).path("status").asString()).isEqualTo("scheduled");
        assertThat(rows.get(0).path("scheduledAt").asString()).isEqualTo(instant(first));
        assertThat(rows.get(0).path("accounts").get(0).asString()).isEqualTo("Sandbox @krusty");
        assertThat(rows.get(1).path("row").asInt()).isEqualTo(3);
        assertThat(rows.get(1).path("scheduledAt").asString()).isEqualTo(instant(second));
        assertThat(rows.get(2).path("status").asString()).isEqualTo("draft");

        String id = rows.get(0).path("postId").asString();
        var post = tenants.call(ws.id(), () -> jdbc.sql("select body, link, timezone, status from posts where id = :id")
                .param("id", UUID.fromString(id))
                .query((rs, n) -> List.of(
                        rs.getString("body"), rs.getString("link"), rs.getString("timezone"), rs.getString("status")))
                .single());
        assertThat(post)
                .containsExactly(
                        "Pizza night,\nwith friends", "https://herald.dev/pizza", "Europe/Berlin", "scheduled");
        long targets = tenants.call(ws.id(), () -> jdbc.sql(
                        "select count(*) from post_targets where status = 'scheduled' and due_at is not null")
                .query(Long.class)
                .single());
        assertThat(targets).isEqualTo(2);
    }

    @Test
    void oneBadRowRejectsTheWholeFileListingEveryFailingRowAndCreatesNothing() {
        String csv = "date,text,accounts\n"
                + daysAhead(3, 9).format(CSV_TIME) + ",Fine,@krusty\n"
                + daysAhead(3, 10).format(CSV_TIME) + "," + "x".repeat(501) + ",@krusty\n"
                + "2020-01-01 09:00,Long ago,@krusty\n"
                + daysAhead(3, 11).format(CSV_TIME) + ",Nobody,@sideshow\n"
                + "24/12/2026 9:00,Wrong format,\n";
        long before = posts(ws.id());

        var response = upload(ws, "", csv);

        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(response.json().path("type").asString()).isEqualTo("https://herald.dev/problems/import-rejected");
        assertThat(response.json().path("detail").asString()).contains("nothing was created");
        var errors = response.errors();
        assertThat(errors).extracting(e -> e.path("row").asInt()).containsExactly(3, 4, 5, 6, 6);
        assertThat(errors.get(0).path("field").asString()).isEqualTo("text");
        assertThat(errors.get(0).path("message").asString()).isEqualTo("Sandbox @krusty: 501 of 500 characters.");
        assertThat(errors.get(1).path("field").asString()).isEqualTo("date");
        assertThat(errors.get(1).path("message").asString()).contains("2020-01-01 09:00 has already passed");
        assertThat(errors.get(2).path("field").asString()).isEqualTo("accounts");
        assertThat(errors.get(2).path("message").asString()).contains("'@sideshow'");
        assertThat(errors.get(3).path("field").asString()).isEqualTo("date");
        assertThat(errors.get(3).path("message").asString()).contains("YYYY-MM-DD HH:mm");
        assertThat(errors.get(4).path("field").asString()).isEqualTo("accounts");
        assertThat(errors.get(4).path("message").asString()).isEqualTo("Choose at least one account to post to.");
        assertThat(posts(ws.id())).isEqualTo(before);
        assertThat(created(ws.id())).isZero();
    }

    @Test
    void tagsEachRowAndRefusesARowsBadTagByItsColumn() {
        String ok =
                "date,text,tags\n" + daysAhead(3, 9).format(CSV_TIME) + ",Tagged,#Summer sale|Recipes|summer SALE\n";
        var created = upload(ws, "?accounts=" + ws.krusty(), ok);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("rows").get(0).path("postId").asString();
        assertThat(tenants.call(ws.id(), () -> jdbc.sql("select array_to_string(tags, '|') from posts where id = :id")
                        .param("id", UUID.fromString(id))
                        .query(String.class)
                        .single()))
                .isEqualTo("Summer sale|Recipes");

        long before = posts(ws.id());
        String bad =
                "date,text,tags\n" + daysAhead(3, 10).format(CSV_TIME) + ",Too long a tag," + "t".repeat(41) + "\n";
        var refused = upload(ws, "?accounts=" + ws.krusty(), bad);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.errors().getFirst().path("row").asInt()).isEqualTo(2);
        assertThat(refused.errors().getFirst().path("field").asString()).isEqualTo("tags");
        assertThat(refused.errors().getFirst().path("message").asString()).contains("at most 40");
        assertThat(posts(ws.id())).isEqualTo(before);
    }

    @Test
    void keepsTheFirstCommentOffTheAccountsOfItsColumnAndRefusesAnAccountNotOnTheRow() {
        String bob = connection(ws.id(), "bob");
        String ok = "date,text,accounts,first_comment,no_first_comment\n"
                + daysAhead(3, 9).format(CSV_TIME) + ",Menu day,@krusty|@bob,Full menu in the link,@bob\n";
        var created = upload(ws, "", ok);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("rows").get(0).path("postId").asString();
        var off = tenants.call(
                ws.id(), () -> jdbc.sql("select connection_id::text, comment_off from post_targets where post_id = :id")
                        .param("id", UUID.fromString(id))
                        .query((rs, n) -> Map.entry(rs.getString(1), rs.getBoolean(2)))
                        .list());
        assertThat(off).containsExactlyInAnyOrder(Map.entry(ws.krusty(), false), Map.entry(bob, true));

        long before = posts(ws.id());
        String bad = "date,text,accounts,first_comment,no_first_comment\n"
                + daysAhead(3, 10).format(CSV_TIME)
                + ",Menu day,@krusty,Full menu in the link,@bob\n"
                + daysAhead(3, 11).format(CSV_TIME)
                + ",No comment here,@krusty,,@krusty\n";
        var refused = upload(ws, "", bad);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.errors())
                .extracting(e -> e.path("row").asInt() + " " + e.path("field").asString() + " "
                        + e.path("message").asString())
                .containsExactly(
                        "2 no_first_comment '@bob' is not one of the row's accounts; name accounts the post goes to.",
                        "3 no_first_comment This row has no first_comment to keep off its accounts; empty the cell or"
                                + " write the comment.");
        assertThat(posts(ws.id())).isEqualTo(before);
    }

    @Test
    void aRowSaysItsLanguageAndATagThatNamesNoLanguageIsAProblemOfItsColumn() {
        String ok = "date,text,language\n" + daysAhead(3, 9).format(CSV_TIME) + ",Bom dia,pt-br\n"
                + daysAhead(3, 10).format(CSV_TIME) + ",Hello,\n";
        var created = upload(ws, "?accounts=" + ws.krusty(), ok);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var languages = created.json()
                .path("rows")
                .valueStream()
                .map(row ->
                        tenants.call(ws.id(), () -> jdbc.sql("select coalesce(language, '-') from posts where id = :id")
                                .param("id", UUID.fromString(row.path("postId").asString()))
                                .query(String.class)
                                .single()))
                .toList();
        assertThat(languages).containsExactly("pt-BR", "-");

        long before = posts(ws.id());
        var refused = upload(
                ws,
                "?accounts=" + ws.krusty(),
                "date,text,language\n" + daysAhead(3, 11).format(CSV_TIME) + ",Oi,brazilian\n");
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.errors().getFirst().path("field").asString()).isEqualTo("language");
        assertThat(refused.errors().getFirst().path("message").asString())
                .isEqualTo("'brazilian' is not a language tag such as en, de or pt-BR.");
        assertThat(posts(ws.id())).isEqualTo(before);
    }

    @Test
    void readsAThreadFromItsNumberedColumnsAndNamesTheColumnOfAPartTooLong() {
        String ok = "date,text,thread_3,thread_2,thread_4\n" + daysAhead(3, 9).format(CSV_TIME)
                + ",How we bake,Then 90 seconds.,First 48 hours of rest.,\n";
        var created = upload(ws, "?accounts=" + ws.krusty(), ok);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("rows").get(0).path("postId").asString();
        assertThat(tenants.call(ws.id(), () -> jdbc.sql("select array_to_string(thread, '|') from posts where id = :id")
                        .param("id", UUID.fromString(id))
                        .query(String.class)
                        .single()))
                .as("in the order of the columns' numbers, an empty part left out")
                .isEqualTo("First 48 hours of rest.|Then 90 seconds.");

        long before = posts(ws.id());
        String bad = "date,text,thread_2,thread_5\n" + daysAhead(3, 10).format(CSV_TIME) + ",Another,Fine,"
                + "z".repeat(501) + "\n";
        var refused = upload(ws, "?accounts=" + ws.krusty(), bad);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.errors().getFirst().path("field").asString()).isEqualTo("thread_5");
        assertThat(refused.errors().getFirst().path("message").asString()).contains("501 of 500 characters");
        assertThat(posts(ws.id())).isEqualTo(before);
    }

    @Test
    void aThreadPartTakesItsMediaFromItsOwnColumnAndABadIdNamesThatColumn() {
        var folder = folders.all(ws.id()).getFirst();
        String photo = library.upload(
                        ws.id(),
                        folder.id(),
                        new java.io.ByteArrayInputStream(herald.assets.SampleMedia.png(8, 8)),
                        herald.assets.Upload.named("crumb.png"))
                .id()
                .toString();
        String ok = "date,text,thread_2,thread_3,thread_3_media\n"
                + daysAhead(3, 11).format(CSV_TIME) + ",Crumb shots,Words only,," + photo + "\n";
        var created = upload(ws, "?accounts=" + ws.krusty(), ok);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("rows").get(0).path("postId").asString();
        assertThat(tenants.call(ws.id(), () -> jdbc.sql(
                                "select position || ':' || asset_id from post_thread_media where post_id = :id")
                        .param("id", UUID.fromString(id))
                        .query(String.class)
                        .list()))
                .as("a part of media alone, after the part of words")
                .containsExactly("2:" + photo);

        long before = posts(ws.id());
        String bad =
                "date,text,thread_2,thread_2_media\n" + daysAhead(3, 12).format(CSV_TIME) + ",Another,Fine,not-an-id\n";
        var refused = upload(ws, "?accounts=" + ws.krusty(), bad);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.errors().getFirst().path("field").asString()).isEqualTo("thread_2_media");
        assertThat(posts(ws.id())).isEqualTo(before);
        String gone = "date,text,thread_2,thread_2_media\n" + daysAhead(3, 12).format(CSV_TIME) + ",Another,Fine,"
                + UUID.randomUUID() + "\n";
        var missing = upload(ws, "?accounts=" + ws.krusty(), gone);
        assertThat(missing.status()).as(missing.toString()).isEqualTo(422);
        assertThat(missing.errors().getFirst().path("field").asString()).isEqualTo("thread_2_media");
        assertThat(missing.errors().getFirst().path("message").asString()).contains("no asset");
    }

    @Test
    void aRowAsksForStoriesInItsFormatColumnAndAStoryWithoutAMediumNamesTheMediaColumn() {
        String photo = library.upload(
                        ws.id(),
                        folders.all(ws.id()).getFirst().id(),
                        new java.io.ByteArrayInputStream(herald.assets.SampleMedia.png(8, 8)),
                        herald.assets.Upload.named("story.png"))
                .id()
                .toString();
        String ok =
                "date,text,media,format\n" + daysAhead(3, 13).format(CSV_TIME) + ",For the team," + photo + ",story\n";
        var created = upload(ws, "?accounts=" + ws.krusty(), ok);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("rows").get(0).path("postId").asString();
        assertThat(tenants.call(ws.id(), () -> jdbc.sql("select format from post_targets where post_id = :id")
                        .param("id", UUID.fromString(id))
                        .query(String.class)
                        .single()))
                .isEqualTo("story");

        long before = posts(ws.id());
        var noMedium = upload(
                ws,
                "?accounts=" + ws.krusty(),
                "date,text,format\n" + daysAhead(3, 14).format(CSV_TIME) + ",Hi,story\n");
        assertThat(noMedium.status()).as(noMedium.toString()).isEqualTo(422);
        assertThat(noMedium.errors().getFirst().path("field").asString()).isEqualTo("media");
        assertThat(noMedium.errors().getFirst().path("message").asString()).contains("a story is one image or video");
        var unknown = upload(
                ws,
                "?accounts=" + ws.krusty(),
                "date,text,format\n" + daysAhead(3, 14).format(CSV_TIME) + ",Hi,reel\n");
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(422);
        assertThat(unknown.errors().getFirst().path("field").asString()).isEqualTo("format");
        assertThat(posts(ws.id())).isEqualTo(before);
    }

    @Test
    void refusesALocalTimeThatTheWorkspacesZoneSkips() {
        var rules = BERLIN.getRules();
        var transition = rules.nextTransition(Instant.now());
        while (!transition.isGap()) {
            transition = rules.nextTransition(transition.getInstant());
        }
        String inGap = transition.getDateTimeBefore().plusMinutes(30).format(CSV_TIME);

        var response = upload(ws, "?accounts=" + ws.krusty(), "date,text\n" + inGap + ",In the gap\n");

        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.errors()).singleElement().satisfies(e -> {
            assertThat(e.path("row").asInt()).isEqualTo(2);
            assertThat(e.path("field").asString()).isEqualTo("date");
            assertThat(e.path("message").asString()).contains("does not exist in Europe/Berlin");
        });
        assertThat(posts(ws.id())).isZero();
    }

    @Test
    void aDryRunAnswersWhatWouldBeCreatedAndCreatesNothing() {
        String csv = "date,text\n" + daysAhead(5, 9).format(CSV_TIME) + ",Rehearsal\nqueue,Queued rehearsal\n";
        long before = posts(ws.id());
        List<Instant> next = schedule.nextFree(ws.id(), List.of(new ConnectionId(UUID.fromString(ws.krusty()))), 1);

        var response = upload(ws, "?dryRun=true&accounts=" + ws.krusty(), csv);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("created").asInt()).isZero();
        JsonNode rows = response.json().path("rows");
        assertThat(rows.size()).isEqualTo(2);
        assertThat(rows.get(0).path("postId").isNull()).isTrue();
        assertThat(rows.get(0).path("scheduledAt").asString()).isEqualTo(instant(daysAhead(5, 9)));
        assertThat(rows.get(1).path("queued").asBoolean()).isTrue();
        assertThat(rows.get(1).path("scheduledAt").asString())
                .isEqualTo(next.getFirst().toString());
        assertThat(posts(ws.id())).isEqualTo(before);
        assertThat(created(ws.id())).isZero();

        var bad = upload(ws, "?dryRun=true", "date,text\n2020-01-01 09:00,Old\n");
        assertThat(bad.status()).as(bad.toString()).isEqualTo(422);
        assertThat(bad.errors()).extracting(e -> e.path("row").asInt()).containsExactly(2);
        assertThat(posts(ws.id())).isEqualTo(before);
    }

    @Test
    void refusesAnotherWorkspacesAccountInTheFileAndInTheQuery() {
        Workspace other = workspace("pro");
        String when = daysAhead(3, 9).format(CSV_TIME);

        var inFile = upload(ws, "", "date,text,accounts\n" + when + ",Not yours," + other.krusty() + "\n");
        assertThat(inFile.status()).as(inFile.toString()).isEqualTo(422);
        assertThat(inFile.errors()).singleElement().satisfies(e -> {
            assertThat(e.path("row").asInt()).isEqualTo(2);
            assertThat(e.path("field").asString()).isEqualTo("accounts");
            assertThat(e.path("message").asString())
                    .isEqualTo("This workspace has no connection " + other.krusty() + ".");
        });

        var inQuery = upload(ws, "?accounts=" + other.krusty(), "date,text\n" + when + ",Not yours either\n");
        assertThat(inQuery.status()).as(inQuery.toString()).isEqualTo(422);
        assertThat(inQuery.errors().getFirst().path("message").asString()).contains("has no connection");

        // Their handle is not ours either: krusty in the other workspace is a different account.
        assertThat(posts(ws.id())).isZero();
        assertThat(posts(other.id())).isZero();
    }

    @Test
    void queuedRowsTakeDistinctConsecutiveSlots() {
        var account = new ConnectionId(UUID.fromString(ws.krusty()));
        List<Instant> free = schedule.nextFree(ws.id(), List.of(account), 3);

        var response =
                upload(ws, "", "date,text,accounts\nqueue,One,krusty\nQUEUE,Two,@krusty\nqueue,Three,sandbox:krusty\n");

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        List<String> slots = new ArrayList<>();
        response.json()
                .path("rows")
                .forEach(r -> slots.add(r.path("scheduledAt").asString()));
        assertThat(slots)
                .containsExactlyElementsOf(free.stream().map(Instant::toString).toList());
        assertThat(slots).doesNotHaveDuplicates();
    }

    @Test
    void countsEveryRowAgainstThePlansPostsPerDay() {
        Workspace small = workspace("onepost");
        String day = daysAhead(3, 9).toLocalDate().toString();
        var response = upload(
                small, "?accounts=" + small.krusty(), "date,text\n" + day + " 09:00,First\n" + day + " 12:00,Second\n");
        assertThat(response.status()).as(response.toString()).isEqualTo(422);
        assertThat(response.errors()).singleElement().satisfies(e -> {
            assertThat(e.path("row").asInt()).isEqualTo(3);
            assertThat(e.path("message").asString()).contains("posts per day");
        });
        assertThat(posts(small.id())).isZero();
    }

    @Test
    void replaysAnIdempotentImportWithoutCreatingTwice() {
        String csv = "date,text\n" + daysAhead(6, 9).format(CSV_TIME) + ",Once only\n";
        String key = UUID.randomUUID().toString();
        var first = upload(ws, "?accounts=" + ws.krusty(), csv, "Idempotency-Key", key);
        var again = upload(ws, "?accounts=" + ws.krusty(), csv, "Idempotency-Key", key);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.headers().firstValue("Idempotency-Replayed")).contains("true");
        assertThat(posts(ws.id())).isEqualTo(1);
    }

    @Test
    void refusesAFileWithoutHeaderJsonAndAReadOnlyKey() {
        var headless = upload(ws, "", "2026-12-24 09:00,Hello\n");
        assertThat(headless.status()).isEqualTo(422);
        assertThat(headless.errors().getFirst().path("row").asInt()).isEqualTo(1);
        assertThat(headless.errors().getFirst().path("field").asString()).isEqualTo("header");

        var json = send(ws.imports(""), ws.token(), "application/json", "{}");
        assertThat(json.status()).as(json.toString()).isEqualTo(415);
        assertThat(json.json().path("detail").asString()).contains("text/csv");

        String reader = apiKeys.create(ws.id(), "reader", Set.of(ApiKeyScope.READ), null, null)
                .token();
        var readOnly = send(ws.imports(""), reader, "text/csv", "date,text\n,Draft\n");
        assertThat(readOnly.status()).as(readOnly.toString()).isEqualTo(403);
        assertThat(readOnly.json().path("type").asString()).endsWith("insufficient-scope");
        assertThat(posts(ws.id())).isZero();
    }

    @Test
    void importsAFullFileOfFiveHundredPostsInOneGo() {
        StringBuilder csv = new StringBuilder("date,text\n");
        for (int i = 0; i < 500; i++) {
            csv.append(daysAhead(2 + i / 50, 8).plusMinutes(i % 50).format(CSV_TIME))
                    .append(",Post number ")
                    .append(i)
                    .append('\n');
        }
        var response = upload(ws, "?accounts=" + ws.krusty(), csv.toString());
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().path("created").asInt()).isEqualTo(500);
        assertThat(posts(ws.id())).isEqualTo(500);
    }

    @Test
    void theOpenApiDocumentDescribesTheImport() throws Exception {
        var response = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/v3/api-docs"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode operation = JSON.readTree(response.body())
                .path("paths")
                .path("/api/v1/workspaces/{workspaceId}/posts/imports")
                .path("post");
        assertThat(operation.path("operationId").asString()).isEqualTo("importPosts");
        assertThat(operation.path("requestBody").path("content").has("text/csv"))
                .isTrue();
        assertThat(operation.path("responses").propertyNames()).contains("200", "201", "422");
        assertThat(operation.path("responses").path("422").path("content").toString())
                .contains("application/problem+json");
        assertThat(operation.path("parameters").toString()).contains("dryRun").contains("accounts");
    }
}
