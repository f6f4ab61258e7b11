package herald.web.api.calendars;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * The calendars API over HTTP with the job running on this node: a template-mode month end to end with its progress
 * as Server-Sent Events, bad input, one run at a time, cancelling, and isolation between workspaces.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"herald.content.calendars.run=true"})
// Closed after the class: another cached context running calendar jobs, configured differently, must not take this
// class's runs.
@org.springframework.test.annotation.DirtiesContext
class CalendarApiTests extends CalendarApiTest {

    @Test
    void aTemplateMonthOfEightPostsLandsAsDraftsSpreadOverTheMonthWithProgressOverSse() {
        Workspace ws = workspace();
        String month = nextMonth();

        Response started = send("POST", ws.path(""), ws.token(), body(month, 8, false, ws.account()));

        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String run = started.json().path("id").asString();
        assertThat(started.headers().firstValue("Location").orElseThrow()).endsWith(ws.path("/" + run));
        assertThat(started.json().path("status").asString()).isIn("queued", "running");
        assertThat(started.json().path("progress").path("total").asInt()).isEqualTo(8);

        List<Event> events = events(ws, run);
        List<Event> progress =
                events.stream().filter(e -> e.name().equals("progress")).toList();
        assertThat(progress).isNotEmpty();
        List<Integer> done =
                progress.stream().map(e -> e.data().path("done").asInt()).toList();
        assertThat(done).isSorted().contains(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(progress).allMatch(e -> e.data().path("total").asInt() == 8);
        List<Long> ids = progress.stream().map(e -> Long.parseLong(e.id())).toList();
        assertThat(ids).isSorted().doesNotHaveDuplicates();
        Event last = events.getLast();
        assertThat(last.name()).as(events.toString()).isEqualTo("succeeded");
        assertThat(last.data().path("postIds").size()).isEqualTo(8);

        Response fetched = send("GET", ws.path("/" + run), ws.token(), null);
        assertThat(fetched.status()).isEqualTo(200);
        JsonNode json = fetched.json();
        assertThat(json.path("status").asString()).isEqualTo("succeeded");
        assertThat(json.path("progress").path("done").asInt()).isEqualTo(8);
        assertThat(json.path("postIds").size()).isEqualTo(8);
        assertThat(json.path("log").size()).isGreaterThanOrEqualTo(10);

        Set<LocalDate> days = new HashSet<>();
        Set<String> types = new HashSet<>();
        for (JsonNode id : json.path("postIds")) {
            Response post = send("GET", "/api/v1/workspaces/" + ws.id() + "/posts/" + id.asString(), ws.token(), null);
            assertThat(post.status()).isEqualTo(200);
            assertThat(post.json().path("status").asString()).isEqualTo("draft");
            assertThat(post.json().path("timezone").asString()).isEqualTo("Europe/Berlin");
            assertThat(post.json().path("createdBy").path("actorType").asString())
                    .isEqualTo("api_key");
            assertThat(post.json().path("targets").get(0).path("connectionId").asString())
                    .isEqualTo(ws.account());
            LocalDateTime local = Instant.parse(post.json().path("scheduledAt").asString())
                    .atZone(BERLIN)
                    .toLocalDateTime();
            assertThat(YearMonth.from(local).toString()).isEqualTo(month);
            assertThat(local.getHour()).isIn(9, 12, 18);
            days.add(local.toLocalDate());
            assertThat(post.json().path("body").asString()).isNotBlank();
        }
        assertThat(days).hasSize(8);
        types.addAll(tenants.call(ws.id(), () -> jdbc.sql("select post_type from calendar_slots where run_id = :run")
                .param("run", UUID.fromString(run))
                .query(String.class)
                .list()));
        assertThat(types).hasSizeGreaterThanOrEqualTo(4).contains("promotional", "product_showcase");
        assertThat(json.path("log").findValuesAsString("message")).anyMatch(m -> m.startsWith("Planned 8 posts"));
        assertThat(drafts(ws.id())).isEqualTo(8);

        Response listed = send("GET", ws.path(""), ws.token(), null);
        assertThat(listed.json().get(0).path("id").asString()).isEqualTo(run);
    }

    @Test
    void badInputIsRefusedWithAProblemAndCreatesNothing() {
        Workspace ws = workspace();
        Workspace other = workspace();
        String month = nextMonth();
        String past = YearMonth.from(LocalDate.now(BERLIN)).minusMonths(1).toString();
        String inactive = connection(ws.id(), "gone", "needs_reconnect");

        assertProblem(send("POST", ws.path(""), ws.token(), body("2026-13", 8, false, ws.account())), "month");
        assertProblem(send("POST", ws.path(""), ws.token(), body("next month", 8, false, ws.account())), "month");
        assertProblem(send("POST", ws.path(""), ws.token(), body(past, 8, false, ws.account())), "month");
        assertProblem(send("POST", ws.path(""), ws.token(), body(month, 4, false, ws.account())), "posts");
        assertProblem(send("POST", ws.path(""), ws.token(), body(month, 32, false, ws.account())), "posts");
        assertProblem(send("POST", ws.path(""), ws.token(), body(month, 8, false)), "connectionIds");
        assertProblem(
                send("POST", ws.path(""), ws.token(), body(month, 8, false, other.account())), "connectionIds[0]");
        assertProblem(send("POST", ws.path(""), ws.token(), body(month, 8, false, inactive)), "connectionIds[0]");
        assertProblem(
                send("POST", ws.path(""), ws.token(), body(month, 8, false, ws.account(), ws.account())),
                "connectionIds[1]");
        assertProblem(
                send(
                        "POST",
                        ws.path(""),
                        ws.token(),
                        body(month, 8, false, ws.account())
                                .replace("\"personaId\":null", "\"personaId\":\"" + UUID.randomUUID() + "\"")),
                "personaId");
        // No AI here: AI for all is refused up front rather than failing in the background.
        Response noAi = send("POST", ws.path(""), ws.token(), body(month, 8, true, ws.account()));
        assertProblem(noAi, "aiForAll");
        assertThat(noAi.json().path("detail").asString()).contains("Turn 'AI for all' off");

        assertThat(runs(ws.id())).isZero();
        assertThat(drafts(ws.id())).isZero();
    }

    void assertProblem(Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(response.problemType()).isEqualTo("invalid-input");
        assertThat(response.json().path("detail").asString()).isNotBlank();
        assertThat(response.json().path("errors").get(0).path("field").asString())
                .as(response.toString())
                .isEqualTo(field);
    }

    @Test
    void anotherWorkspaceSeesNoneOfTheRuns() {
        Workspace a = workspace();
        Workspace b = workspace();
        Response started = send("POST", a.path(""), a.token(), body(nextMonth(), 5, false, a.account()));
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        String run = started.json().path("id").asString();
        events(a, run);

        assertThat(send("GET", b.path("/" + run), b.token(), null).status()).isEqualTo(404);
        assertThat(send("POST", b.path("/" + run + "/cancel"), b.token(), null).status())
                .isEqualTo(404);
        assertThat(send("GET", b.path(""), b.token(), null).json().size()).isZero();
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + b.path("/" + run + "/events")))
                .header("Authorization", "Bearer " + b.token())
                .build();
        try {
            assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(404);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
        // A's key on B's path is not B's either.
        assertThat(send("GET", b.path("/" + run), a.token(), null).status()).isEqualTo(404);
    }

