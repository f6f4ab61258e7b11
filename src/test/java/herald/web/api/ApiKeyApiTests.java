package herald.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiKeyApiTests extends ApiTest {

    List<String> names(Workspace workspace) {
        var response = api.get(workspace.path("/api-keys?limit=200"), workspace.token());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json()
                .path("items")
                .valueStream()
                .map(key -> key.path("name").asString())
                .toList();
    }

    @Test
    void createsAKeyWhoseTokenIsShownOnceAndWorks() {
        var workspace = provision();
        String expiry = Instant.now()
                .plus(30, ChronoUnit.DAYS)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();

        var created = api.post(
                workspace.path("/api-keys"),
                workspace.token(),
                "{\"name\":\"Zapier\",\"scopes\":[\"read\",\"write\"],\"expiresAt\":\"%s\"}".formatted(expiry));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var json = created.json();
        String id = json.path("id").asString();
        String token = json.path("token").asString();
        assertThat(created.header("Location")).isEqualTo(workspace.path("/api-keys/" + id));
        assertThat(token).startsWith(json.path("prefix").asString() + "_");
        assertThat(json.path("scopes").toString()).isEqualTo("[\"read\",\"write\"]");
        assertThat(json.path("expiresAt").asString()).isEqualTo(expiry);

        var listed = api.get(workspace.path("/api-keys"), workspace.token());
        assertThat(listed.body()).contains(id).doesNotContain(token);
        var one = api.get(workspace.path("/api-keys/" + id), workspace.token());
        assertThat(one.json().path("status").asString()).isEqualTo("active");
        assertThat(one.body()).doesNotContain(token);
        assertThat(api.get(workspace.path(), token).status()).isEqualTo(200);
    }

    @Test
    void revokesAKeySoItStopsWorking() {
        var workspace = provision();
        var created =
                api.post(workspace.path("/api-keys"), workspace.token(), "{\"name\":\"Old\",\"scopes\":[\"read\"]}");
        String id = created.json().path("id").asString();
        String token = created.json().path("token").asString();
        assertThat(api.get(workspace.path(), token).status()).isEqualTo(200);

        var revoked = api.delete(workspace.path("/api-keys/" + id), workspace.token());

        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.json().path("status").asString()).isEqualTo("revoked");
        assertThat(revoked.json().path("revokedAt").asString()).isNotBlank();
        var refused = api.get(workspace.path(), token);
        assertProblem(refused, 401, "unauthenticated");
        assertThat(refused.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertProblem(
                api.delete(workspace.path("/api-keys/" + java.util.UUID.randomUUID()), workspace.token()),
                404,
                "not-found");
        var actions = api.get(workspace.path("/audit-events?action=api_key.revoked"), workspace.token());
        assertThat(actions.json().path("items").get(0).path("target").path("id").asString())
                .isEqualTo(id);
    }

    @Test
    void refusesBadKeysAndCreatesNothing() {
        var workspace = provision();
        String past = Instant.now().minus(1, ChronoUnit.DAYS).toString();
        var cases = List.of(
                List.of("{\"name\":\"k1\",\"scopes\":[\"superuser\"]}", "scopes"),
                List.of("{\"name\":\"k2\",\"scopes\":[]}", "scopes"),
                List.of("{\"scopes\":[\"read\"]}", "name"),
                List.of("{\"name\":\" \",\"scopes\":[\"read\"]}", "name"),
                List.of("{\"name\":\"k3\",\"scopes\":[\"read\"],\"expiresAt\":\"%s\"}".formatted(past), "expiresAt"),
                List.of("{\"name\":\"k4\",\"scopes\":[\"read\"],\"expiresAt\":\"next tuesday\"}", "expiresAt"),
                List.of("{\"name\":\"k5\",\"scopes\":\"read\"}", "scopes"),
                List.of("{\"name\":\"k6\",\"scopes\":[\"read\"],\"secret\":\"mine\"}", "secret"));
        for (var bad : cases) {
            var response = api.post(workspace.path("/api-keys"), workspace.token(), bad.get(0));
            assertProblem(response, 400, "invalid-input");
            assertThat(response.json().path("errors").valueStream().map(e -> e.path("field")
                            .asString()))
                    .as(response.toString())
                    .contains(bad.get(1));
        }
        assertThat(names(workspace)).containsExactly("Provisioning key");
    }

    @Test
    void listsKeysAcrossPagesNewestFirst() {
        var workspace = provision();
        for (int i = 1; i <= 4; i++) {
            api.post(
                    workspace.path("/api-keys"),
                    workspace.token(),
                    "{\"name\":\"key %d\",\"scopes\":[\"read\"]}".formatted(i));
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = api.get(
                    workspace.path("/api-keys?limit=2" + (cursor == null ? "" : "&cursor=" + cursor)),
                    workspace.token());
            assertThat(page.status()).isEqualTo(200);
            page.json().path("items").forEach(key -> seen.add(key.path("name").asString()));
            cursor = page.json().path("nextCursor").isNull()
                    ? null
                    : page.json().path("nextCursor").asString();
        } while (cursor != null);

        assertThat(seen).containsExactly("key 4", "key 3", "key 2", "key 1", "Provisioning key");
    }
}
