package herald.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.DriverManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.flyway.autoconfigure.FlywayConnectionDetails;
import tools.jackson.databind.JsonNode;

class AuditApiTests extends ApiTest {

    @Autowired
    FlywayConnectionDetails owner;

    List<JsonNode> all(Workspace workspace, String query) {
        List<JsonNode> events = new ArrayList<>();
        String cursor = null;
        do {
            var page = api.get(
                    workspace.path("/audit-events?limit=2&" + query + (cursor == null ? "" : "&cursor=" + cursor)),
                    workspace.token());
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.json().path("items").forEach(events::add);
            cursor = page.json().path("nextCursor").isNull()
                    ? null
                    : page.json().path("nextCursor").asString();
        } while (cursor != null);
        return events;
    }

    @Test
    void recordsApiCallsWithTheKeyAsActor() {
        var workspace = provision();
        api.post(workspace.path("/api-keys"), workspace.token(), "{\"name\":\"Audited\",\"scopes\":[\"read\"]}");

        var events = api.get(workspace.path("/audit-events?action=api_key.created"), workspace.token());

        var newest = events.json().path("items").get(0);
        assertThat(newest.path("details").path("name").asString()).isEqualTo("Audited");
        assertThat(newest.path("actor").path("type").asString()).isEqualTo("api_key");
        assertThat(newest.path("actor").path("label").asString()).startsWith("Provisioning key (hk_");
        assertThat(newest.path("ip").asString()).isNotBlank();
        assertThat(newest.path("occurredAt").asString()).isNotBlank();
        assertThat(newest.path("target").path("type").asString()).isEqualTo("api_key");
    }

    @Test
    void pagesThroughTheLogNewestFirstWithoutGapsOrRepeats() {
        var workspace = provision();
        for (int i = 0; i < 4; i++) {
            api.post(
                    workspace.path("/api-keys"),
                    workspace.token(),
                    "{\"name\":\"k%d\",\"scopes\":[\"read\"]}".formatted(i));
        }

        List<JsonNode> events = all(workspace, "");

        List<Long> sequences =
                events.stream().map(e -> e.path("sequence").asLong()).toList();
        assertThat(sequences)
                .hasSize(7)
                .isSortedAccordingTo((a, b) -> Long.compare(b, a))
                .doesNotHaveDuplicates();
        var verification = api.get(workspace.path("/audit-events/verify"), workspace.token())
                .json();
        assertThat(verification.path("valid").asBoolean()).isTrue();
        assertThat(verification.path("checked").asLong()).isEqualTo(7);
        assertThat(verification.path("firstBroken").isNull()).isTrue();
    }

    @Test
    void filtersByActionActorAndTime() {
        var workspace = provision();
        api.post(workspace.path("/api-keys"), workspace.token(), "{\"name\":\"f\",\"scopes\":[\"read\"]}");

        assertThat(all(workspace, "action=workspace.created")).hasSize(1);
        assertThat(all(workspace, "actor=operator")).hasSize(3);
        assertThat(all(workspace, "actor=api_key").stream()
                        .map(e -> e.path("action").asString()))
                .containsExactly("api_key.created");
        String future = Instant.now().plus(1, ChronoUnit.HOURS).toString();
        String past = Instant.now().minus(1, ChronoUnit.HOURS).toString();
        assertThat(all(workspace, "from=" + future)).isEmpty();
        assertThat(all(workspace, "from=" + past + "&to=" + future)).hasSize(4);
    }

    @Test
    void refusesBadFilters() {
        var workspace = provision();

        var badTime = api.get(workspace.path("/audit-events?from=yesterday"), workspace.token());
        assertProblem(badTime, 400, "invalid-input");
        assertThat(badTime.json().path("errors").get(0).path("field").asString())
                .isEqualTo("from");
        var backwards = api.get(
                workspace.path("/audit-events?from=2030-01-02T00:00:00Z&to=2030-01-01T00:00:00Z"), workspace.token());
        assertProblem(backwards, 400, "invalid-input");
        assertThat(backwards.json().path("errors").get(0).path("field").asString())
                .isEqualTo("to");
    }

    @Test
    void verifyNamesTheFirstEntryThatWasTamperedWith() throws Exception {
        var workspace = provision();
        var events = all(workspace, "");
        long oldest = events.getLast().path("sequence").asLong();
        long second = events.get(events.size() - 2).path("sequence").asLong();

        // The runtime role may not edit the log; the owner of the schema can, and verify must notice.
        try (var connection =
                        DriverManager.getConnection(owner.getJdbcUrl(), owner.getUsername(), owner.getPassword());
                var statement = connection.prepareStatement(
                        "update audit_events set action = 'nothing.happened' where workspace_id = ? and seq = ?")) {
            statement.setObject(1, UUID.fromString(workspace.id()));
            statement.setLong(2, second);
            assertThat(statement.executeUpdate()).isEqualTo(1);
        }

        var verification = api.get(workspace.path("/audit-events/verify"), workspace.token());
        assertThat(verification.status()).isEqualTo(200);
        assertThat(verification.json().path("valid").asBoolean()).isFalse();
        assertThat(verification.json().path("checked").asLong()).isEqualTo(1);
        assertThat(verification.json().path("firstBroken").path("sequence").asLong())
                .isEqualTo(second);
        assertThat(verification.json().path("firstBroken").path("reason").asString())
                .isNotBlank();
        assertThat(oldest).isLessThan(second);
    }
}