    @Test
    void aSecondRunWhileOneIsGoingIsRefusedNamingItAndCancellingItLeavesNoDrafts() {
        Workspace ws = workspace();
        // A run queued by another node, whose job has not started yet.
        UUID going = UUID.randomUUID();
        tenants.run(ws.id(), () -> jdbc.sql(
                        """
                        insert into calendar_runs (workspace_id, id, month, posts, ai_for_all, connection_ids, status,
                            total, created_by_origin, created_by_type, heartbeat_at)
                        values (:workspace, :id, :month, 8, false, '{}', 'queued', 8, 'api', 'api_key',
                            now() + interval '1 hour')""")
                .param("workspace", ws.id().value())
                .param("id", going)
                .param("month", nextMonth())
                .update());

        Response second = send("POST", ws.path(""), ws.token(), body(nextMonth(), 8, false, ws.account()));
        assertThat(second.status()).as(second.toString()).isEqualTo(409);
        assertThat(second.problemType()).isEqualTo("conflict");
        assertThat(second.json().path("detail").asString()).contains(going.toString());
        assertThat(runs(ws.id())).isEqualTo(1);

        Response cancelled = send("POST", ws.path("/" + going + "/cancel"), ws.token(), null);
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asString()).isEqualTo("cancelled");
        assertThat(send("POST", ws.path("/" + going + "/cancel"), ws.token(), null)
                        .status())
                .isEqualTo(409);
        List<Event> ended = events(ws, going.toString());
        assertThat(ended.getLast().name()).isEqualTo("failed");
        assertThat(ended.getLast().data().path("status").asString()).isEqualTo("cancelled");
        assertThat(drafts(ws.id())).isZero();

