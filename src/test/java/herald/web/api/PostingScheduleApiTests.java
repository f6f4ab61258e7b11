package herald.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import herald.database.TenantScope;
import herald.shared.WorkspaceId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The posting schedule over REST, and "queue" as a post's time: each account's queue fills slot by slot, another
 * account's posts do not take its slots, and bad schedules are refused with the day that is wrong.
 */
class PostingScheduleApiTests extends ApiTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Autowired
    TenantScope tenants;

    @Test
    void aNewWorkspaceHasTheDefaultScheduleInItsZone() {
        Workspace ws = provision();

        var schedule = api.get(ws.path("/posting-schedule"), ws.token()).json();

        assertThat(schedule.path("timezone").asString()).isEqualTo("Europe/Berlin");
        assertThat(schedule.path("isDefault").asBoolean()).isTrue();
        assertThat(schedule.path("slots").path("monday").toString()).isEqualTo("[\"09:00\",\"12:00\",\"17:00\"]");
        assertThat(schedule.path("slots").path("sunday").toString()).isEqualTo("[\"09:00\",\"12:00\",\"17:00\"]");
    }

    @Test
    void queuedPostsTakeTheNextSlotFreeOnTheirOwnAccounts() {
        Workspace ws = provision();
        String krusty = connection(ws, "krusty");
        String hults = connection(ws, "hults");
        LocalDate tomorrow = LocalDate.now(BERLIN).plusDays(1);
        String day = tomorrow.getDayOfWeek().name().toLowerCase(Locale.ROOT);
        var replaced = api.send(
                "PUT",
                ws.path("/posting-schedule"),
                ws.token(),
                "{\"slots\":{\"%s\":[\"15:00\",\"10:00\",\"10:00\"]}}".formatted(day));
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        assertThat(replaced.json().path("isDefault").asBoolean()).isFalse();
        assertThat(replaced.json().path("slots").path(day).toString()).isEqualTo("[\"10:00\",\"15:00\"]");
        Instant ten = at(tomorrow, 10);
        Instant three = at(tomorrow, 15);
        Instant nextWeek = at(tomorrow.plusWeeks(1), 10);
        assertThat(next(ws, "")).containsExactly(ten.toString(), three.toString(), nextWeek.toString());

        assertThat(queue(ws, "First", krusty)).isEqualTo(ten.toString());
        assertThat(queue(ws, "Second", krusty)).isEqualTo(three.toString());
        assertThat(queue(ws, "Elsewhere", hults)).isEqualTo(ten.toString());
        assertThat(next(ws, "&connectionId=" + krusty).getFirst()).isEqualTo(nextWeek.toString());
        assertThat(next(ws, "&connectionId=" + hults).getFirst()).isEqualTo(three.toString());
        assertThat(api.get(ws.path("/audit-events?action=posting_schedule.changed"), ws.token())
                        .json()
                        .path("items"))
                .hasSize(1);
    }

    @Test
    void anAccountWithTimesOfItsOwnQueuesOnThemAndAPostToSeveralTakesATimeOnEach() {
        Workspace ws = provision();
        String krusty = connection(ws, "krusty");
        String hults = connection(ws, "hults");
        String sideshow = connection(ws, "sideshow");
        LocalDate tomorrow = LocalDate.now(BERLIN).plusDays(1);
        String day = tomorrow.getDayOfWeek().name().toLowerCase(Locale.ROOT);
        put(ws, "/posting-schedule", "{\"slots\":{\"%s\":[\"10:00\",\"15:00\"]}}".formatted(day));
        var own = put(
                ws,
                "/posting-schedule/accounts/" + krusty,
                "{\"slots\":{\"%s\":[\"19:00\",\"15:00\"]}}".formatted(day));
        assertThat(own.path("own").asBoolean()).isTrue();
        assertThat(own.path("slots").path(day).toString()).isEqualTo("[\"15:00\",\"19:00\"]");
        put(ws, "/posting-schedule/accounts/" + sideshow, "{\"slots\":{\"%s\":[\"08:00\"]}}".formatted(day));

        var following = api.get(ws.path("/posting-schedule/accounts/" + hults), ws.token())
                .json();
        assertThat(following.path("own").asBoolean()).isFalse();
        assertThat(following.path("slots").path(day).toString()).isEqualTo("[\"10:00\",\"15:00\"]");
        var owners = api.get(ws.path("/posting-schedule/accounts"), ws.token())
                .json()
                .path("items");
        assertThat(owners.valueStream().map(a -> a.path("connectionId").asString()))
                .containsExactlyInAnyOrder(krusty, sideshow);

        assertThat(queue(ws, "Krusty's own", krusty)).isEqualTo(at(tomorrow, 15).toString());
        assertThat(queue(ws, "The workspace's", hults))
                .isEqualTo(at(tomorrow, 10).toString());
        assertThat(next(ws, "&connectionId=" + krusty).getFirst())
                .isEqualTo(at(tomorrow, 19).toString());
        assertThat(queue(ws, "Both", krusty, hults))
                .as("15:00 is on both schedules; tomorrow's is held by krusty's post")
                .isEqualTo(at(tomorrow.plusWeeks(1), 15).toString());
        var apart = api.post(
                ws.path("/posts"),
                ws.token(),
                """
                {"body":"Apart","targets":[{"connectionId":"%s"},{"connectionId":"%s"}],"scheduledAt":"queue"}"""
                        .formatted(krusty, sideshow));
        assertProblem(apart, 400, "invalid-input");
        assertThat(apart.json().path("detail").asString()).contains("share no free time");

        var back = api.send("DELETE", ws.path("/posting-schedule/accounts/" + krusty), ws.token(), null);
        assertThat(back.status()).as(back.toString()).isEqualTo(200);
        assertThat(back.json().path("own").asBoolean()).isFalse();
        assertThat(next(ws, "&connectionId=" + krusty).getFirst())
                .as("krusty follows the workspace: 10:00 is free on it")
                .isEqualTo(at(tomorrow, 10).toString());
        assertThat(api.get(ws.path("/audit-events?action=posting_schedule.changed"), ws.token())
                        .json()
                        .path("items"))
                .hasSize(4);

        Workspace other = provision();
        var foreign = api.send(
                "PUT",
                other.path("/posting-schedule/accounts/" + krusty),
                other.token(),
                "{\"slots\":{\"monday\":[\"09:00\"]}}");
        assertThat(foreign.status()).as(foreign.toString()).isEqualTo(404);
    }

    private tools.jackson.databind.JsonNode put(Workspace ws, String path, String body) {
        var answer = api.send("PUT", ws.path(path), ws.token(), body);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    @Test
    void refusesABadScheduleNamingTheDayAndKeepsTheOldOne() {
        Workspace ws = provision();

        var late = api.send(
                "PUT", ws.path("/posting-schedule"), ws.token(), "{\"slots\":{\"friday\":[\"09:00\",\"25:00\"]}}");
        assertProblem(late, 400, "invalid-input");
        assertThat(late.json().path("errors").get(0).path("field").asString()).isEqualTo("slots.friday");
        assertThat(late.json().path("errors").get(0).path("message").asString()).contains("'25:00' on Friday");

        var funday = api.send("PUT", ws.path("/posting-schedule"), ws.token(), "{\"slots\":{\"funday\":[\"09:00\"]}}");
        assertProblem(funday, 400, "invalid-input");
        var empty = api.send("PUT", ws.path("/posting-schedule"), ws.token(), "{\"slots\":{}}");
        assertProblem(empty, 400, "invalid-input");

        assertThat(api.get(ws.path("/posting-schedule"), ws.token())
                        .json()
                        .path("isDefault")
                        .asBoolean())
                .isTrue();
    }

    private java.util.List<String> next(Workspace ws, String accounts) {
        var next = api.get(ws.path("/posting-schedule/next?count=3" + accounts), ws.token());
        assertThat(next.status()).as(next.toString()).isEqualTo(200);
        var slots = new java.util.ArrayList<String>();
        next.json().path("slots").forEach(slot -> slots.add(slot.asString()));
        return slots;
    }

    private String queue(Workspace ws, String body, String... connections) {
        String targets = String.join(
                ",",
                java.util.Arrays.stream(connections)
                        .map(c -> "{\"connectionId\":\"" + c + "\"}")
                        .toList());
        var created = api.post(
                ws.path("/posts"),
                ws.token(),
                """
                {"body":"%s","targets":[%s],"scheduledAt":"queue"}""".formatted(body, targets));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().path("status").asString()).isEqualTo("scheduled");
        return created.json().path("scheduledAt").asString();
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(LocalTime.of(hour, 0)).atZone(BERLIN).toInstant();
    }

    private String connection(Workspace ws, String handle) {
        return herald.TenantFixtures.sandboxAccount(tenants, jdbc, new WorkspaceId(UUID.fromString(ws.id())), handle)
                .value()
                .toString();
    }
}
