package herald.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import herald.database.TenantScope;
import herald.shared.WorkspaceId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class IdempotencyApiTests extends ApiTest {

    @Autowired
    TenantScope tenants;

    List<String> keyNames(Workspace workspace) {
        return api.get(workspace.path("/api-keys?limit=200"), workspace.token())
                .json()
                .path("items")
                .valueStream()
                .map(key -> key.path("name").asString())
                .toList();
    }

    @Test
    void aRetryGetsTheFirstResponseWithoutItsSecretAndCreatesNothingMore() {
        var workspace = provision();
        String key = UUID.randomUUID().toString();
        String body = "{\"name\":\"Once\",\"scopes\":[\"read\"]}";

        var first = api.post(workspace.path("/api-keys"), workspace.token(), body, "Idempotency-Key", key);
        var retry = api.post(workspace.path("/api-keys"), workspace.token(), body, "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotency-Replayed")).isNull();
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.contentType()).startsWith("application/json");
        assertThat(retry.json().path("id").asString())
                .isEqualTo(first.json().path("id").asString());
        assertThat(retry.json().path("name").asString()).isEqualTo("Once");
        assertThat(first.json().path("token").asString()).startsWith("hk_");
        assertThat(retry.json().path("token").isNull()).isTrue();
        assertThat(keyNames(workspace)).containsOnlyOnce("Once");
    }

    @Test
    void theSecretIsNotStoredForReplays() {
        var workspace = provision();
        String key = UUID.randomUUID().toString();

        var first = api.post(
                workspace.path("/api-keys"),
                workspace.token(),
                "{\"name\":\"Secretive\",\"scopes\":[\"read\"]}",
                "Idempotency-Key",
                key);

        String token = first.json().path("token").asString();
        String stored = tenants.call(WorkspaceId.of(workspace.id()), () -> jdbc.sql(
                        "select convert_from(body, 'UTF8') from idempotency_keys where key = :key")
                .param("key", key)
                .query(String.class)
                .single());
        assertThat(stored).contains(first.json().path("id").asString()).doesNotContain(token);
    }

    @Test
    void theSameKeyForAnotherRequestIsRefused() {
        var workspace = provisionWithOwner("enterprise");
        String key = UUID.randomUUID().toString();
        api.post(
                workspace.path("/api-keys"),
                workspace.token(),
                "{\"name\":\"A\",\"scopes\":[\"read\"]}",
                "Idempotency-Key",
                key);

        var otherBody = api.post(
                workspace.path("/api-keys"),
                workspace.token(),
                "{\"name\":\"B\",\"scopes\":[\"read\"]}",
                "Idempotency-Key",
                key);
        var otherPath = api.post(
                workspace.path("/invitations"), workspace.token(), "{\"role\":\"viewer\"}", "Idempotency-Key", key);

        assertProblem(otherBody, 422, "idempotency-key-reused");
        assertProblem(otherPath, 422, "idempotency-key-reused");
        assertThat(keyNames(workspace)).contains("A").doesNotContain("B");
        assertThat(api.get(workspace.path("/invitations"), workspace.token())
                        .json()
                        .path("items")
                        .size())
                .isZero();
    }

    @Test
    void concurrentRequestsWithOneKeyExecuteOnce() throws Exception {
        var workspace = provision();
        String key = UUID.randomUUID().toString();
        String body = "{\"name\":\"Concurrent\",\"scopes\":[\"read\"]}";
        var start = new CountDownLatch(1);
        List<Future<Api.Response>> responses = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(10)) {
            for (int i = 0; i < 10; i++) {
                responses.add(pool.submit(() -> {
                    start.await();
                    return api.post(workspace.path("/api-keys"), workspace.token(), body, "Idempotency-Key", key);
                }));
            }
            start.countDown();
        }

        List<Api.Response> done = new ArrayList<>();
        for (var response : responses) {
            done.add(response.get());
        }
        assertThat(done)
                .allSatisfy(response ->
                        assertThat(response.status()).as(response.toString()).isEqualTo(201));
        assertThat(done.stream().map(r -> r.json().path("id").asString()).distinct())
                .hasSize(1);
        assertThat(done.stream().filter(r -> !r.json().path("token").isNull())).hasSize(1);
        assertThat(done.stream().filter(r -> "true".equals(r.header("Idempotency-Replayed"))))
                .hasSize(9);
        assertThat(keyNames(workspace)).containsOnlyOnce("Concurrent");
    }

    @Test
    void aRetryWhileTheFirstStillRunsWaitsBoundedlyThenGetsConflict() throws Exception {
        var workspace = provision();
        String key = UUID.randomUUID().toString();
        String body = "{\"marker\":\"%s\",\"sleepMillis\":4000}".formatted(UUID.randomUUID());
        try (var pool = Executors.newSingleThreadExecutor()) {
            Future<Api.Response> first = pool.submit(
                    () -> api.post(workspace.path("/test-failures"), workspace.token(), body, "Idempotency-Key", key));
            Thread.sleep(500);

            var impatient = api.post(workspace.path("/test-failures"), workspace.token(), body, "Idempotency-Key", key);

            assertProblem(impatient, 409, "idempotency-in-progress");
            assertThat(impatient.header("Retry-After")).isEqualTo("1");
            assertThat(first.get().status()).isEqualTo(201);
        }
        var later = api.post(workspace.path("/test-failures"), workspace.token(), body, "Idempotency-Key", key);
        assertThat(later.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(later.json().path("call").asInt()).isEqualTo(1);
    }

    @Test
    void aClaimWhoseRequestDiedIsTakenOver() {
        var workspace = provision();
        String key = UUID.randomUUID().toString();
        String body = "{\"name\":\"Orphan\",\"scopes\":[\"read\"]}";
        // A node died while running this request: its claim is still "running", past its lock.
        tenants.run(WorkspaceId.of(workspace.id()), () -> jdbc.sql(
                        """
                        insert into idempotency_keys (workspace_id, key, fingerprint, state, locked_until, created_at)
                        values (:workspace, :key, :fingerprint, 'running', now() - interval '1 second',
                            now() - interval '10 minutes')""")
                .param("workspace", UUID.fromString(workspace.id()))
                .param("key", key)
                .param("fingerprint", new byte[32])
                .update());

        var response = api.post(workspace.path("/api-keys"), workspace.token(), body, "Idempotency-Key", key);

        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.header("Idempotency-Replayed")).isNull();
        assertThat(keyNames(workspace)).containsOnlyOnce("Orphan");
    }

    @Test
    void keysBelongToOneWorkspace() {
        var one = provision();
        var other = provision();
        String key = UUID.randomUUID().toString();
        String body = "{\"name\":\"Shared key\",\"scopes\":[\"read\"]}";

        var inOne = api.post(one.path("/api-keys"), one.token(), body, "Idempotency-Key", key);
        var inOther = api.post(other.path("/api-keys"), other.token(), body, "Idempotency-Key", key);

        assertThat(inOne.status()).isEqualTo(201);
        assertThat(inOther.status()).isEqualTo(201);
        assertThat(inOther.header("Idempotency-Replayed")).isNull();
        assertThat(inOther.json().path("id").asString())
                .isNotEqualTo(inOne.json().path("id").asString());
        assertThat(keyNames(other)).containsOnlyOnce("Shared key");
    }

    @Test
    void aFailedFirstAttemptIsNotKeptSoTheRetryRuns() {
        var workspace = provision();
        String key = UUID.randomUUID().toString();
        String body = "{\"marker\":\"" + UUID.randomUUID() + "\"}";

        var failed = api.post(workspace.path("/test-failures"), workspace.token(), body, "Idempotency-Key", key);
        var retried = api.post(workspace.path("/test-failures"), workspace.token(), body, "Idempotency-Key", key);
        var replayed = api.post(workspace.path("/test-failures"), workspace.token(), body, "Idempotency-Key", key);

        assertProblem(failed, 500, "internal");
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.header("Idempotency-Replayed")).isNull();
        assertThat(retried.json().path("call").asInt()).isEqualTo(2);
        assertThat(replayed.status()).isEqualTo(201);
        assertThat(replayed.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(replayed.json().path("call").asInt()).isEqualTo(2);
    }

    @Test
    void aRefusedRequestIsReplayedToo() {
        var workspace = provision();
        String key = UUID.randomUUID().toString();
        String body = "{\"name\":\"x\",\"scopes\":[\"root\"]}";

        var first = api.post(workspace.path("/api-keys"), workspace.token(), body, "Idempotency-Key", key);
        var retry = api.post(workspace.path("/api-keys"), workspace.token(), body, "Idempotency-Key", key);

        assertProblem(first, 400, "invalid-input");
        assertProblem(retry, 400, "invalid-input");
        assertThat(retry.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(retry.contentType()).startsWith("application/problem+json");
    }

    @Test
    void aKeyOlderThanItsRetentionStartsAfreshAndIsPurged() {
        var workspace = provision();
        String key = UUID.randomUUID().toString();
        String body = "{\"name\":\"Yesterday\",\"scopes\":[\"read\"]}";
        api.post(workspace.path("/api-keys"), workspace.token(), body, "Idempotency-Key", key);
        backdate(workspace, key);

        var again = api.post(workspace.path("/api-keys"), workspace.token(), body, "Idempotency-Key", key);

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotency-Replayed")).isNull();
        assertThat(keyNames(workspace).stream().filter("Yesterday"::equals)).hasSize(2);

        backdate(workspace, key);
        Integer purged = jdbc.sql("select herald_purge_idempotency_keys(now() - interval '24 hours')")
                .query(Integer.class)
                .single();
        assertThat(purged).isGreaterThanOrEqualTo(1);
        assertThat(storedKeys(workspace, key)).isZero();
        assertThat(jdbc.sql("select count(*) from scheduled_tasks where task_name = 'api-idempotency-keys-purge'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void theOperatorsKeysAreItsOwn() {
        String key = UUID.randomUUID().toString();
        String name = "Operator once " + UUID.randomUUID().toString().substring(0, 6);
        String body = "{\"name\":\"%s\",\"ownerEmail\":\"op@herald.test\",\"plan\":\"free\",\"timezone\":\"UTC\"}"
                .formatted(name);

        var first = api.post("/api/v1/workspaces", OPERATOR, body, "Idempotency-Key", key);
        var retry = api.post("/api/v1/workspaces", OPERATOR, body, "Idempotency-Key", key);
        var other = api.post("/api/v1/workspaces", OPERATOR, body.replace("free", "basic"), "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(retry.json().path("id").asString())
                .isEqualTo(first.json().path("id").asString());
        assertThat(retry.json().path("apiKey").path("token").isNull()).isTrue();
        assertThat(retry.json().path("ownerInvitation").path("url").isNull()).isTrue();
        assertProblem(other, 422, "idempotency-key-reused");
        String slug = first.json().path("slug").asString();
        assertThat(slugTaken(slug)).isTrue();
        assertThat(slugTaken(slug + "-2")).isFalse();
    }

    @Test
    void aMalformedKeyIsRefused() {
        var workspace = provision();

        var response = api.post(
                workspace.path("/api-keys"),
                workspace.token(),
                "{\"name\":\"k\",\"scopes\":[\"read\"]}",
                "Idempotency-Key",
                "k".repeat(256));

        assertProblem(response, 400, "invalid-input");
        assertThat(response.json().path("errors").get(0).path("field").asString())
                .isEqualTo("Idempotency-Key");
        assertThat(keyNames(workspace)).doesNotContain("k");
    }

    private void backdate(Workspace workspace, String key) {
        tenants.run(WorkspaceId.of(workspace.id()), () -> jdbc.sql(
                        "update idempotency_keys set created_at = now() - interval '25 hours' where key = :key")
                .param("key", key)
                .update());
    }

    private int storedKeys(Workspace workspace, String key) {
        return tenants.call(
                WorkspaceId.of(workspace.id()), () -> jdbc.sql("select count(*) from idempotency_keys where key = :key")
                        .param("key", key)
                        .query(Integer.class)
                        .single());
    }
}