        Response third = send("POST", ws.path(""), ws.token(), body(nextMonth(), 5, false, ws.account()));
        assertThat(third.status()).as(third.toString()).isEqualTo(202);
        assertThat(events(ws, third.json().path("id").asString()).getLast().name())
                .isEqualTo("succeeded");
    }

    /** A run as a node that died mid-run left it: running, heard of a minute ago, some captions written. */
    UUID abandoned(Workspace ws, int attempts, int written) {
        UUID run = UUID.randomUUID();
        String month = nextMonth();
        tenants.run(ws.id(), () -> {
            jdbc.sql(
                            """
                            insert into calendar_runs (workspace_id, id, month, posts, ai_for_all, connection_ids,
                                status, done, total, attempts, created_by_origin, created_by_type, created_by_label,
                                started_at, heartbeat_at)
                            values (:workspace, :id, :month, 5, false, array[cast(:account as uuid)], 'running', :done,
                                5, :attempts, 'ui', 'user', 'ana@example.com', now() - interval '2 minutes',
                                now() - interval '1 minute')""")
                    .param("workspace", ws.id().value())
                    .param("id", run)
                    .param("month", month)
                    .param("account", ws.account())
                    .param("done", written)
                    .param("attempts", attempts)
                    .update();
            for (int i = 1; i <= 5; i++) {
                LocalDateTime local = YearMonth.parse(month).atDay(i * 5).atTime(12, 5);
                jdbc.sql(
                                """
                                insert into calendar_slots (workspace_id, run_id, position, post_type, local_at,
                                    scheduled_at, item_name, caption, mode)
                                values (:workspace, :run, :position, 'promotional', :local, :at, 'Pizza', :caption,
                                    :mode)""")
                        .param("workspace", ws.id().value())
                        .param("run", run)
                        .param("position", i)
                        .param("local", local)
                        .param(
                                "at",
                                java.sql.Timestamp.from(local.atZone(BERLIN).toInstant()))
                        .param("caption", i <= written ? "Written before the node died #" + i : null)
                        .param("mode", i <= written ? "template" : null)
                        .update();
            }
        });
        // What db-scheduler does with a dead node's execution (or the sweep with a lost one): schedule it again.
        scheduler.scheduleIfNotExists(
                new com.github.kagkarlsson.scheduler.task.TaskInstance<>(
                        "calendar-run", run.toString(), ws.id() + "/" + run),
                java.time.Instant.now());
        return run;
    }

    @org.springframework.beans.factory.annotation.Autowired
    com.github.kagkarlsson.scheduler.SchedulerClient scheduler;

    @Test
    void aRunWhoseNodeDiedIsTakenUpAgainAndResumesFromItsWrittenCaptions() {
        Workspace ws = workspace();
        UUID run = abandoned(ws, 1, 3);

        List<Event> events = events(ws, run.toString());

        assertThat(events.getLast().name()).as(events.toString()).isEqualTo("succeeded");
        JsonNode json = send("GET", ws.path("/" + run), ws.token(), null).json();
        assertThat(json.path("status").asString()).isEqualTo("succeeded");
        assertThat(json.path("log").findValuesAsString("message"))
                .anyMatch(m -> m.startsWith("Taken up again (attempt 2)"));
        List<String> bodies = new java.util.ArrayList<>();
        for (JsonNode id : json.path("postIds")) {
            bodies.add(send("GET", "/api/v1/workspaces/" + ws.id() + "/posts/" + id.asString(), ws.token(), null)
                    .json()
                    .path("body")
                    .asString());
        }
        assertThat(bodies)
                .hasSize(5)
                .contains(
                        "Written before the node died #1",
                        "Written before the node died #2",
                        "Written before the node died #3");
        assertThat(bodies.stream().filter(b -> b.startsWith("Written before"))).hasSize(3);
    }

    @Test
    void aRunStartedTooOftenIsFailedRatherThanLeftRunning() {
        Workspace ws = workspace();
        UUID run = abandoned(ws, 3, 1);

        List<Event> events = events(ws, run.toString());

        assertThat(events.getLast().name()).as(events.toString()).isEqualTo("failed");
        assertThat(events.getLast().data().path("error").asString()).contains("started 3 times");
        assertThat(drafts(ws.id())).isZero();
    }
}
