package herald.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import herald.identity.Users;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The shared setup of the API tests: the whole application on a random port against the embedded Postgres, with two
 * small plans to reach limits ({@code tiny}: 5 requests an hour; {@code cramped}: 2 members), and workspaces
 * provisioned through the operator API as a client would. Every test makes its own workspaces: the database is shared
 * with every other test of the build.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            // tiny: a rate limit a test can exhaust
            "herald.plans.tiny.members=100",
            "herald.plans.tiny.connections=1",
            "herald.plans.tiny.posts-per-day=1",
            "herald.plans.tiny.api-requests-per-hour=5",
            "herald.plans.tiny.ai-tokens-per-month=1",
            "herald.plans.tiny.storage-mb=1",
            // cramped: two seats
            "herald.plans.cramped.members=2",
            "herald.plans.cramped.connections=1",
            "herald.plans.cramped.posts-per-day=1",
            "herald.plans.cramped.api-requests-per-hour=100000",
            "herald.plans.cramped.ai-tokens-per-month=1",
            "herald.plans.cramped.storage-mb=1",
            // a retry waits this long for a concurrent request with its key, then gets 409
            "herald.api.idempotency.await-concurrent=2s"
        })
@Import(TestEndpoints.class)
abstract class ApiTest {

    static final String OPERATOR = "test-operator-token";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Users users;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port);
    }

    /** A workspace made by the operator, with its admin key; {@code ownerId} is null while the owner is invited. */
    record Workspace(String id, String name, String slug, String token, String ownerEmail, @Nullable String ownerId) {

        String path() {
            return "/api/v1/workspaces/" + id;
        }

        String path(String rest) {
            return path() + rest;
        }
    }

    Workspace provision() {
        return provision("enterprise");
    }

    Workspace provision(String plan) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        return provision(plan, "Test " + suffix, "owner-" + suffix + "@herald.test");
    }

    /** A workspace whose owner has an account, so it has a member from the start. */
    Workspace provisionWithOwner(String plan) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String email = "member-" + suffix + "@herald.test";
        users.register(email, "Owner " + suffix, "a long enough passphrase");
        return provision(plan, "Test " + suffix, email);
    }

    Workspace provision(String plan, String name, String owner) {
        var response = api.post(
                "/api/v1/workspaces",
                OPERATOR,
                """
                {"name":"%s","ownerEmail":"%s","plan":"%s","timezone":"Europe/Berlin"}"""
                        .formatted(name, owner, plan));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        var json = response.json();
        return new Workspace(
                json.path("id").asString(),
                name,
                json.path("slug").asString(),
                json.path("apiKey").path("token").asString(),
                owner,
                json.path("owner").path("userId").isNull()
                        ? null
                        : json.path("owner").path("userId").asString());
    }

    /** A new key of {@code workspace} with {@code scopes}; returns its token. */
    String key(Workspace workspace, String... scopes) {
        String list = String.join("\",\"", scopes);
        var response = api.post(
                workspace.path("/api-keys"),
                workspace.token(),
                """
                {"name":"key %s","scopes":["%s"]}""".formatted(UUID.randomUUID(), list));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("token").asString();
    }

    /** Whether a workspace with this slug exists, read through the cross-tenant function the app itself uses. */
    boolean slugTaken(String slug) {
        return Boolean.TRUE.equals(jdbc.sql("select herald_slug_taken(:slug)")
                .param("slug", slug)
                .query(Boolean.class)
                .single());
    }

    static void assertProblem(Api.Response response, int status, String type) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).as(response.toString()).startsWith("application/problem+json");
        assertThat(response.problemType()).as(response.toString()).isEqualTo(type);
        assertThat(response.json().path("title").asString()).isNotBlank();
        assertThat(response.json().path("detail").asString()).isNotBlank();
        assertThat(response.json().path("status").asInt()).isEqualTo(status);
    }
}
